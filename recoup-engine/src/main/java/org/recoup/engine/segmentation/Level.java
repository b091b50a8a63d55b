package org.recoup.engine.segmentation;

/** High or low willingness / ability. */
public enum Level {
    HIGH, LOW
}

package org.recoup.engine.segmentation;

/** Status of the most recent promise to pay: none yet, open (pending), kept or broken. */
public enum PtpStatus {
    NONE, PENDING, KEPT, BROKEN
}

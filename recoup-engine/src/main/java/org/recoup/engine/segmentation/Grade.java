package org.recoup.engine.segmentation;

/** Risk grade (PRACTICE §3): A short delinquency, good history; B repeated/partial; C long, lost contact, refusal. */
public enum Grade {
    A, B, C
}

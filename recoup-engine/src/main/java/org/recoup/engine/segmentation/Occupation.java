package org.recoup.engine.segmentation;

/** Debtor profiles with different pressure points (PRACTICE §3). */
public enum Occupation {
    WHITE_COLLAR, RETIREE, BUSINESS_OWNER, WORKER, STUDENT, UNKNOWN
}

package org.recoup.engine.segmentation;

/**
 * Willingness × ability (PRACTICE §3): willing & able → remind; willing & unable → plan/restructure; unwilling &
 * able → firm, legal path; unwilling & unable → cost-effective (agency, write-off).
 */
public enum Quadrant {
    WILLING_ABLE, WILLING_UNABLE, UNWILLING_ABLE, UNWILLING_UNABLE;

    public static Quadrant of(Level willingness, Level ability) {
        if (willingness == Level.HIGH) {
            return ability == Level.HIGH ? WILLING_ABLE : WILLING_UNABLE;
        }
        return ability == Level.HIGH ? UNWILLING_ABLE : UNWILLING_UNABLE;
    }
}

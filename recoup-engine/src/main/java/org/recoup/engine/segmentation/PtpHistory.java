package org.recoup.engine.segmentation;

import java.util.Objects;

/**
 * Promises to pay on the case.
 *
 * @param made       promises made in total
 * @param kept       promises kept
 * @param broken     promises broken
 * @param lastStatus status of the most recent promise
 * @param daysToDue  days from the business date to the open promise's date (0 = today); null unless PENDING
 * @param daysSinceResolved days since the last promise was kept or broken (0 = today); null unless KEPT or BROKEN
 */
public record PtpHistory(int made, int kept, int broken, PtpStatus lastStatus, Integer daysToDue,
                         Integer daysSinceResolved) {

    public static final PtpHistory NONE = new PtpHistory(0, 0, 0, PtpStatus.NONE, null, null);

    public PtpHistory {
        Objects.requireNonNull(lastStatus, "lastStatus");
        if (made < 0 || kept < 0 || broken < 0) {
            throw new IllegalArgumentException("promise counts must not be negative");
        }
        if (kept + broken > made) {
            throw new IllegalArgumentException("kept + broken (" + (kept + broken) + ") exceeds promises made (" + made + ")");
        }
        if ((daysToDue != null) != (lastStatus == PtpStatus.PENDING)) {
            throw new IllegalArgumentException("daysToDue is given exactly when the last promise is PENDING");
        }
        boolean resolved = lastStatus == PtpStatus.KEPT || lastStatus == PtpStatus.BROKEN;
        if ((daysSinceResolved != null) != resolved) {
            throw new IllegalArgumentException("daysSinceResolved is given exactly when the last promise is KEPT or BROKEN");
        }
        if (daysSinceResolved != null && daysSinceResolved < 0) {
            throw new IllegalArgumentException("daysSinceResolved must not be negative");
        }
    }
}

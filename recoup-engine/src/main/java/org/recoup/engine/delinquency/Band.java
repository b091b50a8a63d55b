package org.recoup.engine.delinquency;

import java.util.Objects;

/**
 * A named range of days past due, inclusive on both ends; {@code maxDpd} null means open-ended.
 */
public record Band(String name, int minDpd, Integer maxDpd) {

    public Band {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a band needs a name");
        }
        if (minDpd < 0) {
            throw new IllegalArgumentException("band " + name + ": minDpd must not be negative");
        }
        if (maxDpd != null && maxDpd < minDpd) {
            throw new IllegalArgumentException("band " + name + ": maxDpd " + maxDpd + " is below minDpd " + minDpd);
        }
    }

    public boolean contains(int dpd) {
        return dpd >= minDpd && (maxDpd == null || dpd <= maxDpd);
    }
}

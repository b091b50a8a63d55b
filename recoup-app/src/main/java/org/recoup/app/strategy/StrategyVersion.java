package org.recoup.app.strategy;

import java.time.OffsetDateTime;

/**
 * One stored version of a strategy.
 *
 * @param status DRAFT (saved, never active), ACTIVE (the champion) or RETIRED (was active)
 */
public record StrategyVersion(String strategyId, int version, String status, int rules, String note, String createdBy,
                              OffsetDateTime createdAt, String activatedBy, OffsetDateTime activatedAt,
                              OffsetDateTime retiredAt) {

    public static final String DRAFT = "DRAFT";
    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}

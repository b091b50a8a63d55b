package org.recoup.engine.compliance;

import java.time.Instant;
import java.util.Objects;

/**
 * A hold on a party from {@code from} (inclusive) until {@code to} (exclusive; open-ended when null).
 *
 * @param setBy the user or process that set it (for the audit trail)
 */
public record Hold(HoldType type, Instant from, Instant to, String reason, String setBy) {

    public Hold {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("hold 'to' must be after 'from'");
        }
    }

    public boolean activeAt(Instant at) {
        return !at.isBefore(from) && (to == null || at.isBefore(to));
    }
}

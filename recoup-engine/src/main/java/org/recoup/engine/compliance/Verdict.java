package org.recoup.engine.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gate's answer: every reason that applies (not only the first), and when the contact would next be allowed.
 *
 * @param nextAllowedAt the earliest instant at which all blocking time and frequency reasons clear; null when the
 *                      contact is allowed or a reason blocks that time does not clear (a hold, missing consent, content)
 * @param profileId     the profile (and its version) that decided, for the audit trail
 */
public record Verdict(Decision decision, List<Reason> reasons, Instant nextAllowedAt, String profileId,
                      int profileVersion) {

    public enum Decision { ALLOW, BLOCK }

    /** One reason: a stable code, a human message, and the rule id it cites (see docs/compliance.md). */
    public record Reason(ReasonCode code, String message, String rule) {

        public Reason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(rule, "rule");
        }
    }

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    public List<ReasonCode> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}

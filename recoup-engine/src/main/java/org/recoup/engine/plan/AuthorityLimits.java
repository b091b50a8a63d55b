package org.recoup.engine.plan;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The approval chain: one {@link AuthorityLimit} per level, lowest first. A plan is escalated to the first level whose
 * limit covers it. Validated on construction: level names unique, amounts and counts not negative, percentages
 * 0–100, authority never shrinking up the chain.
 */
public record AuthorityLimits(int version, List<AuthorityLimit> limits) {

    public AuthorityLimits {
        limits = List.copyOf(limits);
        if (limits.isEmpty()) {
            throw new PlanTermsException("INVALID_AUTHORITY_LIMITS", "limits", "at least one level is needed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < limits.size(); i++) {
            AuthorityLimit l = limits.get(i);
            String at = "limits[" + i + "].";
            if (!seen.add(l.level())) {
                throw new PlanTermsException("INVALID_AUTHORITY_LIMITS", at + "level", "level " + l.level() + " is listed twice");
            }
            if (l.maxWaiverMinor() < 0) {
                throw new PlanTermsException("INVALID_AUTHORITY_LIMITS", at + "maxWaiverMinor", "must not be negative");
            }
            if (l.maxWaiverPercent().signum() < 0 || l.maxWaiverPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new PlanTermsException("INVALID_AUTHORITY_LIMITS", at + "maxWaiverPercent", "must be 0–100");
            }
            if (l.maxInstalments() < 0 || l.maxMonths() < 0) {
                throw new PlanTermsException("INVALID_AUTHORITY_LIMITS",
                        at + (l.maxInstalments() < 0 ? "maxInstalments" : "maxMonths"), "must not be negative");
            }
            if (i > 0) {
                AuthorityLimit below = limits.get(i - 1);
                if (l.maxWaiverMinor() < below.maxWaiverMinor()
                        || l.maxWaiverPercent().compareTo(below.maxWaiverPercent()) < 0
                        || l.maxInstalments() < below.maxInstalments() || l.maxMonths() < below.maxMonths()
                        || !l.planTypes().containsAll(below.planTypes())) {
                    throw new PlanTermsException("INVALID_AUTHORITY_LIMITS", at + "level", "level " + l.level()
                            + " may grant less than " + below.level() + " below it: authority must not shrink up the chain");
                }
            }
        }
    }

    public AuthorityLimits withVersion(int v) {
        return new AuthorityLimits(v, limits);
    }

    public Optional<AuthorityLimit> of(String level) {
        return limits.stream().filter(l -> l.level().equals(level)).findFirst();
    }

    /** The lowest level whose limit covers {@code grant}; empty when even the top of the chain cannot grant it. */
    public Optional<AuthorityLimit> firstCovering(AuthorityLimit.Grant grant) {
        return limits.stream().filter(l -> l.covers(grant)).findFirst();
    }

    /** Position in the chain, 0 = lowest; -1 for a level not in the chain. */
    public int rank(String level) {
        for (int i = 0; i < limits.size(); i++) {
            if (limits.get(i).level().equals(level)) {
                return i;
            }
        }
        return -1;
    }
}

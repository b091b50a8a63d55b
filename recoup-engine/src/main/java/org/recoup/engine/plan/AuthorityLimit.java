package org.recoup.engine.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one level of the approval chain (an agent tier or a role, e.g. {@code AGENT_JUNIOR}, {@code TEAM_LEAD}) may
 * grant. Amounts in minor units of the account's currency.
 *
 * @param maxWaiverMinor   largest total waived (principal, interest, fees and penalty together)
 * @param maxWaiverPercent largest total waived as a percentage of the balance (0–100)
 * @param maxInstalments   most instalments a plan may create
 * @param maxMonths        longest a plan may run, in months from its start to its last instalment
 * @param planTypes        the plan types this level may grant
 */
public record AuthorityLimit(String level, long maxWaiverMinor, BigDecimal maxWaiverPercent, int maxInstalments,
                             int maxMonths, Set<PlanType> planTypes) {

    public AuthorityLimit {
        Objects.requireNonNull(level, "level");
        planTypes = planTypes == null || planTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(planTypes));
        if (maxWaiverPercent == null) {
            maxWaiverPercent = BigDecimal.ZERO;
        }
    }

    /** What a plan asks of its approver. */
    public record Grant(PlanType type, long waived, BigDecimal waivedPercent, int instalments, int months) {
    }

    /** A reason this level cannot grant a plan: a stable code, the plan field it concerns and a sentence. */
    public record Violation(String code, String field, String message) {
    }

    /** Everything in {@code grant} beyond this level's authority; empty when it is covered. */
    public List<Violation> check(Grant grant) {
        List<Violation> violations = new ArrayList<>();
        if (!planTypes.contains(grant.type())) {
            violations.add(new Violation("PLAN_TYPE_NOT_ALLOWED", "type",
                    level + " may not grant a " + grant.type() + " (allowed: " + planTypes + ")"));
        }
        if (grant.waived() > maxWaiverMinor) {
            violations.add(new Violation("WAIVER_AMOUNT_OVER_LIMIT", "waived", "waiving " + grant.waived()
                    + " is more than " + level + "'s limit of " + maxWaiverMinor));
        }
        if (grant.waivedPercent().compareTo(maxWaiverPercent) > 0) {
            violations.add(new Violation("WAIVER_PERCENT_OVER_LIMIT", "waived", "waiving "
                    + grant.waivedPercent().stripTrailingZeros().toPlainString() + "% of the balance is more than "
                    + level + "'s limit of " + maxWaiverPercent.stripTrailingZeros().toPlainString() + "%"));
        }
        if (grant.instalments() > maxInstalments) {
            violations.add(new Violation("INSTALMENTS_OVER_LIMIT", "instalments", grant.instalments()
                    + " instalments are more than " + level + "'s limit of " + maxInstalments));
        }
        if (grant.months() > maxMonths) {
            violations.add(new Violation("LENGTH_OVER_LIMIT", "firstDueDate", "a plan of " + grant.months()
                    + " months is longer than " + level + "'s limit of " + maxMonths));
        }
        return violations;
    }

    public boolean covers(Grant grant) {
        return check(grant).isEmpty();
    }
}

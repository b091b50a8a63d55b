package org.recoup.app.plan;

import java.util.EnumSet;
import java.util.Set;
import org.recoup.engine.plan.PlanType;

/**
 * How running plans are monitored (versioned in {@code business_config}, kind {@code plan-policy}).
 *
 * @param graceDays     a plan is BROKEN when the account's dpd under the plan's schedule exceeds this
 * @param revertOnBreak plan types whose original schedule is restored (and waiver reinstated) when they break
 */
public record PlanPolicy(int version, int graceDays, Set<PlanType> revertOnBreak) {

    public PlanPolicy {
        if (graceDays < 0 || graceDays > 365) {
            throw new IllegalArgumentException("graceDays must be 0–365, was " + graceDays);
        }
        revertOnBreak = revertOnBreak == null || revertOnBreak.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(revertOnBreak));
    }

    PlanPolicy withVersion(int v) {
        return new PlanPolicy(v, graceDays, revertOnBreak);
    }
}

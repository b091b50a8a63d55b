package org.recoup.engine.plan;

import java.util.Comparator;
import java.util.List;

/**
 * Where a running plan stands after a business day, from its schedule, the cash the delinquency engine applied to the
 * schedule (principal + interest + fees paid) and the day's dpd.
 * <ul>
 * <li>COMPLETED when the cash covers every instalment up to and including the last PLAN instalment (instalments are
 *     paid in due-date order, so that is the cumulative amount due through it);</li>
 * <li>else BROKEN when dpd exceeds the plan policy's grace days (an instalment missed beyond grace);</li>
 * <li>else KEPT (running).</li>
 * </ul>
 */
public final class PlanProgress {

    public enum Standing {
        KEPT, COMPLETED, BROKEN
    }

    private PlanProgress() {
    }

    public static Standing evaluate(List<PlanInstalment> schedule, long cashApplied, int dpd, int graceDays) {
        List<PlanInstalment> ordered = schedule.stream()
                .sorted(Comparator.comparing(PlanInstalment::dueDate).thenComparingInt(PlanInstalment::seq)).toList();
        int last = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).kind() == PlanInstalment.Kind.PLAN) {
                last = i;
            }
        }
        long through = 0;
        for (int i = 0; i <= last; i++) {
            through += ordered.get(i).due();
        }
        if (cashApplied >= through) {
            return Standing.COMPLETED;
        }
        return dpd > graceDays ? Standing.BROKEN : Standing.KEPT;
    }
}

package org.recoup.engine.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One instalment of a restructured schedule, in minor units.
 *
 * @param kind PAID: what was paid before the plan (kept so past payments stay allocated); PLAN: created by the plan;
 *             KEPT: an original instalment not yet due that the plan leaves in place (what is left unpaid of it)
 */
public record PlanInstalment(int seq, LocalDate dueDate, long principal, long interest, long fees, Kind kind) {

    public enum Kind {
        PAID, PLAN, KEPT
    }

    public PlanInstalment {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(kind, "kind");
        if (principal < 0 || interest < 0 || fees < 0) {
            throw new IllegalArgumentException("instalment " + seq + " has a negative amount");
        }
    }

    public long due() {
        return principal + interest + fees;
    }
}

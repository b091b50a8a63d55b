package org.recoup.engine.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a collector proposes. Which fields a type uses:
 * <ul>
 * <li>SETTLEMENT: {@code settlementAmount} (minor units, more than 0, at most the balance) and {@code payBy}.</li>
 * <li>INSTALMENT_PLAN: {@code instalments} (1–120), {@code firstDueDate}, {@code scope} (ARREARS or BALANCE).</li>
 * <li>WAIVER: {@code waiveInterest} and/or {@code waivePenalty}, and {@code payBy} for the rest of the arrears.</li>
 * <li>RE_AGE: nothing more.</li>
 * </ul>
 * Fields a type does not use are ignored. Dates are checked against the day the plan starts in {@link Restructure}.
 */
public record PlanTerms(PlanType type, Scope scope, int instalments, LocalDate firstDueDate, long settlementAmount,
                        LocalDate payBy, boolean waiveInterest, boolean waivePenalty) {

    /** What an instalment plan spreads: the overdue amounts only, or everything still owed. */
    public enum Scope {
        ARREARS, BALANCE
    }

    public static final int MAX_INSTALMENTS = 120;

    public PlanTerms {
        Objects.requireNonNull(type, "type");
        switch (type) {
            case SETTLEMENT -> {
                require(settlementAmount > 0, "settlementAmount", "a settlement needs an amount above 0");
                require(payBy != null, "payBy", "a settlement needs the date it must be paid by");
            }
            case INSTALMENT_PLAN -> {
                require(instalments >= 1 && instalments <= MAX_INSTALMENTS, "instalments",
                        "an instalment plan has 1–" + MAX_INSTALMENTS + " instalments, was " + instalments);
                require(firstDueDate != null, "firstDueDate", "an instalment plan needs the first instalment's due date");
                if (scope == null) {
                    scope = Scope.ARREARS;
                }
            }
            case WAIVER -> {
                require(waiveInterest || waivePenalty, "waiveInterest",
                        "a waiver waives interest, penalty or both: set waiveInterest and/or waivePenalty");
                require(payBy != null, "payBy", "a waiver needs the date the rest of the arrears must be paid by");
            }
            case RE_AGE -> {
                // the arrears move to the end of the schedule: nothing to choose
            }
        }
    }

    public static PlanTerms settlement(long amount, LocalDate payBy) {
        return new PlanTerms(PlanType.SETTLEMENT, null, 1, null, amount, payBy, false, false);
    }

    public static PlanTerms instalmentPlan(Scope scope, int instalments, LocalDate firstDueDate) {
        return new PlanTerms(PlanType.INSTALMENT_PLAN, scope, instalments, firstDueDate, 0, null, false, false);
    }

    public static PlanTerms waiver(boolean interest, boolean penalty, LocalDate payBy) {
        return new PlanTerms(PlanType.WAIVER, null, 1, null, 0, payBy, interest, penalty);
    }

    public static PlanTerms reAge() {
        return new PlanTerms(PlanType.RE_AGE, null, 1, null, 0, null, false, false);
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new PlanTermsException(field, message);
        }
    }
}

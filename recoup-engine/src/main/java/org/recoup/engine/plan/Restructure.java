package org.recoup.engine.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.recoup.engine.debt.Installment;

/**
 * The schedule a plan puts in place of a debt's original one, from the debt's {@link Position} on the day the plan
 * starts ({@code asOf}). Pure: no clock, no I/O.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Past payments stay where they were.</b> The new schedule starts with one PAID instalment due on {@code asOf}
 *     holding what the cash received so far paid (principal, interest, fees; penalty paid counted as fees), so the
 *     delinquency engine, which pays oldest due first, allocates the same cash to it again and nothing is counted
 *     twice. Omitted when nothing was paid.</li>
 * <li><b>Arrears</b> are the unpaid parts of instalments due before {@code asOf} plus the penalty accrued and unpaid;
 *     the <b>balance</b> is every unpaid part plus that penalty. A plan instalment carries penalty as fees (no penalty
 *     is charged on penalty).</li>
 * <li><b>SETTLEMENT</b>: one PLAN instalment of the settlement amount due on {@code payBy}, paying principal first,
 *     then interest, fees and penalty; the rest of the balance is waived (conditionally: reinstated if it is not paid).
 *     Instalments not yet due are replaced.</li>
 * <li><b>INSTALMENT_PLAN</b>: the arrears (scope ARREARS; instalments not yet due are KEPT as they are) or the balance
 *     (scope BALANCE; they are replaced) split into N monthly PLAN instalments from {@code firstDueDate}
 *     ({@code firstDueDate.plusMonths(k)}); each component is divided evenly in minor units, the remainder on the last
 *     instalment. Nothing is waived.</li>
 * <li><b>WAIVER</b>: overdue interest ({@code waiveInterest}) and/or the penalty due ({@code waivePenalty}) are waived;
 *     the rest of the arrears is one PLAN instalment due on {@code payBy}; instalments not yet due are KEPT.</li>
 * <li><b>RE_AGE</b>: the arrears become one PLAN instalment due a month after the last instalment not yet due (or a
 *     month after {@code asOf} when none is left); instalments not yet due are KEPT; nothing is waived. The account is
 *     current again from {@code asOf}.</li>
 * <li>Dates a plan sets must fall after {@code asOf}. Instalments are numbered 1.. by due date (PAID first).</li>
 * <li><b>Length</b> = whole months from {@code asOf} to the last PLAN instalment, rounded up.</li>
 * </ul>
 * Money is conserved: {@code sum(PLAN + KEPT) + waived = balance} (KEPT only counts unpaid parts), and the PAID
 * instalment equals the cash already applied.
 */
public final class Restructure {

    private Restructure() {
    }

    /** The result: the new schedule with what it waives and how long it runs. */
    public record Restructured(List<PlanInstalment> schedule, Components balance, Components arrears,
                               Components waived, int planInstalments, int lengthMonths) {

        public Restructured {
            schedule = List.copyOf(schedule);
        }

        /** The waived total as a percentage of the balance (0 when the balance is 0). */
        public java.math.BigDecimal waivedPercent() {
            if (balance.total() == 0) {
                return java.math.BigDecimal.ZERO;
            }
            return java.math.BigDecimal.valueOf(waived.total()).multiply(java.math.BigDecimal.valueOf(100))
                    .divide(java.math.BigDecimal.valueOf(balance.total()), 4, java.math.RoundingMode.HALF_UP);
        }
    }

    public static Restructured restructure(Position position, PlanTerms terms) {
        LocalDate asOf = position.asOf();
        Components balance = position.balance();
        Components arrears = position.arrears();
        List<PlanInstalment> plan = new ArrayList<>();
        List<Installment> kept = List.of();
        Components waived = Components.NONE;
        switch (terms.type()) {
            case SETTLEMENT -> {
                after(asOf, terms.payBy(), "payBy");
                if (terms.settlementAmount() > balance.total()) {
                    throw new PlanTermsException("SETTLEMENT_ABOVE_BALANCE", "settlementAmount", "the settlement amount "
                            + terms.settlementAmount() + " is more than the balance " + balance.total());
                }
                Components settled = principalFirst(balance, terms.settlementAmount());
                plan.add(planInstalment(terms.payBy(), settled));
                waived = balance.minus(settled);
            }
            case INSTALMENT_PLAN -> {
                after(asOf, terms.firstDueDate(), "firstDueDate");
                boolean arrearsOnly = terms.scope() == PlanTerms.Scope.ARREARS;
                Components spread = arrearsOnly ? arrears : balance;
                if (spread.total() == 0) {
                    throw new PlanTermsException("NOTHING_TO_PLAN", "scope", arrearsOnly
                            ? "nothing is overdue: there are no arrears to spread" : "nothing is owed");
                }
                int n = terms.instalments();
                for (int k = 0; k < n; k++) {
                    plan.add(new PlanInstalment(0, terms.firstDueDate().plusMonths(k),
                            share(spread.principal(), n, k), share(spread.interest(), n, k),
                            share(spread.fees() + spread.penalty(), n, k), PlanInstalment.Kind.PLAN));
                }
                kept = arrearsOnly ? position.notYetDue() : List.of();
            }
            case WAIVER -> {
                after(asOf, terms.payBy(), "payBy");
                waived = new Components(0, terms.waiveInterest() ? arrears.interest() : 0, 0,
                        terms.waivePenalty() ? arrears.penalty() : 0);
                if (waived.total() == 0) {
                    throw new PlanTermsException("NOTHING_TO_WAIVE", terms.waiveInterest() ? "waiveInterest" : "waivePenalty",
                            "there is no overdue interest or penalty due to waive");
                }
                Components rest = arrears.minus(waived);
                if (rest.total() > 0) {
                    plan.add(planInstalment(terms.payBy(), rest));
                }
                kept = position.notYetDue();
            }
            case RE_AGE -> {
                if (arrears.total() == 0) {
                    throw new PlanTermsException("NOTHING_OVERDUE", "type", "nothing is overdue: there is nothing to re-age");
                }
                kept = position.notYetDue();
                LocalDate last = kept.stream().map(Installment::dueDate).max(Comparator.naturalOrder()).orElse(asOf);
                plan.add(planInstalment(last.plusMonths(1), arrears));
            }
        }
        List<PlanInstalment> rest = new ArrayList<>(plan.size() + kept.size());
        for (Installment k : kept) {
            rest.add(new PlanInstalment(0, k.dueDate(), k.principal(), k.interest(), k.fees(), PlanInstalment.Kind.KEPT));
        }
        rest.addAll(plan);
        rest.sort(Comparator.comparing(PlanInstalment::dueDate)); // stable: KEPT before PLAN on the same day
        List<PlanInstalment> schedule = new ArrayList<>(rest.size() + 1);
        Components paid = position.paid();
        if (paid.total() > 0) {
            schedule.add(new PlanInstalment(1, asOf, paid.principal(), paid.interest(), paid.fees() + paid.penalty(),
                    PlanInstalment.Kind.PAID));
        }
        for (PlanInstalment i : rest) {
            schedule.add(new PlanInstalment(schedule.size() + 1, i.dueDate(), i.principal(), i.interest(), i.fees(),
                    i.kind()));
        }
        LocalDate lastPlan = plan.stream().map(PlanInstalment::dueDate).max(Comparator.naturalOrder()).orElse(asOf);
        return new Restructured(schedule, balance, arrears, waived, plan.size(), monthsUpTo(asOf, lastPlan));
    }

    /** Whole months from {@code from} to {@code to}, rounded up (0 when {@code to} is not after {@code from}). */
    static int monthsUpTo(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long months = ChronoUnit.MONTHS.between(from, to);
        return (int) (from.plusMonths(months).isBefore(to) ? months + 1 : months);
    }

    private static void after(LocalDate asOf, LocalDate date, String field) {
        if (!date.isAfter(asOf)) {
            throw new PlanTermsException("PLAN_DATE_NOT_AFTER_START", field,
                    field + " " + date + " must fall after the day the plan starts (" + asOf + ")");
        }
    }

    private static PlanInstalment planInstalment(LocalDate due, Components amount) {
        return new PlanInstalment(0, due, amount.principal(), amount.interest(), amount.fees() + amount.penalty(),
                PlanInstalment.Kind.PLAN);
    }

    /** {@code amount} taken from {@code of} principal first, then interest, fees, penalty. */
    static Components principalFirst(Components of, long amount) {
        long p = Math.min(amount, of.principal());
        amount -= p;
        long i = Math.min(amount, of.interest());
        amount -= i;
        long f = Math.min(amount, of.fees());
        amount -= f;
        long pen = Math.min(amount, of.penalty());
        return new Components(p, i, f, pen);
    }

    /** The k-th of n even shares of {@code amount} in minor units; the last takes the remainder. */
    static long share(long amount, int n, int k) {
        long each = amount / n;
        return k == n - 1 ? amount - each * (n - 1) : each;
    }
}

package org.recoup.engine.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.delinquency.AllocationComponent;
import org.recoup.engine.delinquency.DelinquencyCalculator;

/**
 * A debt on the day a plan starts ({@code asOf}): what was paid, and what is left unpaid of each instalment.
 *
 * <p>The delinquency engine pays instalments one after another, oldest due date first (ties by seq), each within the
 * waterfall; penalty is paid on the side. So the cash that went to principal, interest and fees covers a prefix of the
 * schedule in full and at most one instalment in part, and what is left of each instalment follows from that total
 * alone. {@link #of} rebuilds it that way from an {@link DelinquencyCalculator.Assessment}.
 *
 * @param paid       what the cash received up to {@code asOf} paid: principal, interest, fees; {@code penalty} is
 *                   the penalty paid
 * @param unpaid     instalments not fully paid, oldest first, with only their unpaid parts
 * @param penaltyDue penalty accrued and not paid
 * @param credit     cash received beyond everything scheduled
 */
public record Position(LocalDate asOf, Components paid, List<Installment> unpaid, long penaltyDue, long credit) {

    public Position {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(paid, "paid");
        unpaid = List.copyOf(unpaid);
    }

    /** The position after {@code assessment} (made as of {@code asOf} on {@code schedule}). */
    public static Position of(List<Installment> schedule, DelinquencyCalculator.Assessment assessment, LocalDate asOf,
                              List<AllocationComponent> waterfall) {
        long cash = assessment.principalPaid() + assessment.interestPaid() + assessment.feesPaid();
        List<Installment> unpaid = new ArrayList<>();
        for (Installment i : schedule.stream()
                .sorted(Comparator.comparing(Installment::dueDate).thenComparingInt(Installment::seq)).toList()) {
            if (cash >= i.due()) {
                cash -= i.due();
                continue;
            }
            long principal = i.principal();
            long interest = i.interest();
            long fees = i.fees();
            for (AllocationComponent c : waterfall) {
                long take;
                switch (c) {
                    case FEES -> { take = Math.min(cash, fees); fees -= take; }
                    case INTEREST -> { take = Math.min(cash, interest); interest -= take; }
                    case PRINCIPAL -> { take = Math.min(cash, principal); principal -= take; }
                    default -> take = 0;
                }
                cash -= take;
            }
            unpaid.add(new Installment(i.seq(), i.dueDate(), principal, interest, fees));
        }
        return new Position(asOf,
                new Components(assessment.principalPaid(), assessment.interestPaid(), assessment.feesPaid(),
                        assessment.penaltyPaid()),
                unpaid, assessment.state().overdue().penalty(), assessment.state().unappliedCredit());
    }

    /** Unpaid parts of instalments due before {@code asOf}, plus the penalty due. */
    public Components arrears() {
        return sum(unpaid.stream().filter(i -> i.dueDate().isBefore(asOf)).toList()).plus(
                new Components(0, 0, 0, penaltyDue));
    }

    /** Everything still owed: every unpaid part plus the penalty due. */
    public Components balance() {
        return sum(unpaid).plus(new Components(0, 0, 0, penaltyDue));
    }

    /** Instalments due on or after {@code asOf}, with what is left unpaid of them. */
    public List<Installment> notYetDue() {
        return unpaid.stream().filter(i -> !i.dueDate().isBefore(asOf)).toList();
    }

    static Components sum(List<Installment> installments) {
        long p = 0;
        long i = 0;
        long f = 0;
        for (Installment x : installments) {
            p += x.principal();
            i += x.interest();
            f += x.fees();
        }
        return new Components(p, i, f, 0);
    }
}

package org.recoup.engine.legal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.recoup.engine.debt.Installment;

/**
 * Where the limitation period of an instalment debt starts: the due date of the oldest instalment not covered by the
 * payments received, paying instalments oldest first (principal + interest + fees; penalties are not a start), or the
 * due date of the last instalment when the policy says the period of an instalment debt runs from its last one. Only
 * instalments due on or before the business date count.
 */
public final class OldestUnpaid {

    public enum Start { OLDEST_UNPAID_INSTALMENT, LAST_INSTALMENT }

    private OldestUnpaid() {
    }

    /** The start date, or null when every instalment due by {@code asOf} is paid. */
    public static LocalDate start(List<Installment> installments, long paidMinor, LocalDate asOf, Start rule) {
        List<Installment> due = installments.stream().filter(i -> !i.dueDate().isAfter(asOf))
                .sorted(Comparator.comparing(Installment::dueDate).thenComparingInt(Installment::seq)).toList();
        long left = paidMinor;
        LocalDate oldest = null;
        for (Installment i : due) {
            if (left >= i.due()) {
                left -= i.due();
            } else {
                oldest = i.dueDate();
                break;
            }
        }
        if (oldest == null) {
            return null;
        }
        return rule == Start.LAST_INSTALMENT ? due.getLast().dueDate() : oldest;
    }
}

package org.recoup.engine.receivable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An invoice line as of a date: what was billed and what of it is still unpaid. */
public record OpenItem(String invoiceId, int seq, LocalDate invoiceDate, LocalDate dueDate, long amountMinor,
                       long outstandingMinor) {

    /** Days past the due date on {@code asOf}; 0 when not yet due (a line due today is not overdue). */
    public int daysPastDue(LocalDate asOf) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
    }

    /** Unpaid and past its due date on {@code asOf}. */
    public boolean overdue(LocalDate asOf) {
        return outstandingMinor > 0 && daysPastDue(asOf) > 0;
    }
}

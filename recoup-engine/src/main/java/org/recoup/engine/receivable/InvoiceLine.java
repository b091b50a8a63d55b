package org.recoup.engine.receivable;

import java.time.LocalDate;
import java.util.Objects;

/** One amount due of an invoice (an instalment of a B2B account): issued on {@code invoiceDate}, due on {@code dueDate}. */
public record InvoiceLine(String invoiceId, int seq, LocalDate invoiceDate, LocalDate dueDate, long amountMinor) {
    public InvoiceLine {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(invoiceDate, "invoiceDate");
        Objects.requireNonNull(dueDate, "dueDate");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor must not be negative");
        }
    }
}

package org.recoup.engine.receivable;

import java.time.LocalDate;
import java.util.Objects;

/** Cash received against an invoice on a business date. */
public record Receipt(String invoiceId, LocalDate paidOn, long amountMinor) {
    public Receipt {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(paidOn, "paidOn");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
    }
}

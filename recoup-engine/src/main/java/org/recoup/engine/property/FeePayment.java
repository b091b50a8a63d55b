package org.recoup.engine.property;

import java.time.LocalDate;
import java.util.Objects;

/** A payment of one fee bill, on a business date. */
public record FeePayment(LocalDate paidOn, long amountMinor) {
    public FeePayment {
        Objects.requireNonNull(paidOn, "paidOn");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
    }
}

package org.recoup.engine.debt;

import java.time.LocalDate;
import java.util.Objects;

/** One scheduled instalment; amounts in minor units of the account's currency. */
public record Installment(int seq, LocalDate dueDate, long principal, long interest, long fees) {

    public Installment {
        Objects.requireNonNull(dueDate, "dueDate");
        if (principal < 0 || interest < 0 || fees < 0) {
            throw new IllegalArgumentException("instalment " + seq + " has a negative amount");
        }
    }

    /** What must be paid for the instalment to count as paid (penalty excluded). */
    public long due() {
        return principal + interest + fees;
    }
}

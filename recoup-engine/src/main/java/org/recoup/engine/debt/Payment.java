package org.recoup.engine.debt;

import java.time.Instant;
import java.util.Objects;

/** Money received; {@code amount} in minor units of the account's currency. Dated in the account's zone. */
public record Payment(String id, Instant paidAt, long amount, PaymentChannel channel) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paidAt, "paidAt");
        if (amount <= 0) {
            throw new IllegalArgumentException("payment " + id + " amount must be positive: " + amount);
        }
        if (channel == null) {
            channel = PaymentChannel.OTHER;
        }
    }
}

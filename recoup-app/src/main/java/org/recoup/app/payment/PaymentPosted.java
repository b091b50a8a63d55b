package org.recoup.app.payment;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * A payment was posted through the API. Published once, after the transaction that stored it committed (never for a
 * replayed request), synchronously on the posting thread: listen with {@code @EventListener}; a
 * {@code @TransactionalEventListener} needs {@code fallbackExecution = true} because no transaction is active then.
 *
 * @param amountMinor minor units of {@code currency}
 */
public record PaymentPosted(String paymentId, String accountId, long amountMinor, Currency currency, Instant paidAt) {

    public PaymentPosted {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}

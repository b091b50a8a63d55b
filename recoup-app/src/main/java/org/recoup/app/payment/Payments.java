package org.recoup.app.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.recoup.engine.debt.PaymentChannel;
import org.springframework.stereotype.Service;

/**
 * The payment feature's API for other features (the workbench posts a verified "already paid" claim): the same
 * idempotent posting as {@code POST /api/v1/payments}, joining the caller's transaction when there is one.
 */
@Service
public class Payments {

    private final PaymentPosting posting;

    Payments(PaymentPosting posting) {
        this.posting = posting;
    }

    /**
     * Posts a payment once per ({@code requestedBy}, {@code idempotencyKey}); a retry with the same content answers
     * the original payment.
     *
     * @return the payment id
     */
    public String post(String requestedBy, String idempotencyKey, String accountId, OffsetDateTime paidAt,
                       BigDecimal amount, PaymentChannel channel, String reference) {
        return posting.post(requestedBy, idempotencyKey,
                new PaymentRequest(accountId, paidAt, amount, channel, reference)).payment().paymentId();
    }
}

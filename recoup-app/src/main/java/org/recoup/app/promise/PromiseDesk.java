package org.recoup.app.promise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.recoup.engine.debt.PaymentChannel;
import org.springframework.stereotype.Service;

/**
 * The promise feature's API for the agent workbench: capture a promise (the same validation and idempotency as
 * {@code POST /api/v1/accounts/{id}/promises}, joining the caller's transaction) and list an account's promises with
 * their status as of today.
 */
@Service
public class PromiseDesk {

    private final PromiseCapture capture;
    private final Promises promises;

    PromiseDesk(PromiseCapture capture, Promises promises) {
        this.capture = capture;
        this.promises = promises;
    }

    /** Captures a promise once per ({@code user}, {@code idempotencyKey}); answers the promise as it is now. */
    public PromiseView capture(String accountId, String user, String idempotencyKey, String partyId, BigDecimal amount,
                               LocalDate dueDate, PaymentChannel channel) {
        return capture.capture(accountId, user, idempotencyKey, new PromiseRequest(partyId, amount, dueDate, channel))
                .promise();
    }

    /** The account's promises with their status as of today in the account's zone, oldest first. */
    public List<PromiseView> ofAccount(String accountId) {
        return promises.list(accountId);
    }
}

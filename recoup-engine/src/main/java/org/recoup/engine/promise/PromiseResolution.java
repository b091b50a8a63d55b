package org.recoup.engine.promise;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The status of one promise as of a business date.
 *
 * @param paid       minor units of payments counted toward this promise (never more than its amount)
 * @param resolvedOn the business date the status became final: the value date of the payment that covered it (KEPT),
 *                   the first day after due date + grace (PARTIALLY_KEPT, BROKEN), the cancellation date (CANCELLED);
 *                   null while PENDING
 */
public record PromiseResolution(Promise promise, PromiseStatus status, long paid, LocalDate resolvedOn) {

    public PromiseResolution {
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(status, "status");
        if (paid < 0 || paid > promise.amount()) {
            throw new IllegalArgumentException("paid " + paid + " outside 0.." + promise.amount());
        }
        if ((resolvedOn == null) != (status == PromiseStatus.PENDING)) {
            throw new IllegalArgumentException("resolvedOn is given exactly when the promise is resolved");
        }
    }

    public String promiseId() {
        return promise.id();
    }
}

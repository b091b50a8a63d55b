package org.recoup.engine.promise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A promise to pay on one account: {@code amount} in minor units of the account's currency, to be paid by
 * {@code dueDate} (a date in the account's business zone).
 *
 * @param cancelledAt when the promise was withdrawn; null if never
 */
public record Promise(String id, String partyId, long amount, LocalDate dueDate, Instant promisedAt,
                      Instant cancelledAt) {

    public Promise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(promisedAt, "promisedAt");
        if (amount <= 0) {
            throw new IllegalArgumentException("promise " + id + " amount must be positive: " + amount);
        }
        if (cancelledAt != null && cancelledAt.isBefore(promisedAt)) {
            throw new IllegalArgumentException("promise " + id + " is cancelled before it was made");
        }
    }

    public static Promise of(String id, String partyId, long amount, LocalDate dueDate, Instant promisedAt) {
        return new Promise(id, partyId, amount, dueDate, promisedAt, null);
    }
}

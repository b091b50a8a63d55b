package org.recoup.app.promise;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.recoup.engine.promise.PromiseStatus;

/**
 * A promise to pay with its status as of {@code asOf} (computed from promises and payments, not cached).
 *
 * @param paid what payments counted toward it so far
 */
@Schema(name = "Promise")
public record PromiseView(
        String promiseId,
        String accountId,
        String partyId,
        BigDecimal amount,
        String currency,
        LocalDate dueDate,
        @Schema(description = "payment channel the party named; null if none") String channel,
        Instant promisedAt,
        @Schema(description = "PENDING, KEPT, PARTIALLY_KEPT, BROKEN or CANCELLED as of asOf") PromiseStatus status,
        BigDecimal paid,
        @Schema(description = "when the status became final; null while PENDING") LocalDate resolvedOn,
        Instant cancelledAt,
        @Schema(description = "the business date the status was computed for (today in the account's zone)") LocalDate asOf,
        @Schema(description = "API or IMPORT") String source,
        String createdBy) {
}

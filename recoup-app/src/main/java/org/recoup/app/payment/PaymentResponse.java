package org.recoup.app.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.recoup.engine.debt.PaymentChannel;

/** A payment as the API shows it: the amount as a decimal with the currency's scale. */
@Schema(name = "Payment")
record PaymentResponse(
        @Schema(example = "PAY-0f8fad5b-d9cb-469f-a165-70867728950e") String paymentId,
        String accountId,
        @Schema(description = "UTC instant", example = "2026-11-23T02:15:00Z") Instant paidAt,
        @Schema(example = "1060.00") BigDecimal amount,
        @Schema(example = "CNY") String currency,
        PaymentChannel channel,
        String reference,
        @Schema(description = "API (posted here) or IMPORT (from payments.csv)") String source) {
}

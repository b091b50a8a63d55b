package org.recoup.app.promise;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.recoup.engine.debt.PaymentChannel;

/** The body of {@code POST /api/v1/accounts/{id}/promises}. */
@Schema(name = "PromiseRequest")
record PromiseRequest(
        @Schema(description = "the liable party who promised (borrower, co-borrower, guarantor; heir or spouse for a "
                + "deceased borrower's estate)", example = "P-0001", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        String partyId,

        @Schema(description = "decimal greater than 0 with at most the currency's decimals (2 for CNY)",
                example = "500.00", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required (a decimal greater than 0)")
        @DecimalMin(value = "0", inclusive = false, message = "must be a decimal greater than 0")
        BigDecimal amount,

        @Schema(description = "the date the party promised to pay by (YYYY-MM-DD), not before today in the party's time zone",
                example = "2026-11-25", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required (a date YYYY-MM-DD)")
        LocalDate dueDate,

        @Schema(description = "how the party said they will pay (optional)")
        PaymentChannel channel) {

    static final String CANONICAL_VERSION = "recoup.promise-request.v1";

    /** The request as a value (trailing zeros of amount do not matter); SHA-256 hex, what a retry must match. */
    String fingerprint(String accountId) {
        String canonical = CANONICAL_VERSION + '\n' + field("accountId", accountId) + field("partyId", partyId)
                + field("amount", amount == null ? null : amount.stripTrailingZeros().toPlainString())
                + field("dueDate", dueDate == null ? null : dueDate.toString())
                + field("channel", channel == null ? null : channel.name());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private static String field(String name, String value) {
        return name + ':' + (value == null ? "-" : value.length() + ":" + value) + '\n';
    }
}

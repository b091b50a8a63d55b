package org.recoup.app.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.recoup.engine.debt.PaymentChannel;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The body of {@code POST /api/v1/payments}. */
@Schema(name = "PaymentRequest")
record PaymentRequest(
        @Schema(description = "the lender's account id", example = "L-0001", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        String accountId,

        @Schema(description = "when the money was received: ISO-8601 instant with offset; at most 5 minutes in the future",
                example = "2026-11-23T10:15:00+08:00", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required (an ISO-8601 instant with offset, e.g. 2026-11-23T10:00:00+08:00)")
        @JsonDeserialize(using = StrictOffsetDateTimeDeserializer.class)
        OffsetDateTime paidAt,

        @Schema(description = "decimal greater than 0 with at most the currency's decimals (2 for CNY)",
                example = "1060.00", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required (a decimal greater than 0)")
        @DecimalMin(value = "0", inclusive = false, message = "must be a decimal greater than 0")
        BigDecimal amount,

        @Schema(description = "how the money arrived", defaultValue = "OTHER")
        PaymentChannel channel,

        @Schema(description = "the payer's or bank's reference", example = "WX20261123-8812")
        @Size(max = 200, message = "must be at most 200 characters")
        String reference) {

    /** Version tag of {@link #canonicalForm()}: change it when the form changes, so old keys do not match new hashes. */
    static final String CANONICAL_VERSION = "recoup.payment-request.v1";

    PaymentRequest {
        if (channel == null) {
            channel = PaymentChannel.OTHER;
        }
        if (reference != null) {
            reference = reference.strip();
            if (reference.isEmpty()) {
                reference = null;
            }
        }
    }

    /**
     * The request as a value, independent of how its JSON was written: field order, whitespace, the offset of
     * {@code paidAt} (normalised to UTC), trailing zeros of {@code amount} ({@code 100.5} = {@code 100.50}), a missing
     * channel (= OTHER) and a blank reference (= none) do not change it. Each field is written as
     * {@code name:length:value} (or {@code name:-} when absent), so no value can imitate another field.
     */
    String canonicalForm() {
        StringBuilder out = new StringBuilder(CANONICAL_VERSION).append('\n');
        field(out, "accountId", accountId);
        field(out, "paidAt", paidAt == null ? null : paidAt.toInstant().toString());
        field(out, "amount", amount == null ? null : amount.stripTrailingZeros().toPlainString());
        field(out, "channel", channel.name());
        field(out, "reference", reference);
        return out.toString();
    }

    /** SHA-256 (lower-case hex) of {@link #canonicalForm()}: what an idempotent retry must match. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(':');
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('\n');
    }
}

package org.recoup.app.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.recoup.engine.plan.PlanTerms;
import org.recoup.engine.plan.PlanType;

/** The body of {@code POST /api/v1/cases/{caseId}/plans}: a proposal for one account of the case. */
@Schema(name = "PlanRequest")
record PlanRequest(
        @Schema(description = "an account of the case (the borrower's)", example = "L-0001",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        String accountId,

        @Schema(description = "SETTLEMENT, INSTALMENT_PLAN, WAIVER or RE_AGE", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required (SETTLEMENT, INSTALMENT_PLAN, WAIVER or RE_AGE)")
        PlanType type,

        @Schema(description = "why the debtor needs it (willing but unable: job loss, illness, ...)",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
        String reason,

        @Schema(description = "INSTALMENT_PLAN: ARREARS (default) or BALANCE")
        PlanTerms.Scope scope,

        @Schema(description = "INSTALMENT_PLAN: number of monthly instalments (1–120)", example = "3")
        Integer instalments,

        @Schema(description = "INSTALMENT_PLAN: due date of the first instalment, after today", example = "2026-12-15")
        LocalDate firstDueDate,

        @Schema(description = "SETTLEMENT: the lump sum (decimal, at most the balance)", example = "8000.00")
        BigDecimal settlementAmount,

        @Schema(description = "SETTLEMENT, WAIVER: the date the amount must be paid by, after today", example = "2026-12-31")
        LocalDate payBy,

        @Schema(description = "WAIVER: waive the overdue interest")
        Boolean waiveInterest,

        @Schema(description = "WAIVER: waive the penalty accrued")
        Boolean waivePenalty) {

    static final String CANONICAL_VERSION = "recoup.plan-request.v1";

    String fingerprint(String caseId) {
        String canonical = String.join("\n", CANONICAL_VERSION, caseId, accountId, String.valueOf(type), reason,
                String.valueOf(scope), String.valueOf(instalments), String.valueOf(firstDueDate),
                settlementAmount == null ? "null" : settlementAmount.stripTrailingZeros().toPlainString(),
                String.valueOf(payBy), String.valueOf(waiveInterest), String.valueOf(waivePenalty));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

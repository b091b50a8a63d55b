package org.recoup.app.portfolio;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;

/** The JSON answer of {@code GET /api/v1/accounts/{id}}: amounts are decimals with the currency's scale. */
@Schema(name = "Account")
record AccountResponse(
        String accountId,
        Product product,
        @Schema(example = "CNY") String currency,
        @Schema(example = "1060.00") BigDecimal principal,
        LocalDate openDate,
        Jurisdiction jurisdiction,
        int graceDays,
        @Schema(description = "fraction per day, 0.001 = 1‰; absent = no penalty") BigDecimal penaltyRatePerDay,
        @Schema(description = "cap on the account's total penalty; absent = uncapped") BigDecimal penaltyCap,
        String portfolio,
        String creditor,
        @Schema(description = "true when contact point values are masked for the caller's role") boolean contactsMasked,
        List<AccountDetail.Party> parties,
        List<AccountDetail.ContactPoint> contactPoints,
        List<Instalment> installments,
        List<PaymentEntry> payments) {

    @Schema(name = "AccountInstallment")
    record Instalment(int seq, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue, BigDecimal feeDue,
                      BigDecimal totalDue) {
    }

    @Schema(name = "AccountPayment")
    record PaymentEntry(String paymentId, Instant paidAt, BigDecimal amount, String currency, PaymentChannel channel,
                        String reference, @Schema(description = "IMPORT or API") String source) {
    }

    static AccountResponse of(AccountDetail detail) {
        AccountSummary a = detail.account();
        int scale = a.currencyScale();
        String currency = a.currency().getCurrencyCode();
        return new AccountResponse(a.accountId(), a.product(), currency, decimal(a.principalMinor(), scale),
                a.openDate(), a.jurisdiction(), a.graceDays(), a.penaltyRatePerDay(),
                a.penaltyCapMinor() == null ? null : decimal(a.penaltyCapMinor(), scale), a.portfolio(), a.creditor(),
                detail.contactsMasked(), detail.parties(), detail.contactPoints(),
                detail.installments().stream().map(i -> new Instalment(i.seq(), i.dueDate(),
                        decimal(i.principalMinor(), scale), decimal(i.interestMinor(), scale),
                        decimal(i.feeMinor(), scale), decimal(i.totalMinor(), scale))).toList(),
                detail.payments().stream().map(p -> new PaymentEntry(p.paymentId(), p.paidAt(),
                        decimal(p.amountMinor(), scale), currency, p.channel(), p.reference(), p.source())).toList());
    }

    private static BigDecimal decimal(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale);
    }
}

package org.recoup.app.portfolio;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.recoup.engine.debt.PaymentChannel;

/**
 * An account with everything a person working it sees: its parties with their roles and flags, their contact points
 * (masked unless asked otherwise), the instalment schedule and the payments received. Amounts are minor units of
 * {@code account.currency()}.
 *
 * @param contactsMasked whether {@link ContactPoint#value()}s are masked
 */
public record AccountDetail(
        AccountSummary account,
        List<Party> parties,
        List<ContactPoint> contactPoints,
        boolean contactsMasked,
        List<InstalmentLine> installments,
        List<PaymentLine> payments) {

    public AccountDetail {
        parties = List.copyOf(parties);
        contactPoints = List.copyOf(contactPoints);
        installments = List.copyOf(installments);
        payments = List.copyOf(payments);
    }

    /**
     * A person or company on the account. A party can hold several roles on one account (e.g. SPOUSE and GUARANTOR);
     * {@code role} is the most liable of {@code roles} (order: BORROWER, CO_BORROWER, GUARANTOR, HEIR, SPOUSE,
     * EMERGENCY_CONTACT, EMPLOYER).
     *
     * @param gender     M, F or U
     * @param occupation WHITE_COLLAR, RETIREE, SME_OWNER, WORKER, STUDENT, OTHER or null
     * @param timeZone   IANA zone id, e.g. Asia/Shanghai
     */
    @Schema(name = "AccountParty")
    public record Party(
            String partyId,
            String name,
            String role,
            List<String> roles,
            String gender,
            LocalDate birthDate,
            String occupation,
            String region,
            String timeZone,
            boolean deceased,
            boolean bankrupt,
            boolean incarcerated) {

        public Party {
            roles = List.copyOf(roles);
        }
    }

    /**
     * A way to reach a party.
     *
     * @param type   MOBILE, HOME_PHONE, WORK_PHONE, EMAIL or ADDRESS
     * @param value  the number/address, masked when {@code masked}
     */
    @Schema(name = "AccountContactPoint")
    public record ContactPoint(
            String contactPointId,
            String partyId,
            String type,
            String value,
            boolean masked,
            boolean consent,
            boolean valid,
            String timeZone) {
    }

    /** One scheduled instalment; amounts in minor units. */
    public record InstalmentLine(int seq, LocalDate dueDate, long principalMinor, long interestMinor, long feeMinor) {

        public long totalMinor() {
            return principalMinor + interestMinor + feeMinor;
        }
    }

    /**
     * One payment received.
     *
     * @param source IMPORT or API
     */
    public record PaymentLine(String paymentId, Instant paidAt, long amountMinor, PaymentChannel channel,
                              String reference, String source) {
    }
}

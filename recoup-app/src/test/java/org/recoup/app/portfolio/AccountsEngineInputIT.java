package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Liability;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.springframework.beans.factory.annotation.Autowired;

/** The portfolio's Java API for other features: {@link Accounts#find} and {@link Accounts#engineInput}. */
class AccountsEngineInputIT extends IntegrationTest {

    @Autowired
    Accounts accounts;

    private DebtFileRows rows() {
        return new DebtFileRows(jdbc);
    }

    private String anAccount(String jurisdiction) {
        String id = uniqueId("L");
        rows().account(id, "CNY", 106000, jurisdiction, 3, new BigDecimal("0.00100000"), 5000L);
        return id;
    }

    private String aParty(String timeZone, boolean deceased, boolean bankrupt) {
        String id = uniqueId("P");
        rows().party(id, "某人", timeZone, deceased, bankrupt, false);
        return id;
    }

    @Test
    void unknownAccountHasNoSummaryAndNoEngineInput() {
        assertThat(accounts.find(uniqueId("NOPE"))).isEmpty();
        assertThat(accounts.engineInput(uniqueId("NOPE"))).isEmpty();
    }

    @Test
    void summaryCarriesTheAccountTerms() {
        String id = anAccount("US");
        AccountSummary summary = accounts.find(id).orElseThrow();
        assertThat(summary.product()).isEqualTo(Product.CONSUMER_LOAN);
        assertThat(summary.currency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(summary.principalMinor()).isEqualTo(106000);
        assertThat(summary.principal().amount()).isEqualByComparingTo("1060.00");
        assertThat(summary.jurisdiction()).isEqualTo(Jurisdiction.US);
        assertThat(summary.graceDays()).isEqualTo(3);
        assertThat(summary.penaltyRatePerDay()).isEqualTo(new BigDecimal("0.001"));
        assertThat(summary.penaltyCapMinor()).isEqualTo(5000L);
        assertThat(summary.portfolio()).isEqualTo("P-2026");
    }

    @Test
    void engineInputCarriesInstalmentsBySeqAndPaymentsByTime() {
        String id = anAccount("CN");
        rows().installment(id, 2, LocalDate.of(2026, 3, 5), 53000, 1000, 0);
        rows().installment(id, 1, LocalDate.of(2026, 2, 5), 53000, 1200, 500);
        rows().payment(uniqueId("PAY"), id, OffsetDateTime.parse("2026-03-01T09:00:00+08:00"), 100, "CARD");
        rows().payment(uniqueId("PAY"), id, OffsetDateTime.parse("2026-02-05T23:30:00+08:00"), 54700, "WECHAT");

        AccountSnapshot input = accounts.engineInput(id).orElseThrow();

        assertThat(input.account().id()).isEqualTo(id);
        assertThat(input.account().principal()).isEqualTo(106000);
        assertThat(input.account().penaltyCap()).isEqualTo(5000L);
        assertThat(input.installments()).containsExactly(
                new Installment(1, LocalDate.of(2026, 2, 5), 53000, 1200, 500),
                new Installment(2, LocalDate.of(2026, 3, 5), 53000, 1000, 0));
        assertThat(input.payments()).extracting(p -> p.amount()).containsExactly(54700L, 100L);
        assertThat(input.payments().getFirst().paidAt()).hasToString("2026-02-05T15:30:00Z");
        assertThat(input.payments().getFirst().channel()).isEqualTo(PaymentChannel.WECHAT);
    }

    @Test
    void businessZoneIsTheBorrowersTimeZone() {
        String id = anAccount("CN");
        rows().role(id, aParty("Asia/Urumqi", false, false), "BORROWER");
        rows().role(id, aParty("Europe/London", false, false), "GUARANTOR");

        assertThat(accounts.engineInput(id).orElseThrow().account().zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
    }

    @Test
    void withoutABorrowerTheZoneIsTheJurisdictionDefault() {
        String id = anAccount("US");
        rows().role(id, aParty("Asia/Shanghai", false, false), "GUARANTOR");

        assertThat(accounts.engineInput(id).orElseThrow().account().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void anInvalidBorrowerZoneFallsBackToTheJurisdictionDefault() {
        String id = anAccount("UK");
        rows().role(id, aParty("Mars/Olympus_Mons", false, false), "BORROWER");

        assertThat(accounts.engineInput(id).orElseThrow().account().zone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void livingBorrowerIsOrdinaryLiability() {
        String id = anAccount("CN");
        rows().role(id, aParty("Asia/Shanghai", false, false), "BORROWER");

        assertThat(accounts.engineInput(id).orElseThrow().account().liability()).isEqualTo(Liability.ORDINARY);
    }

    @Test
    void deceasedBorrowerWithALivingGuarantorLeavesSomebodyLiable() {
        String id = anAccount("CN");
        rows().role(id, aParty("Asia/Shanghai", true, false), "BORROWER");
        rows().role(id, aParty("Asia/Shanghai", false, false), "GUARANTOR");

        Liability liability = accounts.engineInput(id).orElseThrow().account().liability();
        assertThat(liability).isEqualTo(new Liability(true, false, true));
        assertThat(liability.nobodyLiable()).isFalse();
    }

    @Test
    void bankruptBorrowerWhoseOnlyGuarantorIsBankruptAndHeirDeceasedLeavesNobodyLiable() {
        String id = anAccount("CN");
        rows().role(id, aParty("Asia/Shanghai", false, true), "BORROWER");
        rows().role(id, aParty("Asia/Shanghai", false, true), "GUARANTOR");
        rows().role(id, aParty("Asia/Shanghai", true, false), "HEIR");

        Liability liability = accounts.engineInput(id).orElseThrow().account().liability();
        assertThat(liability).isEqualTo(new Liability(false, true, false));
        assertThat(liability.nobodyLiable()).isTrue();
    }

    @Test
    void spousesAndEmergencyContactsAreNotLiable() {
        String id = anAccount("CN");
        rows().role(id, aParty("Asia/Shanghai", true, false), "BORROWER");
        String spouse = aParty("Asia/Shanghai", false, false);
        rows().role(id, spouse, "SPOUSE");
        rows().role(id, spouse, "EMERGENCY_CONTACT");

        assertThat(accounts.engineInput(id).orElseThrow().account().liability().nobodyLiable()).isTrue();
    }

    @Test
    void livingCoBorrowerOrHeirIsLiable() {
        String withCoBorrower = anAccount("CN");
        rows().role(withCoBorrower, aParty("Asia/Shanghai", true, false), "BORROWER");
        rows().role(withCoBorrower, aParty("Asia/Shanghai", false, false), "CO_BORROWER");
        String withHeir = anAccount("CN");
        rows().role(withHeir, aParty("Asia/Shanghai", true, false), "BORROWER");
        rows().role(withHeir, aParty("Asia/Shanghai", false, false), "HEIR");

        assertThat(accounts.engineInput(withCoBorrower).orElseThrow().account().liability().otherLiableParty()).isTrue();
        assertThat(accounts.engineInput(withHeir).orElseThrow().account().liability().otherLiableParty()).isTrue();
    }
}

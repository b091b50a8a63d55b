package org.recoup.app.dailyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoup.app.portfolio.AccountSnapshot;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.recoup.engine.segmentation.ContactHistory;
import org.recoup.engine.segmentation.Occupation;
import org.recoup.engine.segmentation.PartyProfile;
import org.recoup.engine.segmentation.PaymentHistory;

class DecisionFactsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-23");

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    private static AccountInput input(List<Installment> schedule, List<Payment> payments,
                                      List<AccountInput.Contact> contacts, AccountInput.Borrower borrower,
                                      List<AccountInput.Point> points) {
        Account account = new Account("L-1", Product.CONSUMER_LOAN, Currency.getInstance("CNY"), 300_000,
                LocalDate.parse("2026-01-01"), null, null, 0, Jurisdiction.CN, SHANGHAI, null);
        return new AccountInput(new AccountSnapshot(account, schedule, payments), borrower, contacts, points);
    }

    private static AccountInput.Contact contact(String at, String outcome, String disposition) {
        return new AccountInput.Contact(local(at), "CALL", outcome, disposition);
    }

    @Test
    void contactHistoryCountsOutcomesAndDispositionsInTrailingWindowsEndingOnTheBusinessDate() {
        AccountInput in = input(List.of(), List.of(), List.of(
                contact("2026-08-01T10:00", "RIGHT_PARTY", null),            // 114 days ago: outside 90
                contact("2026-10-10T10:00", "RIGHT_PARTY", "REFUSED_TO_PAY"), // 44 days ago
                contact("2026-11-20T10:00", "RIGHT_PARTY", "DISPUTE"),        // 3 days ago
                contact("2026-11-21T10:00", "NO_ANSWER", null),
                contact("2026-11-22T23:30", "WRONG_NUMBER", null),            // local date 22nd
                contact("2026-11-24T09:00", "RIGHT_PARTY", "CLAIMS_PAID")),   // after the business date: ignored
                null, List.of(new AccountInput.Point("CP-1", "MOBILE", true, false)));

        ContactHistory h = DecisionFacts.contacts(in, SHANGHAI, AS_OF);

        assertThat(h.rightPartyLast7()).isEqualTo(1);
        assertThat(h.rightPartyLast30()).isEqualTo(1);
        assertThat(h.rightPartyLast90()).isEqualTo(2);
        assertThat(h.refusalsLast30()).isZero();
        assertThat(h.refusalsLast90()).isEqualTo(1);
        assertThat(h.disputesLast90()).isEqualTo(1);
        assertThat(h.claimsPaidLast90()).isZero();
        assertThat(h.noAnswerOrWrongLast30()).isEqualTo(2);
        assertThat(h.consecutiveFailures()).isEqualTo(2);
        assertThat(h.hasValidContactPoint()).as("the only number is known invalid").isFalse();
    }

    @Test
    void paymentHistoryCountsPartialPaymentsAndRegularPayersOnTheirOwnSchedule() {
        List<Installment> schedule = List.of(
                new Installment(1, LocalDate.parse("2026-08-15"), 100_000, 0, 0),
                new Installment(2, LocalDate.parse("2026-09-15"), 100_000, 0, 0),
                new Installment(3, LocalDate.parse("2026-10-15"), 100_000, 0, 0));
        List<Payment> onTime = List.of(
                new Payment("P1", local("2026-08-15T20:00"), 100_000, PaymentChannel.WECHAT),
                new Payment("P2", local("2026-09-14T20:00"), 100_000, PaymentChannel.WECHAT),
                new Payment("P3", local("2026-10-20T20:00"), 40_000, PaymentChannel.WECHAT));

        PaymentHistory h = DecisionFacts.payments(input(schedule, onTime, List.of(), null, List.of()), SHANGHAI, AS_OF);

        assertThat(h.partialCount()).isEqualTo(1);
        assertThat(h.regularPayer()).as("paid every instalment on time before this delinquency").isTrue();
        assertThat(h.lastPaymentDaysAgo()).isEqualTo(34);

        List<Payment> late = List.of(new Payment("P1", local("2026-08-20T20:00"), 100_000, PaymentChannel.WECHAT));
        assertThat(DecisionFacts.payments(input(schedule, late, List.of(), null, List.of()), SHANGHAI, AS_OF)
                .regularPayer()).isFalse();
    }

    @Test
    void partyProfileTakesAgeOccupationFlagsAndDeclaredHardship() {
        AccountInput.Borrower b = new AccountInput.Borrower("P-1", LocalDate.parse("1980-11-24"), "SME_OWNER", false,
                true, false, "Asia/Shanghai");
        AccountInput in = input(List.of(), List.of(), List.of(contact("2026-11-01T10:00", "RIGHT_PARTY", "HARDSHIP")),
                b, List.of());

        PartyProfile p = DecisionFacts.party(in, SHANGHAI, AS_OF);

        assertThat(p.age()).isEqualTo(45); // 46 only tomorrow
        assertThat(p.occupation()).isEqualTo(Occupation.BUSINESS_OWNER);
        assertThat(p.bankrupt()).isTrue();
        assertThat(p.declaredHardship()).isTrue();
        assertThat(p.knownIncome()).isTrue();
        assertThat(DecisionFacts.caseId(in)).isEqualTo("C-P-1");
    }

    @Test
    void theNextDueDateIsTheFirstInstalmentFromTheBusinessDateNotCoveredByPayments() {
        List<Installment> schedule = List.of(
                new Installment(1, LocalDate.parse("2026-11-24"), 100_000, 0, 0),
                new Installment(2, LocalDate.parse("2026-12-24"), 100_000, 0, 0));
        List<Payment> prepaid = List.of(new Payment("P1", local("2026-11-20T10:00"), 100_000, PaymentChannel.CARD));

        assertThat(DecisionFacts.nextDueDate(input(schedule, List.of(), List.of(), null, List.of()), AS_OF))
                .isEqualTo("2026-11-24");
        assertThat(DecisionFacts.nextDueDate(input(schedule, prepaid, List.of(), null, List.of()), AS_OF))
                .isEqualTo("2026-12-24");
    }
}

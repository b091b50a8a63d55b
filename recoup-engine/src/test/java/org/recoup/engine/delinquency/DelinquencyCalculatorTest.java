package org.recoup.engine.delinquency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.debt.AccountBuilder.amount;
import static org.recoup.engine.debt.AccountBuilder.anAccount;
import static org.recoup.engine.debt.AccountBuilder.asOf;
import static org.recoup.engine.debt.AccountBuilder.due;
import static org.recoup.engine.debt.AccountBuilder.fees;
import static org.recoup.engine.debt.AccountBuilder.interest;
import static org.recoup.engine.debt.AccountBuilder.paidAt;
import static org.recoup.engine.debt.AccountBuilder.paidOn;
import static org.recoup.engine.debt.AccountBuilder.principal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recoup.engine.debt.AccountBuilder;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.DelinquencyCalculator.Assessment;

/**
 * The delinquency rules of contract §3, one product at a time. Amounts in the comments are in major units
 * (CNY/USD); {@code amount("1.06")} is 106 minor units.
 */
class DelinquencyCalculatorTest {

    private static final DelinquencyPolicy DEFAULTS = DelinquencyPolicy.defaults();

    private static DelinquencyState assess(AccountBuilder account, LocalDate asOf) {
        return assess(account, asOf, DEFAULTS);
    }

    private static DelinquencyState assess(AccountBuilder account, LocalDate asOf, DelinquencyPolicy policy) {
        return DelinquencyCalculator.assess(account.build(), account.installments(), account.payments(), asOf, policy);
    }

    private static Assessment allocation(AccountBuilder account, LocalDate asOf, DelinquencyPolicy policy) {
        return DelinquencyCalculator.assessWithAllocation(account.build(), account.installments(), account.payments(),
                asOf, policy);
    }

    private static DelinquencyPolicy withWaterfall(AllocationComponent... order) {
        DelinquencyPolicy d = DEFAULTS;
        return new DelinquencyPolicy(d.version() + 1, d.buckets(), d.stages(), d.preDueStage(), d.preDueDays(),
                d.doubtfulFromDpd(), d.badFromDpd(), List.of(order), d.limitationYears());
    }

    private static DelinquencyPolicy withPreDueDays(int days) {
        DelinquencyPolicy d = DEFAULTS;
        return new DelinquencyPolicy(d.version(), d.buckets(), d.stages(), d.preDueStage(), days,
                d.doubtfulFromDpd(), d.badFromDpd(), d.waterfall(), d.limitationYears());
    }

    /** Consumer loan: monthly instalments of principal + interest, 3 grace days, 0.5‰ a day on overdue P+I. */
    @Nested
    class ConsumerLoan {

        private AccountBuilder loan() {
            return anAccount().ofProduct(Product.CONSUMER_LOAN).withGraceDays(3).withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-01-10"), principal("1000.00"), interest("60.00"))
                    .withInstallment(due("2026-02-10"), principal("1000.00"), interest("55.00"));
        }

        @Test
        void paymentOnDueDateKeepsAccountCurrent() {
            var state = assess(loan().withPayment(paidOn("2026-01-10"), amount("1060.00")), asOf("2026-01-20"));

            assertThat(state.dpd()).isZero();
            assertThat(state.bucket()).isEqualTo("M0");
            assertThat(state.stage()).isEqualTo("CURRENT");
            assertThat(state.riskClass()).isEqualTo(RiskClass.NOT_DUE);
            assertThat(state.agingBucket()).isEqualTo(AgingBucket.CURRENT);
            assertThat(state.overdue()).isEqualTo(Overdue.NONE);
            assertThat(state.penaltyAccrued()).isZero();
            assertThat(state.oldestUnpaidDueDate()).isNull();
            assertThat(state.outstandingPrincipal()).isEqualTo(amount("1000.00"));
        }

        @Test
        void insideGraceDpdIsZeroAndNoPenaltyAccruesButTheInstalmentIsOverdue() {
            var state = assess(loan(), asOf("2026-01-13")); // due + 3 = last grace day

            assertThat(state.dpd()).isZero();
            assertThat(state.stage()).isEqualTo("CURRENT");
            assertThat(state.riskClass()).isEqualTo(RiskClass.NOT_DUE);
            assertThat(state.penaltyAccrued()).isZero();
            assertThat(state.overdue()).isEqualTo(new Overdue(amount("1000.00"), amount("60.00"), 0, 0));
            assertThat(state.oldestUnpaidDueDate()).isEqualTo(due("2026-01-10"));
        }

        @Test
        void dayAfterGraceDpdCountsFromDueDateAndPenaltyStartsThatDay() {
            // 01-14 is due + 4 > grace 3: dpd 4; one day of penalty: 1060.00 × 0.0005 = 0.53
            var first = assess(loan(), asOf("2026-01-14"));
            assertThat(first.dpd()).isEqualTo(4);
            assertThat(first.bucket()).isEqualTo("M1");
            assertThat(first.stage()).isEqualTo("EARLY");
            assertThat(first.riskClass()).isEqualTo(RiskClass.OVERDUE);
            assertThat(first.agingBucket()).isEqualTo(AgingBucket.Y0_1);
            assertThat(first.penaltyAccrued()).isEqualTo(amount("0.53"));
            assertThat(first.overdue().penalty()).isEqualTo(amount("0.53"));

            // two days (01-14, 01-15): 1.06
            assertThat(assess(loan(), asOf("2026-01-15")).penaltyAccrued()).isEqualTo(amount("1.06"));
        }

        @Test
        void partialPaymentPaysPenaltyThenFeesThenInterestThenPrincipal() {
            var account = anAccount().withGraceDays(3).withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-01-10"), principal("1000.00"), interest("60.00"), fees("15.00"))
                    .withPayment(paidOn("2026-01-20"), amount("100.00"));

            // penalty 01-14..01-20 = 7 days × 1060.00 (fees are no penalty base) × 0.0005 = 3.71
            // 100.00 → penalty 3.71, fees 15.00, interest 60.00, principal 100.00 − 78.71 = 21.29
            var paid = allocation(account, asOf("2026-01-20"), DEFAULTS);
            assertThat(paid.penaltyPaid()).isEqualTo(amount("3.71"));
            assertThat(paid.feesPaid()).isEqualTo(amount("15.00"));
            assertThat(paid.interestPaid()).isEqualTo(amount("60.00"));
            assertThat(paid.principalPaid()).isEqualTo(amount("21.29"));
            assertThat(paid.state().overdue()).isEqualTo(new Overdue(amount("978.71"), 0, 0, 0));
            assertThat(paid.state().dpd()).isEqualTo(10);

            // from 01-21 the base is 978.71: 01-21..01-25 = 5 × 978.71 × 0.0005 = 2.446775
            // accrued 3.71 + 2.446775 = 6.156775 → 6.16; unpaid 6.16 − 3.71 = 2.45
            var later = assess(account, asOf("2026-01-25"));
            assertThat(later.penaltyAccrued()).isEqualTo(amount("6.16"));
            assertThat(later.overdue()).isEqualTo(new Overdue(amount("978.71"), 0, 0, amount("2.45")));
            assertThat(later.outstandingPrincipal()).isEqualTo(amount("978.71"));
        }

        @Test
        void configuredWaterfallPaysPrincipalFirst() {
            var principalFirst = withWaterfall(AllocationComponent.PRINCIPAL, AllocationComponent.INTEREST,
                    AllocationComponent.FEES, AllocationComponent.PENALTY);
            var account = anAccount().withGraceDays(3).withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-01-10"), principal("1000.00"), interest("60.00"), fees("15.00"))
                    .withPayment(paidOn("2026-01-20"), amount("100.00"));

            var state = assess(account, asOf("2026-01-20"), principalFirst);

            assertThat(state.overdue()).isEqualTo(new Overdue(amount("900.00"), amount("60.00"), amount("15.00"),
                    amount("3.71")));
            assertThat(state.policyVersion()).isEqualTo(DEFAULTS.version() + 1);
        }

        @Test
        void unpaidPenaltyAloneDoesNotMakeTheAccountDelinquent() {
            var principalFirst = withWaterfall(AllocationComponent.PRINCIPAL, AllocationComponent.INTEREST,
                    AllocationComponent.FEES, AllocationComponent.PENALTY);
            // 1075.00 pays principal, interest and fees exactly; the 3.71 penalty stays open
            var account = anAccount().withGraceDays(3).withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-01-10"), principal("1000.00"), interest("60.00"), fees("15.00"))
                    .withPayment(paidOn("2026-01-20"), amount("1075.00"));

            var state = assess(account, asOf("2026-01-25"), principalFirst);

            assertThat(state.dpd()).isZero();
            assertThat(state.oldestUnpaidDueDate()).isNull();
            assertThat(state.overdue()).isEqualTo(new Overdue(0, 0, 0, amount("3.71")));
            assertThat(state.penaltyAccrued()).isEqualTo(amount("3.71")); // no base left after 01-20
        }

        @Test
        void penaltyStopsAtTheCap() {
            // uncapped 01-14..01-30: 17 days × 1060.00 × 0.0005 = 9.01; the cap is 5.00
            var capped = loan().withPenaltyCap(amount("5.00"));

            var state = assess(capped, asOf("2026-01-30"));

            assertThat(state.penaltyAccrued()).isEqualTo(amount("5.00"));
            assertThat(state.overdue().penalty()).isEqualTo(amount("5.00"));
        }

        @Test
        void paidPenaltyNeverExceedsTheCap() {
            // 2000.00 on 01-30: penalty 5.00 (cap), interest 60.00, principal 1000.00, then instalment 2 (prepaid):
            // interest 55.00, principal 880.00 of 1000.00
            var capped = loan().withPenaltyCap(amount("5.00")).withPayment(paidOn("2026-01-30"), amount("2000.00"));

            var paid = allocation(capped, asOf("2026-03-31"), DEFAULTS);

            assertThat(paid.penaltyPaid()).isEqualTo(amount("5.00"));
            assertThat(paid.interestPaid()).isEqualTo(amount("115.00"));
            assertThat(paid.principalPaid()).isEqualTo(amount("1880.00"));
            // instalment 2 (120.00 left) overdue from 02-14: its penalty would be more, but the cap is used up
            assertThat(paid.state().penaltyAccrued()).isEqualTo(amount("5.00"));
            assertThat(paid.state().overdue()).isEqualTo(new Overdue(amount("120.00"), 0, 0, 0));
            assertThat(paid.state().dpd()).isEqualTo(49); // 2026-02-10 → 2026-03-31
        }

        @Test
        void penaltyIsRoundedHalfEvenToTheMinorUnit() {
            // one day: 1010.00 × 0.0005 = 0.505 → 0.50 (the even neighbour), not 0.51
            var even = anAccount().withGraceDays(3).withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-01-10"), principal("1010.00"));
            assertThat(assess(even, asOf("2026-01-14")).penaltyAccrued()).isEqualTo(amount("0.50"));

            // one day: 1030.00 × 0.0005 = 0.515 → 0.52
            var odd = anAccount().withGraceDays(3).withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-01-10"), principal("1030.00"));
            assertThat(assess(odd, asOf("2026-01-14")).penaltyAccrued()).isEqualTo(amount("0.52"));
        }

        @Test
        void paymentDatedInTheAccountZoneOnTheDueDateIsOnTime() {
            // 23:30 in New York on 03-01 is 04:30 UTC on 03-02: the value date is 03-01, the due date
            var newYork = anAccount().inCurrency("USD").inJurisdiction(Jurisdiction.US).withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-03-01"), principal("250.00"), interest("30.00"))
                    .withPayment(paidAt("2026-03-01T23:30:00-05:00"), amount("280.00"));

            var onTime = assess(newYork, asOf("2026-03-02"));
            assertThat(onTime.dpd()).isZero();
            assertThat(onTime.penaltyAccrued()).isZero();
            assertThat(onTime.overdue()).isEqualTo(Overdue.NONE);
            assertThat(allocation(newYork, asOf("2026-03-01"), DEFAULTS).received()).isEqualTo(amount("280.00"));

            // the same instant on a UTC-zoned account is a day late: one day of penalty (280.00 × 0.0005 = 0.14)
            // comes first, leaving 0.14 of principal unpaid
            var utc = anAccount().inCurrency("USD").inJurisdiction(Jurisdiction.US).inZone("UTC")
                    .withPenaltyRatePerDay("0.0005")
                    .withInstallment(due("2026-03-01"), principal("250.00"), interest("30.00"))
                    .withPayment(paidAt("2026-03-01T23:30:00-05:00"), amount("280.00"));
            var late = assess(utc, asOf("2026-03-02"));
            assertThat(late.dpd()).isEqualTo(1);
            assertThat(late.penaltyAccrued()).isEqualTo(amount("0.14"));
            assertThat(late.overdue()).isEqualTo(new Overdue(amount("0.14"), 0, 0, 0));
        }

        /**
         * Contract sample L-1001 as of 2026-11-23 (CNY, principal 12000.00, 0.0005/day, cap 2000.00, grace 3):
         * <pre>
         * #1 2026-04-15  1000.00 + 60.00   PAY-1 2026-04-15 20:11+08  1060.00 → interest 60, principal 1000: paid on time
         * #2 2026-05-15  1000.00 + 55.00   overdue from 05-19 (05-19 − 05-15 = 4 > 3)
         *    penalty 05-19, 05-20 on 1055.00: 2 × 1055.00 × 0.0005 = 1.055 → half-even 1.06 (1.05 is odd)
         *    PAY-2 2026-05-20 09:30+08  500.00 → penalty 1.06, interest 55.00, principal 443.94; 556.06 left
         *    penalty 05-21..11-23 (187 days) on 556.06: 103983.22 minor-unit-days
         * #3 2026-06-15  1000.00 + 50.00   penalty 06-16..11-23 (161 days) on 1050.00: 169050.00
         * accrued: (211000 + 10398322 + 16905000) minor-unit-days × 0.0005 = 13757.161 → 137.57 (under the cap)
         * overdue: principal 556.06 + 1000.00 = 1556.06, interest 50.00, penalty 137.57 − 1.06 = 136.51
         * dpd 2026-11-23 − 2026-05-15 = 192 → M6+, LEGAL, DOUBTFUL (181..365), aging Y0_1
         * outstanding principal 12000.00 − 1000.00 − 443.94 = 10556.06
         * </pre>
         */
        @Test
        void contractSampleL1001() {
            var l1001 = anAccount().withId("L-1001").withPrincipal(amount("12000.00")).openedOn(LocalDate.of(2026, 3, 15))
                    .withPenaltyRatePerDay("0.0005").withPenaltyCap(amount("2000.00")).withGraceDays(3)
                    .withInstallment(due("2026-04-15"), principal("1000.00"), interest("60.00"))
                    .withInstallment(due("2026-05-15"), principal("1000.00"), interest("55.00"))
                    .withInstallment(due("2026-06-15"), principal("1000.00"), interest("50.00"))
                    .withPayment(paidAt("2026-04-15T20:11:00+08:00"), amount("1060.00"))
                    .withPayment(paidAt("2026-05-20T09:30:00+08:00"), amount("500.00"));

            var state = assess(l1001, asOf("2026-11-23"));

            assertThat(state.accountId()).isEqualTo("L-1001");
            assertThat(state.dpd()).isEqualTo(192);
            assertThat(state.bucket()).isEqualTo("M6+");
            assertThat(state.stage()).isEqualTo("LEGAL");
            assertThat(state.agingBucket()).isEqualTo(AgingBucket.Y0_1);
            assertThat(state.riskClass()).isEqualTo(RiskClass.DOUBTFUL);
            assertThat(state.overdue()).isEqualTo(new Overdue(amount("1556.06"), amount("50.00"), 0, amount("136.51")));
            assertThat(state.overdue().total()).isEqualTo(amount("1742.57"));
            assertThat(state.penaltyAccrued()).isEqualTo(amount("137.57"));
            assertThat(state.outstandingPrincipal()).isEqualTo(amount("10556.06"));
            assertThat(state.unappliedCredit()).isZero();
            assertThat(state.oldestUnpaidDueDate()).isEqualTo(due("2026-05-15"));
            assertThat(state.policyVersion()).isEqualTo(DEFAULTS.version());
        }
    }

    /** Credit card: a monthly statement with a fee, no grace, no penalty rate (like sample C-2001). */
    @Nested
    class CreditCard {

        private AccountBuilder card() {
            return anAccount().ofProduct(Product.CREDIT_CARD).withPrincipal(amount("8000.00"))
                    .withInstallment(due("2026-09-20"), principal("800.00"), interest("0"), fees("25.00"));
        }

        @Test
        void overpaymentBecomesUnappliedCredit() {
            // 900.00 → fees 25.00, principal 800.00, 75.00 left with nothing to pay
            var state = assess(card().withPayment(paidOn("2026-09-15"), amount("900.00")), asOf("2026-09-30"));

            assertThat(state.unappliedCredit()).isEqualTo(amount("75.00"));
            assertThat(state.dpd()).isZero();
            assertThat(state.overdue()).isEqualTo(Overdue.NONE);
            assertThat(state.outstandingPrincipal()).isEqualTo(amount("7200.00"));
        }

        @Test
        void paymentAfterAsOfIsIgnored() {
            var card = card().withPayment(paidOn("2026-09-25"), amount("825.00"));

            var before = assess(card, asOf("2026-09-24"));
            assertThat(before.dpd()).isEqualTo(4);
            assertThat(before.overdue()).isEqualTo(new Overdue(amount("800.00"), 0, amount("25.00"), 0));

            assertThat(assess(card, asOf("2026-09-25")).dpd()).isZero();
        }

        @Test
        void withoutGraceTheDayAfterTheDueDateIsOneDayPastDue() {
            var state = assess(card(), asOf("2026-09-21"));

            assertThat(state.dpd()).isEqualTo(1);
            assertThat(state.bucket()).isEqualTo("M1");
            assertThat(state.stage()).isEqualTo("EARLY");
        }

        @Test
        void instalmentDueOnAsOfIsNotYetOverdue() {
            var state = assess(card(), asOf("2026-09-20"));

            assertThat(state.dpd()).isZero();
            assertThat(state.overdue()).isEqualTo(Overdue.NONE);
            assertThat(state.oldestUnpaidDueDate()).isNull();
            assertThat(state.stage()).isEqualTo("CURRENT");
        }

        @Test
        void noPenaltyWithoutARate() {
            var state = assess(card(), asOf("2026-12-31"));

            assertThat(state.penaltyAccrued()).isZero();
            assertThat(state.overdue().penalty()).isZero();
        }

        @Test
        void dayBeforeTheDueDateIsPreDue() {
            assertThat(assess(card(), asOf("2026-09-19")).stage()).isEqualTo("PRE_DUE");
            assertThat(assess(card(), asOf("2026-09-18")).stage()).isEqualTo("CURRENT");
            assertThat(assess(card().withPayment(paidOn("2026-09-10"), amount("825.00")), asOf("2026-09-19")).stage())
                    .as("a paid instalment is not pre-due").isEqualTo("CURRENT");
        }

        @Test
        void preDueWindowIsConfigurable() {
            var threeDays = withPreDueDays(3);

            assertThat(assess(card(), asOf("2026-09-17"), threeDays).stage()).isEqualTo("PRE_DUE");
            assertThat(assess(card(), asOf("2026-09-16"), threeDays).stage()).isEqualTo("CURRENT");
        }

        @ParameterizedTest(name = "dpd {0} → {1}, {2}, {3}")
        @CsvSource({
                "1,   M1,  EARLY, OVERDUE",
                "29,  M1,  EARLY, OVERDUE",
                "30,  M1,  MID,   OVERDUE",
                "31,  M2,  MID,   OVERDUE",
                "60,  M2,  MID,   OVERDUE",
                "61,  M3,  MID,   OVERDUE",
                "89,  M3,  MID,   OVERDUE",
                "90,  M3,  LATE,  OVERDUE",
                "91,  M4,  LATE,  OVERDUE",
                "120, M4,  LATE,  OVERDUE",
                "121, M5,  LATE,  OVERDUE",
                "149, M5,  LATE,  OVERDUE",
                "150, M5,  LEGAL, OVERDUE",
                "151, M6,  LEGAL, OVERDUE",
                "180, M6,  LEGAL, OVERDUE",
                "181, M6+, LEGAL, DOUBTFUL",
                "365, M6+, LEGAL, DOUBTFUL",
                "366, M6+, LEGAL, BAD"})
        void bucketStageAndRiskClassBoundaries(int dpd, String bucket, String stage, RiskClass riskClass) {
            var state = assess(card(), due("2026-09-20").plusDays(dpd));

            assertThat(state.dpd()).isEqualTo(dpd);
            assertThat(state.bucket()).isEqualTo(bucket);
            assertThat(state.stage()).isEqualTo(stage);
            assertThat(state.riskClass()).isEqualTo(riskClass);
        }
    }

    /** B2B receivable: one invoice, 30 days of grace, no penalty (like sample R-3001). */
    @Nested
    class B2bReceivable {

        private AccountBuilder invoice() {
            return anAccount().ofProduct(Product.B2B_RECEIVABLE).withGraceDays(30)
                    .withInstallment(due("2025-03-31"), principal("56000.00"));
        }

        @Test
        void withinThirtyGraceDaysDpdIsZero() {
            var state = assess(invoice(), asOf("2025-04-30"));

            assertThat(state.dpd()).isZero();
            assertThat(state.stage()).isEqualTo("CURRENT");
            assertThat(state.agingBucket()).isEqualTo(AgingBucket.CURRENT);
            assertThat(state.overdue().principal()).isEqualTo(amount("56000.00"));
            assertThat(state.oldestUnpaidDueDate()).isEqualTo(due("2025-03-31"));
        }

        @Test
        void dayAfterGraceDpdIsGracePlusOne() {
            var state = assess(invoice(), asOf("2025-05-01"));

            assertThat(state.dpd()).isEqualTo(31);
            assertThat(state.bucket()).isEqualTo("M2");
            assertThat(state.stage()).isEqualTo("MID");
            assertThat(state.riskClass()).isEqualTo(RiskClass.OVERDUE);
        }

        @Test
        void paymentOnTheLastGraceDayKeepsTheAccountCurrent() {
            var paid = invoice().withPayment(paidOn("2025-04-30"), amount("56000.00"));

            assertThat(assess(paid, asOf("2025-05-01")).dpd()).isZero();
        }

        @ParameterizedTest(name = "as of {0} → {1}")
        @CsvSource({
                "2025-05-01, Y0_1",
                "2026-03-30, Y0_1",
                "2026-03-31, Y1_2",
                "2027-03-31, Y2_3",
                "2028-03-31, Y3_4",
                "2029-03-30, Y3_4",
                "2029-03-31, Y4_5",
                "2030-03-30, Y4_5",
                "2030-03-31, Y5_PLUS",
                "2040-01-01, Y5_PLUS"})
        void agingBucketsByWholeYearsSinceTheOldestUnpaidDueDate(LocalDate asOf, AgingBucket expected) {
            assertThat(assess(invoice(), asOf).agingBucket()).isEqualTo(expected);
        }

        @Test
        void contractSampleR3001() {
            var state = assess(invoice().withId("R-3001"), asOf("2026-11-23"));

            assertThat(state.dpd()).isEqualTo(602);
            assertThat(state.bucket()).isEqualTo("M6+");
            assertThat(state.riskClass()).isEqualTo(RiskClass.BAD);
            assertThat(state.agingBucket()).isEqualTo(AgingBucket.Y1_2);
        }

        @Test
        void debtIsDeadWhenTimeBarredSinceTheOldestUnpaidDueDate() {
            // limitation 3 years from 2025-03-31
            assertThat(assess(invoice(), asOf("2028-03-30")).riskClass()).isEqualTo(RiskClass.BAD);
            assertThat(assess(invoice(), asOf("2028-03-31")).riskClass()).isEqualTo(RiskClass.DEAD);
        }

        @Test
        void aLaterPaymentRestartsTheLimitationPeriod() {
            var partlyPaid = invoice().withPayment(paidOn("2026-06-01"), amount("6000.00"));

            assertThat(assess(partlyPaid, asOf("2029-05-31")).riskClass()).isEqualTo(RiskClass.BAD);
            assertThat(assess(partlyPaid, asOf("2029-06-01")).riskClass()).isEqualTo(RiskClass.DEAD);
        }

        @Test
        void debtIsDeadWhenTheBorrowerDiedAndNobodyElseIsLiable() {
            var state = assess(invoice().withBorrowerDeceased(), asOf("2025-05-01"));

            assertThat(state.dpd()).isEqualTo(31);
            assertThat(state.riskClass()).isEqualTo(RiskClass.DEAD);
        }

        @Test
        void debtIsDeadWhenTheBorrowerIsBankruptAndNobodyElseIsLiable() {
            assertThat(assess(invoice().withBorrowerBankrupt(), asOf("2025-05-01")).riskClass())
                    .isEqualTo(RiskClass.DEAD);
        }

        @Test
        void aLiableGuarantorOrHeirKeepsTheDebtAlive() {
            var state = assess(invoice().withBorrowerDeceased().withOtherLiableParty(), asOf("2025-05-01"));

            assertThat(state.riskClass()).isEqualTo(RiskClass.OVERDUE);
        }

        @Test
        void aDebtThatIsNotPastDueIsNeverDead() {
            var state = assess(invoice().withBorrowerDeceased(), asOf("2025-04-30")); // within grace

            assertThat(state.riskClass()).isEqualTo(RiskClass.NOT_DUE);
        }
    }

    /** Property fee: monthly fees, no grace, 1‰ a day (like sample F-4001). */
    @Nested
    class PropertyFee {

        private AccountBuilder fee() {
            return anAccount().ofProduct(Product.PROPERTY_FEE).withPenaltyRatePerDay("0.001")
                    .withInstallment(due("2026-10-01"), principal("300.00"));
        }

        @Test
        void penaltyStartsTheDayAfterTheDueDateWithoutGrace() {
            // 300.00 × 0.001 = 0.30 a day
            var state = assess(fee(), asOf("2026-10-02"));

            assertThat(state.dpd()).isEqualTo(1);
            assertThat(state.penaltyAccrued()).isEqualTo(amount("0.30"));
        }

        @Test
        void contractSampleF4001() {
            // 10-02..11-23 = 53 days × 0.30 = 15.90
            var state = assess(fee().withId("F-4001"), asOf("2026-11-23"));

            assertThat(state.dpd()).isEqualTo(53);
            assertThat(state.bucket()).isEqualTo("M2");
            assertThat(state.stage()).isEqualTo("MID");
            assertThat(state.overdue()).isEqualTo(new Overdue(amount("300.00"), 0, 0, amount("15.90")));
        }

        @Test
        void paymentOnDueDateKeepsAccountCurrent() {
            var state = assess(fee().withPayment(paidOn("2026-10-01"), amount("300.00")), asOf("2026-11-23"));

            assertThat(state.dpd()).isZero();
            assertThat(state.penaltyAccrued()).isZero();
        }

        @Test
        void partialPaymentLowersThePenaltyBaseFromTheNextDay() {
            // 10-02..10-11 (incl. the payment day) on 300.00: 10 × 0.30 = 3.00
            // 100.00 on 10-11 → penalty 3.00, principal 97.00; 203.00 left
            // 10-12..10-31 on 203.00: 20 × 0.203 = 4.06; accrued 7.06, unpaid 4.06
            var state = assess(fee().withPayment(paidOn("2026-10-11"), amount("100.00")), asOf("2026-10-31"));

            assertThat(state.penaltyAccrued()).isEqualTo(amount("7.06"));
            assertThat(state.overdue()).isEqualTo(new Overdue(amount("203.00"), 0, 0, amount("4.06")));
            assertThat(state.dpd()).isEqualTo(30);
            assertThat(state.bucket()).isEqualTo("M1");
            assertThat(state.stage()).isEqualTo("MID");
        }

        @Test
        void everyOverdueInstalmentAccruesFromItsOwnDueDate() {
            // #1 10-02..11-10 = 40 days, #2 11-02..11-10 = 9 days: 49 × 0.30 = 14.70
            var twoMonths = fee().withInstallment(due("2026-11-01"), principal("300.00"));

            var state = assess(twoMonths, asOf("2026-11-10"));

            assertThat(state.penaltyAccrued()).isEqualTo(amount("14.70"));
            assertThat(state.dpd()).isEqualTo(40);
            assertThat(state.overdue().principal()).isEqualTo(amount("600.00"));
        }

        @Test
        void prepaymentPaysInstalmentsNotYetDueOldestFirst() {
            var prepaid = fee().withInstallment(due("2026-11-01"), principal("300.00"))
                    .withInstallment(due("2026-12-01"), principal("300.00"))
                    .withPayment(paidOn("2026-09-20"), amount("500.00"));

            var state = assess(prepaid, asOf("2026-11-10"));

            // #1 paid, #2 paid 200.00 of 300.00: overdue since 11-02 on 100.00 → 9 × 0.10 = 0.90
            assertThat(state.dpd()).isEqualTo(9);
            assertThat(state.oldestUnpaidDueDate()).isEqualTo(due("2026-11-01"));
            assertThat(state.overdue()).isEqualTo(new Overdue(amount("100.00"), 0, 0, amount("0.90")));
            assertThat(state.outstandingPrincipal()).isEqualTo(amount("400.00"));
        }

        @Test
        void inputOrderDoesNotMatter() {
            var account = fee().withInstallment(due("2026-11-01"), principal("300.00"))
                    .withPayment(paidOn("2026-10-20"), amount("120.00"))
                    .withPayment(paidOn("2026-10-05"), amount("50.00"));
            var sorted = assess(account, asOf("2026-11-23"));

            var reversed = DelinquencyCalculator.assess(account.build(), account.installments().reversed(),
                    account.payments().reversed(), asOf("2026-11-23"), DEFAULTS);

            assertThat(reversed).isEqualTo(sorted);
        }
    }

    @Test
    void anInstanceBoundToAPolicyGivesTheSameAnswer() {
        var account = anAccount().withInstallment(due("2026-01-10"), principal("100.00"));
        var calculator = new DelinquencyCalculator(DEFAULTS);

        assertThat(calculator.assess(account.build(), account.installments(), account.payments(), asOf("2026-02-01")))
                .isEqualTo(assess(account, asOf("2026-02-01")));
    }

    @Test
    void anAccountWithoutInstalmentsHoldsItsPaymentsAsCredit() {
        var account = anAccount().withPrincipal(0).withPayment(paidOn("2026-01-10"), amount("10.00"));

        var state = assess(account, asOf("2026-02-01"));

        assertThat(state.dpd()).isZero();
        assertThat(state.unappliedCredit()).isEqualTo(amount("10.00"));
    }
}

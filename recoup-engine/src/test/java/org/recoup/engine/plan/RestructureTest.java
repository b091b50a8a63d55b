package org.recoup.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recoup.engine.debt.AccountBuilder.anAccount;
import static org.recoup.engine.debt.AccountBuilder.due;
import static org.recoup.engine.debt.AccountBuilder.interest;
import static org.recoup.engine.debt.AccountBuilder.paidOn;
import static org.recoup.engine.debt.AccountBuilder.principal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoup.engine.debt.AccountBuilder;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.delinquency.DelinquencyCalculator;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.plan.PlanInstalment.Kind;

/**
 * Hand-computed restructures of one loan: four instalments of 1,000.00 principal + 100.00 interest due on the 10th of
 * January to April 2026; January paid in full on time, 300.00 paid on 15 February (interest 100.00, principal
 * 200.00). On 20 March 2026 it owes: February 800.00 principal, March 1,000.00 + 100.00 (overdue), April 1,000.00 +
 * 100.00 (not yet due). Arrears 1,900.00, balance 3,000.00, paid 1,400.00 (1,200.00 principal, 200.00 interest).
 */
class RestructureTest {

    static final DelinquencyPolicy POLICY = DelinquencyPolicy.defaults();
    static final LocalDate START = LocalDate.of(2026, 3, 20);

    static AccountBuilder loan() {
        return anAccount().withPrincipal(principal("4000.00")).openedOn(due("2025-12-10"))
                .withInstallment(due("2026-01-10"), principal("1000.00"), interest("100.00"))
                .withInstallment(due("2026-02-10"), principal("1000.00"), interest("100.00"))
                .withInstallment(due("2026-03-10"), principal("1000.00"), interest("100.00"))
                .withInstallment(due("2026-04-10"), principal("1000.00"), interest("100.00"))
                .withPayment(paidOn("2026-01-10"), principal("1100.00"))
                .withPayment(paidOn("2026-02-15"), principal("300.00"));
    }

    static Position position(AccountBuilder a, LocalDate asOf) {
        var assessment = DelinquencyCalculator.assessWithAllocation(a.build(), a.installments(), a.payments(), asOf, POLICY);
        return Position.of(a.installments(), assessment, asOf, POLICY.waterfall());
    }

    static List<Installment> asInstallments(List<PlanInstalment> schedule) {
        return schedule.stream().map(i -> new Installment(i.seq(), i.dueDate(), i.principal(), i.interest(), i.fees())).toList();
    }

    static DelinquencyState stateOn(AccountBuilder a, List<PlanInstalment> schedule, LocalDate asOf) {
        return DelinquencyCalculator.assess(a.build(), asInstallments(schedule), a.payments(), asOf, POLICY);
    }

    @Test
    void thePositionSplitsWhatWasPaidFromWhatIsLeftOfEachInstalment() {
        Position p = position(loan(), START);

        assertThat(p.paid()).isEqualTo(new Components(120000, 20000, 0, 0));
        assertThat(p.arrears()).isEqualTo(new Components(180000, 10000, 0, 0));
        assertThat(p.balance()).isEqualTo(new Components(280000, 20000, 0, 0));
        assertThat(p.notYetDue()).containsExactly(new Installment(4, due("2026-04-10"), 100000, 10000, 0));
    }

    @Test
    void aSettlementPaysPrincipalFirstAndWaivesTheRestOfTheBalance() {
        var r = Restructure.restructure(position(loan(), START), PlanTerms.settlement(200000, due("2026-04-30")));

        assertThat(r.schedule()).containsExactly(
                new PlanInstalment(1, START, 120000, 20000, 0, Kind.PAID),
                new PlanInstalment(2, due("2026-04-30"), 200000, 0, 0, Kind.PLAN));
        assertThat(r.waived()).isEqualTo(new Components(80000, 20000, 0, 0));
        assertThat(r.waivedPercent()).isEqualByComparingTo("33.3333");
        assertThat(r.lengthMonths()).isEqualTo(2);
    }

    @Test
    void anInstalmentPlanSpreadsTheArrearsEvenlyWithTheRemainderLastAndKeepsInstalmentsNotYetDue() {
        var r = Restructure.restructure(position(loan(), START),
                PlanTerms.instalmentPlan(PlanTerms.Scope.ARREARS, 3, due("2026-04-05")));

        assertThat(r.schedule()).containsExactly(
                new PlanInstalment(1, START, 120000, 20000, 0, Kind.PAID),
                new PlanInstalment(2, due("2026-04-05"), 60000, 3333, 0, Kind.PLAN),
                new PlanInstalment(3, due("2026-04-10"), 100000, 10000, 0, Kind.KEPT),
                new PlanInstalment(4, due("2026-05-05"), 60000, 3333, 0, Kind.PLAN),
                new PlanInstalment(5, due("2026-06-05"), 60000, 3334, 0, Kind.PLAN));
        assertThat(r.waived()).isEqualTo(Components.NONE);
        assertThat(r.planInstalments()).isEqualTo(3);
        assertThat(r.lengthMonths()).isEqualTo(3);
    }

    @Test
    void underTheNewScheduleTheAccountIsCurrentAndAMissedPlanInstalmentCountsDaysPastDue() {
        AccountBuilder a = loan();
        var r = Restructure.restructure(position(a, START), PlanTerms.instalmentPlan(PlanTerms.Scope.ARREARS, 3,
                due("2026-04-05")));

        DelinquencyState onStart = stateOn(a, r.schedule(), START);
        assertThat(onStart.dpd()).isZero();
        assertThat(onStart.outstandingPrincipal()).isEqualTo(280000);
        assertThat(stateOn(a, r.schedule(), due("2026-04-07")).dpd()).isEqualTo(2);
        a.withPayment(paidOn("2026-04-05"), principal("633.33"));
        assertThat(stateOn(a, r.schedule(), due("2026-04-07")).dpd()).isZero();
    }

    @Test
    void aBalancePlanReplacesEveryInstalment() {
        var r = Restructure.restructure(position(loan(), START),
                PlanTerms.instalmentPlan(PlanTerms.Scope.BALANCE, 4, due("2026-04-15")));

        assertThat(r.schedule()).extracting(PlanInstalment::kind)
                .containsExactly(Kind.PAID, Kind.PLAN, Kind.PLAN, Kind.PLAN, Kind.PLAN);
        assertThat(r.schedule().subList(1, 5)).extracting(PlanInstalment::due)
                .containsExactly(75000L, 75000L, 75000L, 75000L);
    }

    @Test
    void aPenaltyWaiverWaivesThePenaltyAccruedAndLeavesTheRestOfTheArrearsDueOnTheDate() {
        AccountBuilder a = anAccount().withPrincipal(principal("1000.00")).withPenaltyRatePerDay("0.001")
                .withInstallment(due("2026-01-10"), principal("1000.00"));
        // 1‰ a day of 1,000.00 for the 10 days 11–20 January = 10.00
        var r = Restructure.restructure(position(a, due("2026-01-20")), PlanTerms.waiver(false, true, due("2026-02-01")));

        assertThat(r.waived()).isEqualTo(new Components(0, 0, 0, 1000));
        assertThat(r.schedule()).containsExactly(new PlanInstalment(1, due("2026-02-01"), 100000, 0, 0, Kind.PLAN));
    }

    @Test
    void aReAgeMovesTheArrearsAMonthAfterTheLastInstalment() {
        var r = Restructure.restructure(position(loan(), START), PlanTerms.reAge());

        assertThat(r.schedule()).containsExactly(
                new PlanInstalment(1, START, 120000, 20000, 0, Kind.PAID),
                new PlanInstalment(2, due("2026-04-10"), 100000, 10000, 0, Kind.KEPT),
                new PlanInstalment(3, due("2026-05-10"), 180000, 10000, 0, Kind.PLAN));
        assertThat(stateOn(loan(), r.schedule(), START).dpd()).isZero();
    }

    @Test
    void aSettlementAboveTheBalanceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Restructure.restructure(position(loan(), START),
                PlanTerms.settlement(300001, due("2026-04-30"))))
                .isInstanceOfSatisfying(PlanTermsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SETTLEMENT_ABOVE_BALANCE");
                    assertThat(e.field()).isEqualTo("settlementAmount");
                });
    }

    @Test
    void aPlanDateNotAfterTheStartIsRefused() {
        assertThatThrownBy(() -> Restructure.restructure(position(loan(), START),
                PlanTerms.instalmentPlan(PlanTerms.Scope.ARREARS, 2, START)))
                .isInstanceOfSatisfying(PlanTermsException.class, e -> assertThat(e.field()).isEqualTo("firstDueDate"));
    }

    @Test
    void aPlanIsCompletedOnceItsLastPlanInstalmentIsPaidAndBrokenWhenMissedBeyondGrace() {
        var r = Restructure.restructure(position(loan(), START), PlanTerms.settlement(200000, due("2026-04-30")));

        assertThat(PlanProgress.evaluate(r.schedule(), 140000, 0, 5)).isEqualTo(PlanProgress.Standing.KEPT);
        assertThat(PlanProgress.evaluate(r.schedule(), 140000, 6, 5)).isEqualTo(PlanProgress.Standing.BROKEN);
        assertThat(PlanProgress.evaluate(r.schedule(), 140000, 5, 5)).isEqualTo(PlanProgress.Standing.KEPT);
        assertThat(PlanProgress.evaluate(r.schedule(), 340000, 9, 5)).isEqualTo(PlanProgress.Standing.COMPLETED);
    }

    @Test
    void monthsAreCountedUpToTheLastInstalmentRoundedUp() {
        assertThat(Restructure.monthsUpTo(due("2026-03-20"), due("2026-04-20"))).isEqualTo(1);
        assertThat(Restructure.monthsUpTo(due("2026-03-20"), due("2026-04-21"))).isEqualTo(2);
        assertThat(Restructure.monthsUpTo(due("2026-03-20"), due("2026-03-20"))).isZero();
    }

    @Test
    void authorityCoversAPlanOnlyWithinEveryLimit() {
        AuthorityLimit junior = new AuthorityLimit("AGENT_JUNIOR", 50000, new BigDecimal("10"), 6, 6,
                java.util.Set.of(PlanType.INSTALMENT_PLAN, PlanType.WAIVER));
        assertThat(junior.check(new AuthorityLimit.Grant(PlanType.WAIVER, 50000, new BigDecimal("10.0000"), 1, 1)))
                .isEmpty();
        assertThat(junior.check(new AuthorityLimit.Grant(PlanType.SETTLEMENT, 100000, new BigDecimal("33.3333"), 7, 7)))
                .extracting(AuthorityLimit.Violation::code)
                .containsExactly("PLAN_TYPE_NOT_ALLOWED", "WAIVER_AMOUNT_OVER_LIMIT", "WAIVER_PERCENT_OVER_LIMIT",
                        "INSTALMENTS_OVER_LIMIT", "LENGTH_OVER_LIMIT");
    }

    @Test
    void anApprovalChainWhoseAuthorityShrinksUpwardsIsRefused() {
        var low = new AuthorityLimit("A", 100, BigDecimal.ONE, 3, 3, java.util.Set.of(PlanType.WAIVER));
        var high = new AuthorityLimit("B", 50, BigDecimal.ONE, 3, 3, java.util.Set.of(PlanType.WAIVER));
        assertThatThrownBy(() -> new AuthorityLimits(1, List.of(low, high)))
                .isInstanceOfSatisfying(PlanTermsException.class, e -> assertThat(e.field()).isEqualTo("limits[1].level"));
        assertThat(new AuthorityLimits(1, List.of(high, low)).firstCovering(
                new AuthorityLimit.Grant(PlanType.WAIVER, 80, BigDecimal.ZERO, 1, 1))).get()
                .extracting(AuthorityLimit::level).isEqualTo("A");
    }
}

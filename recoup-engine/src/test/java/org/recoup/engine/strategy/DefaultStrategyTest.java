package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.segmentation.CaseBuilder.aCase;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.AgingBucket;
import org.recoup.engine.segmentation.CaseBuilder;

/** The shipped consumer strategy (PRACTICE §4): each rule fires on a case that reads like the practice it cites. */
class DefaultStrategyTest {

    private static final CompiledStrategy STRATEGY = StrategyCompiler.compile(DefaultStrategies.consumerDefault());

    private static Decision decide(CaseBuilder c) {
        return STRATEGY.decide(c.strategyFacts());
    }

    /** One representative case per competing rule, in the strategy's order. */
    static Map<String, CaseBuilder> representativeCases() {
        Map<String, CaseBuilder> cases = new LinkedHashMap<>();
        cases.put("estate-or-bankruptcy", aCase().dpd(40).deceased());
        cases.put("dispute-or-complaint", aCase().dpd(20).disputed());
        cases.put("b2b-limitation-risk", aCase().product(Product.B2B_RECEIVABLE).business().dpd(400).aging(AgingBucket.Y1_2));
        cases.put("b2b-doubtful", aCase().product(Product.B2B_RECEIVABLE).business().dpd(200));
        cases.put("b2b-month-end", aCase().product(Product.B2B_RECEIVABLE).business().dpd(20).on("2026-03-30"));
        cases.put("b2b-overdue", aCase().product(Product.B2B_RECEIVABLE).business().dpd(20));
        cases.put("property-fee-notice", aCase().product(Product.PROPERTY_FEE).dpd(10));
        cases.put("legal-action", aCase().dpd(160));
        cases.put("broken-promise", aCase().dpd(12).brokenPromise(1));
        cases.put("kept-promise", aCase().dpd(0).keptPromise(0));
        cases.put("promise-open", aCase().dpd(10).openPromise(5));
        cases.put("lawyer-letter", aCase().dpd(95));
        cases.put("lost-contact-skip-trace", aCase().dpd(5).noValidNumber());
        cases.put("lost-contact-letter", aCase().dpd(15).noValidNumber());
        cases.put("lost-contact-visit", aCase().dpd(25).failedAttempts(6));
        cases.put("pre-due-reminder", aCase().preDue());
        cases.put("first-week-daily-call", aCase().dpd(3));
        cases.put("willing-unable-restructure", aCase().dpd(20).hardship().lastPaid(5));
        cases.put("unwilling-find-reason", aCase().dpd(20).refusedToPay().knownIncome());
        cases.put("mid-stage-agency", aCase().dpd(65));
        cases.put("mid-stage-letter", aCase().dpd(40));
        cases.put("early-reminder", aCase().dpd(12));
        return cases;
    }

    static Stream<Arguments> everyRule() {
        return representativeCases().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void eachRuleFiresOnItsRepresentativeCase(String ruleId, CaseBuilder c) {
        Decision d = decide(c);
        assertThat(d.firedRuleId()).isEqualTo(ruleId);
        assertThat(d.trace()).filteredOn(o -> !o.always()).last().isEqualTo(new RuleOutcome(ruleId, false, true, null));
        assertThat(d.trace()).allSatisfy(o -> assertThat(o.error()).isNull());
    }

    @Test
    void everyShippedRuleHasARepresentativeCaseAndCitesPractice() {
        Set<String> competing = DefaultStrategies.consumerDefault().rules().stream().filter(r -> !r.always())
                .map(Rule::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        assertThat(representativeCases().keySet()).containsExactlyElementsOf(competing);
        assertThat(DefaultStrategies.consumerDefault().rules())
                .allSatisfy(r -> assertThat(r.cites()).startsWith("PRACTICE §"));
    }

    @Test
    void deceasedOrBankruptGoesToTheEstateAndClaimsPath() {
        assertThat(decide(aCase().dpd(40).deceased()).treatments()).first()
                .isEqualTo(Treatment.of(Action.LEGAL_REVIEW, 95).withScript("estate-heirs-claims").withTier("legal"));
        assertThat(decide(aCase().dpd(3).bankrupt()).firedRuleId()).isEqualTo("estate-or-bankruptcy");
    }

    @Test
    void disputesComplaintsAndClaimsOfPaymentEscalateToASupervisor() {
        for (CaseBuilder c : new CaseBuilder[] {aCase().dpd(8).disputed(), aCase().dpd(8).complaint(),
                aCase().dpd(8).claimsAlreadyPaid()}) {
            Treatment t = decide(c).treatments().getFirst();
            assertThat(t.action()).isEqualTo(Action.ESCALATE);
            assertThat(t.tier()).isEqualTo("supervisor");
        }
    }

    @Test
    void brokenPromiseGetsConfrontationCall() {
        Decision d = decide(aCase().dpd(12).brokenPromise(1));
        assertThat(d.treatments()).containsExactly(
                Treatment.of(Action.CALL, 90).withScript("confront-promise-history"));
    }

    @Test
    void aBrokenPromiseLateInTheLadderGetsTheLawyerLetterInstead() {
        assertThat(decide(aCase().dpd(100).brokenPromise(1)).firedRuleId()).isEqualTo("lawyer-letter");
    }

    @Test
    void promiseDueInTwoDaysGetsAReminderOnTopOfTheDecision() {
        Decision d = decide(aCase().dpd(10).openPromise(2));
        assertThat(d.firedRuleId()).isEqualTo("promise-open");
        assertThat(d.treatments()).containsExactly(
                Treatment.of(Action.NO_ACTION, 5).withScript("monitor-promise"),
                Treatment.of(Action.SMS, 50).withTemplate("ptp-reminder"));
    }

    @Test
    void promiseReminderIsNotSentOnOtherDays() {
        assertThat(decide(aCase().dpd(10).openPromise(3)).treatments()).extracting(Treatment::action)
                .containsExactly(Action.NO_ACTION);
    }

    @Test
    void keptPromiseIsThankedOnceThenMonitored() {
        assertThat(decide(aCase().dpd(0).keptPromise(1)).treatments())
                .containsExactly(Treatment.of(Action.SMS, 20).withTemplate("thank-you"));
        assertThat(decide(aCase().dpd(0).keptPromise(5)).fired()).isFalse();
    }

    @Test
    void preDueAccountGetsAnSmsTheDayBeforeDue() {
        Decision d = decide(aCase().preDue());
        assertThat(d.treatments()).containsExactly(Treatment.of(Action.SMS, 30).withTemplate("pre-due-reminder"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7})
    void firstWeekOfDelinquencyGetsADailyCall(int dpd) {
        assertThat(decide(aCase().dpd(dpd).on("2026-03-15")).firedRuleId()).isEqualTo("first-week-daily-call");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-05", "2026-03-10", "2026-03-15", "2026-03-28", "2026-03-30"})
    void paydaysAddAFollowUpCallToTheStagesTreatment(String day) {
        assertThat(decide(aCase().dpd(12).on(day)).treatments()).containsExactly(
                Treatment.of(Action.SMS, 40).withTemplate("early-reminder"),
                Treatment.of(Action.CALL, 55).withScript("payday-follow-up"));
    }

    @Test
    void paydayFollowUpIsNotForTheFirstWeekOpenPromisesOrUnwillingDebtors() {
        assertThat(decide(aCase().dpd(3).on("2026-03-15")).treatments()).extracting(Treatment::script)
                .containsExactly("early-reminder");
        assertThat(decide(aCase().dpd(12).openPromise(5).on("2026-03-15")).treatments()).extracting(Treatment::script)
                .doesNotContain("payday-follow-up");
        assertThat(decide(aCase().dpd(20).refusedToPay().knownIncome().on("2026-03-15")).treatments())
                .extracting(Treatment::script).containsExactly("find-the-reason");
        assertThat(decide(aCase().dpd(40).deceased().on("2026-03-15")).treatments()).extracting(Treatment::script)
                .containsExactly("estate-heirs-claims");
    }

    @Test
    void otherDaysOfEarlyDelinquencyGetAnSms() {
        assertThat(decide(aCase().dpd(12).on("2026-03-16")).firedRuleId()).isEqualTo("early-reminder");
    }

    @Test
    void willingButUnableIsOfferedARestructure() {
        assertThat(decide(aCase().dpd(20).hardship().lastPaid(5)).treatments()).extracting(Treatment::action)
                .containsExactly(Action.RESTRUCTURE_OFFER);
    }

    @Test
    void unwillingGetsAFindTheReasonCallFromASeniorCollector() {
        Treatment t = decide(aCase().dpd(20).refusedToPay().knownIncome()).treatments().getFirst();
        assertThat(t).isEqualTo(Treatment.of(Action.CALL, 65).withScript("find-the-reason").withTier("senior"));
    }

    @Test
    void lostContactIsSkipTracedThenWrittenToThenVisitedFrom20Dpd() {
        assertThat(decide(aCase().dpd(5).noValidNumber()).treatments().getFirst().action()).isEqualTo(Action.SKIP_TRACE);
        assertThat(decide(aCase().dpd(15).noValidNumber()).treatments().getFirst().action()).isEqualTo(Action.LETTER);
        assertThat(decide(aCase().dpd(19).failedAttempts(9)).treatments().getFirst().action()).isEqualTo(Action.LETTER);
        assertThat(decide(aCase().dpd(20).noValidNumber()).treatments().getFirst().action())
                .isEqualTo(Action.VISIT_REVIEW);
    }

    @Test
    void midStageGetsLettersThenAgencyReview() {
        assertThat(decide(aCase().dpd(40)).treatments().getFirst().action()).isEqualTo(Action.LETTER);
        assertThat(decide(aCase().dpd(60)).treatments().getFirst().action()).isEqualTo(Action.AGENCY_REVIEW);
    }

    @Test
    void from90DpdALawyerLetterAndFrom150LegalReview() {
        assertThat(decide(aCase().dpd(90)).treatments().getFirst().template()).isEqualTo("lawyer-letter");
        assertThat(decide(aCase().dpd(149)).treatments().getFirst().template()).isEqualTo("lawyer-letter");
        assertThat(decide(aCase().dpd(150)).treatments().getFirst().action()).isEqualTo(Action.LEGAL_REVIEW);
    }

    @Test
    void businessReceivablesAreWorkedByAgingAndRiskClass() {
        CaseBuilder b2b = aCase().product(Product.B2B_RECEIVABLE).business();
        assertThat(decide(b2b.dpd(30)).firedRuleId()).isEqualTo("b2b-overdue");
        assertThat(decide(b2b.dpd(30).on("2026-03-29")).firedRuleId()).isEqualTo("b2b-month-end");
        assertThat(decide(b2b.dpd(30).on("2026-03-28")).firedRuleId()).isEqualTo("b2b-overdue");
        assertThat(decide(b2b.dpd(190)).firedRuleId()).isEqualTo("b2b-doubtful");
        assertThat(decide(b2b.dpd(370).aging(AgingBucket.Y1_2)).firedRuleId()).isEqualTo("b2b-limitation-risk");
    }

    @Test
    void propertyFeesAreDemandedByWrittenNotice() {
        assertThat(decide(aCase().product(Product.PROPERTY_FEE).dpd(40)).treatments())
                .containsExactly(Treatment.of(Action.LETTER, 50).withTemplate("property-fee-written-notice"));
    }

    @Test
    void aCurrentAccountWithNothingDueIsLeftAlone() {
        Decision d = decide(aCase());
        assertThat(d.fired()).isFalse();
        assertThat(d.treatments()).isEmpty();
    }
}

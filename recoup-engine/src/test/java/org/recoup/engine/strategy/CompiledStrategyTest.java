package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.segmentation.CaseBuilder.aCase;
import static org.recoup.engine.strategy.Rule.always;
import static org.recoup.engine.strategy.Rule.rule;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a compiled strategy decides: first match wins, always rules add, errors never crash, the trace explains. */
class CompiledStrategyTest {

    private static final Treatment CALL = Treatment.of(Action.CALL, 60);
    private static final Treatment SMS = Treatment.of(Action.SMS, 30);
    private static final Treatment LETTER = Treatment.of(Action.LETTER, 40);
    private static final Treatment EMAIL = Treatment.of(Action.EMAIL, 10);

    private static CompiledStrategy strategy(Rule... rules) {
        return StrategyCompiler.compile(new StrategyDocument("test", 7, List.of(rules)));
    }

    @Test
    void theFirstMatchingRuleWinsAndTheTraceStopsThere() {
        CompiledStrategy s = strategy(
                rule("late", "account.dpd >= 90", LETTER, null),
                rule("early", "account.dpd >= 1", CALL, null),
                rule("any", "true", SMS, null));

        Decision d = s.decide(aCase().dpd(10).strategyFacts());

        assertThat(d.firedRuleId()).isEqualTo("early");
        assertThat(d.treatments()).containsExactly(CALL);
        assertThat(d.trace()).containsExactly(
                new RuleOutcome("late", false, false, null),
                new RuleOutcome("early", false, true, null));
        assertThat(d.strategyId()).isEqualTo("test");
        assertThat(d.version()).isEqualTo(7);
        assertThat(d.arm()).isNull();
    }

    @Test
    void everyMatchingAlwaysRuleAddsItsTreatmentAfterTheFiredOne() {
        CompiledStrategy s = strategy(
                always("reminder", "ptp.active && ptp.daysToDue == 2", SMS, null),
                rule("early", "account.dpd >= 1", CALL, null),
                rule("any", "true", LETTER, null),
                always("email-too", "account.dpd > 0", EMAIL, null),
                always("never", "false", EMAIL, null));

        Decision d = s.decide(aCase().dpd(10).openPromise(2).strategyFacts());

        assertThat(d.firedRuleId()).isEqualTo("early");
        assertThat(d.treatments()).containsExactly(CALL, SMS, EMAIL);
        assertThat(d.trace()).extracting(RuleOutcome::ruleId)
                .containsExactly("reminder", "early", "email-too", "never");
    }

    @Test
    void whenNothingMatchesThereIsNoFiredRuleAndNoTreatment() {
        Decision d = strategy(rule("late", "account.dpd >= 90", LETTER, null)).decide(aCase().strategyFacts());
        assertThat(d.fired()).isFalse();
        assertThat(d.firedRuleId()).isNull();
        assertThat(d.treatments()).isEmpty();
        assertThat(d.trace()).containsExactly(new RuleOutcome("late", false, false, null));
    }

    @Test
    void aMissingFactIsNoMatchWithTheReasonInTheTrace() {
        CompiledStrategy s = strategy(
                rule("unguarded", "ptp.daysToDue == 2", SMS, null),
                rule("fallback", "true", CALL, null));

        Decision d = s.decide(aCase().dpd(3).strategyFacts());

        assertThat(d.firedRuleId()).isEqualTo("fallback");
        assertThat(d.trace().get(0)).isEqualTo(new RuleOutcome("unguarded", false, false, "no value for ptp.daysToDue"));
    }

    @Test
    void aGuardedOptionalFactIsNotAnError() {
        Decision d = strategy(rule("guarded", "ptp.active && ptp.daysToDue == 2", SMS, null))
                .decide(aCase().dpd(3).strategyFacts());
        assertThat(d.trace()).containsExactly(new RuleOutcome("guarded", false, false, null));
    }

    @Test
    void anEvaluationErrorIsNoMatchAndNeverACrash() {
        CompiledStrategy s = strategy(
                always("div", "100 / (account.dpd - account.dpd) > 1", EMAIL, null),
                rule("div-competing", "100 / account.dpd > 1", SMS, null),
                rule("fallback", "true", CALL, null));

        Decision d = s.decide(aCase().dpd(0).strategyFacts());

        assertThat(d.firedRuleId()).isEqualTo("fallback");
        assertThat(d.treatments()).containsExactly(CALL);
        assertThat(d.trace()).filteredOn(o -> o.error() != null).extracting(RuleOutcome::ruleId)
                .containsExactly("div", "div-competing");
        assertThat(d.trace().get(0).error()).contains("evaluation error").contains("by zero");
    }

    @Test
    void anErrorInOneAlwaysRuleDoesNotHideTheOthers() {
        CompiledStrategy s = strategy(
                always("broken", "ptp.daysToDue == 2", SMS, null),
                always("fine", "true", EMAIL, null));
        Decision d = s.decide(aCase().strategyFacts());
        assertThat(d.treatments()).containsExactly(EMAIL);
        assertThat(d.trace()).extracting(RuleOutcome::matched).containsExactly(false, true);
    }

    @Test
    void aCommentInAConditionStaysInsideIt() {
        CompiledStrategy s = strategy(
                rule("commented", "account.dpd > 5 // only after the first few days", CALL, null),
                rule("fallback", "true", SMS, null));
        assertThat(s.decide(aCase().dpd(6).strategyFacts()).firedRuleId()).isEqualTo("commented");
        assertThat(s.decide(aCase().dpd(2).strategyFacts()).firedRuleId()).isEqualTo("fallback");
    }

    @Test
    void orderIsRespectedAcrossManyRules() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rules.add(rule("dpd-" + i, "account.dpd == " + i, Treatment.of(Action.CALL, i), null));
        }
        rules.add(20, rule("error-in-second-slice", "ptp.daysToDue == 1", SMS, null));
        rules.add(rule("rest", "true", LETTER, null));
        CompiledStrategy s = strategy(rules.toArray(Rule[]::new));

        for (int dpd : new int[] {0, 15, 16, 19, 20, 31, 32, 49}) {
            Decision d = s.decide(aCase().dpd(dpd).strategyFacts());
            assertThat(d.firedRuleId()).isEqualTo("dpd-" + dpd);
            assertThat(d.trace()).last().isEqualTo(new RuleOutcome("dpd-" + dpd, false, true, null));
            assertThat(d.trace()).hasSize(dpd + 1 + (dpd >= 20 ? 1 : 0));
        }
        Decision rest = s.decide(aCase().dpd(77).strategyFacts());
        assertThat(rest.firedRuleId()).isEqualTo("rest");
        assertThat(rest.trace()).hasSize(52);
        assertThat(rest.trace().get(20).error()).isEqualTo("no value for ptp.daysToDue");
    }

    @Test
    void theShippedStrategyRunsEntirelyOnTheNativeFastPath() {
        CompiledStrategy s = StrategyCompiler.compile(DefaultStrategies.consumerDefault());
        assertThat(s.nativeRuleCount()).isEqualTo(s.rules().size());
    }

    @Test
    void theFastPathAgreesWithCelOnMixedNumbersAndAbsentFacts() {
        StrategyDocument probes = new StrategyDocument("probes", 1, List.of(
                always("int-in-doubles", "account.dpd in [2.0, 41]", SMS, null),
                always("int-vs-double", "account.dpd >= 2.0 && account.dpd < 2.5", SMS, null),
                always("huge", "account.dpd < 9223372036854775807", SMS, null),
                always("absent-or-true", "ptp.daysToDue == 2 || account.dpd == 2", SMS, null),
                always("absent-and-true", "ptp.daysToDue == 2 && account.dpd == 2", SMS, null),
                always("absent-in-list", "account.dpd in [ptp.daysToDue, 2]", SMS, null),
                always("not-absent", "!(ptp.daysToDue == 2)", SMS, null)));
        CompiledStrategy fast = StrategyCompiler.compile(probes);
        CompiledStrategy cel = StrategyCompiler.compile(probes, false);
        assertThat(fast.nativeRuleCount()).isEqualTo(probes.rules().size());
        for (int dpd : new int[] {0, 2, 3, 40}) {
            StrategyFacts f = aCase().dpd(dpd).strategyFacts();
            assertThat(fast.decide(f)).as("dpd " + dpd).isEqualTo(cel.decide(f));
        }
        assertThat(fast.decide(aCase().dpd(2).strategyFacts()).trace()).extracting(RuleOutcome::matched)
                .containsExactly(true, true, true, true, false, false, false);
    }

    @Test
    void conditionsOutsideTheFastPathRunOnCel() {
        CompiledStrategy s = strategy(
                rule("arithmetic", "account.dpd + 1 > 5", CALL, null),
                rule("macro", "segment.tags.exists(t, t == 'DECEASED')", SMS, null));
        assertThat(s.nativeRuleCount()).isZero();
        assertThat(s.decide(aCase().dpd(5).strategyFacts()).firedRuleId()).isEqualTo("arithmetic");
        assertThat(s.decide(aCase().dpd(2).deceased().strategyFacts()).firedRuleId()).isEqualTo("macro");
    }

    @Test
    void oneCompiledStrategyIsSharedSafelyAcrossThreads() throws Exception {
        CompiledStrategy s = StrategyCompiler.compile(DefaultStrategies.consumerDefault());
        List<StrategyFacts> cases = new ArrayList<>();
        for (int dpd = 0; dpd < 200; dpd++) {
            cases.add(aCase().dpd(dpd).on("2026-03-%02d".formatted(1 + dpd % 28)).strategyFacts());
        }
        List<Decision> expected = cases.stream().map(s::decide).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<List<Decision>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> cases.stream().map(s::decide).toList()));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void decisionsCarryTheArmWhenAssigned() {
        Decision d = strategy(rule("any", "true", CALL, null)).decide(aCase().strategyFacts()).withArm("challenger-a");
        assertThat(d.arm()).isEqualTo("challenger-a");
    }

    @Test
    void segmentTagsAreAListOfNames() {
        CompiledStrategy s = strategy(
                rule("deceased", "'DECEASED' in segment.tags && segment.tags.exists(t, t == 'COMPLAINT')", CALL, null));
        assertThat(s.decide(aCase().dpd(40).deceased().complaint().strategyFacts()).fired()).isTrue();
        assertThat(s.decide(aCase().dpd(40).deceased().strategyFacts()).fired()).isFalse();
    }

    @Test
    void moneyIsAvailableInMinorAndMajorUnits() {
        CompiledStrategy s = strategy(
                rule("big", "account.overdueMinor >= 120000 && account.overdueTotal >= 1200.0", CALL, null));
        assertThat(s.decide(aCase().dpd(5).overdueMinor(120_000).strategyFacts()).fired()).isTrue();
        assertThat(s.decide(aCase().dpd(5).overdueMinor(119_999).strategyFacts()).fired()).isFalse();
    }

    @Test
    void calendarFactsComeFromTheBusinessDate() {
        StrategyFacts f = aCase().dpd(3).on("2026-03-30").nextDue("2026-04-10").strategyFacts();
        assertThat(FactsView.value("calendar.dayOfMonth", f)).isEqualTo(30L);
        assertThat(FactsView.value("calendar.dayOfWeek", f)).isEqualTo(1L);
        assertThat(FactsView.value("calendar.daysToNextDue", f)).isEqualTo(11L);
        assertThat(FactsView.value("calendar.daysToMonthEnd", f)).isEqualTo(1L);
    }
}

package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.segmentation.CaseBuilder.aCase;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.recoup.engine.debt.Product;
import org.recoup.engine.segmentation.CaseBuilder;

/** Properties of every decision of the shipped strategy over arbitrary cases. */
class StrategyPropertiesTest {

    private static final StrategyDocument DOCUMENT = DefaultStrategies.consumerDefault();
    private static final CompiledStrategy STRATEGY = StrategyCompiler.compile(DOCUMENT);
    /** Each rule on its own, as the reference for "does this rule match these facts". */
    private static final List<CompiledStrategy> SINGLE_RULES = DOCUMENT.rules().stream()
            .map(r -> StrategyCompiler.compile(new StrategyDocument("single-" + r.id(), 1,
                    List.of(new Rule(r.id(), r.when(), r.then(), false, r.cites())))))
            .toList();

    /** Conditions that probe the edges of the native fast path: mixed numbers, absent facts, lists, big numbers. */
    private static final StrategyDocument PROBES = new StrategyDocument("probes", 1, java.util.stream.Stream.of(
                    "account.dpd > 30.5", "account.overdueTotal == 1200.0", "account.dpd <= 0.0", "ptp.daysToDue == 2",
                    "ptp.daysToDue == 2 || true", "ptp.daysToDue == 2 && false", "false && ptp.daysToDue == 2",
                    "!(ptp.daysToDue > 1)", "calendar.daysToNextDue in [1, 2.0, 30]", "'DECEASED' in segment.tags",
                    "party.age >= 18 ? account.dpd > 3 : false", "account.stage in ['EARLY', 'MID']",
                    "account.dpd != 5", "payments.lastPaymentDaysAgo <= 30 && account.dpd > 0",
                    "account.dpd + 1 > 2", "account.outstandingMinor >= 1000000.0",
                    "account.dpd < 9007199254740993", "account.dpd in [1, ptp.daysToDue]",
                    "segment.tags.exists(t, t == 'LOST_CONTACT')", "account.bucket < 'M3'")
            .map(w -> Rule.always("probe-" + w.hashCode(), w, Treatment.of(Action.NO_ACTION, 0), null))
            .distinct().toList());

    @Property(tries = 300)
    void theNativeFastPathDecidesExactlyAsCel(@ForAll("cases") StrategyFacts facts) {
        for (StrategyDocument document : List.of(DOCUMENT, PROBES)) {
            assertThat(StrategyCompiler.compile(document).decide(facts))
                    .isEqualTo(StrategyCompiler.compile(document, false).decide(facts));
        }
    }

    @Property(tries = 300)
    void decideIsDeterministic(@ForAll("cases") StrategyFacts facts) {
        assertThat(STRATEGY.decide(facts)).isEqualTo(STRATEGY.decide(facts));
    }

    @Property(tries = 300)
    void theFiredRuleIsTheFirstMatchingRuleInDocumentOrder(@ForAll("cases") StrategyFacts facts) {
        String expectedFired = null;
        List<Treatment> expectedAlways = new ArrayList<>();
        List<String> expectedTrace = new ArrayList<>();
        for (int i = 0; i < DOCUMENT.rules().size(); i++) {
            Rule rule = DOCUMENT.rules().get(i);
            boolean matches = SINGLE_RULES.get(i).decide(facts).fired();
            if (rule.always()) {
                expectedTrace.add(rule.id());
                if (matches) {
                    expectedAlways.add(rule.then());
                }
            } else if (expectedFired == null) {
                expectedTrace.add(rule.id());
                if (matches) {
                    expectedFired = rule.id();
                }
            }
        }
        Decision d = STRATEGY.decide(facts);
        assertThat(d.firedRuleId()).isEqualTo(expectedFired);
        assertThat(d.trace()).extracting(RuleOutcome::ruleId).containsExactlyElementsOf(expectedTrace);
        assertThat(d.treatments().subList(expectedFired == null ? 0 : 1, d.treatments().size()))
                .containsExactlyElementsOf(expectedAlways);
        assertThat(d.trace()).filteredOn(RuleOutcome::matched).filteredOn(o -> !o.always()).hasSizeLessThanOrEqualTo(1);
    }

    @Property(tries = 200)
    void everyDelinquentCaseGetsATreatmentAndNoRuleErrs(@ForAll("cases") StrategyFacts facts) {
        Decision d = STRATEGY.decide(facts);
        assertThat(d.trace()).allSatisfy(o -> assertThat(o.error()).isNull());
        if (facts.account().dpd() > 0) {
            assertThat(d.fired()).isTrue();
        }
    }

    @Provide
    Arbitrary<StrategyFacts> cases() {
        Arbitrary<CaseBuilder> base = Combinators.combine(
                Arbitraries.integers().between(0, 400),
                Arbitraries.of(Product.class),
                Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 3)
        ).as((dpd, product, day, promise, promiseDays, situation, payments) -> {
            CaseBuilder c = aCase().dpd(dpd).product(product).on("2026-03-%02d".formatted(day));
            switch (promise) {
                case 1 -> c.openPromise(promiseDays);
                case 2 -> c.keptPromise(promiseDays);
                case 3 -> c.brokenPromise(promiseDays);
                case 4 -> c.brokenPromises(1 + promiseDays);
                default -> { }
            }
            switch (situation) {
                case 1 -> c.deceased();
                case 2 -> c.disputed();
                case 3 -> c.noValidNumber();
                case 4 -> c.failedAttempts(promiseDays);
                case 5 -> c.refusedToPay();
                case 6 -> c.hardship();
                case 7 -> c.rightPartyContacts(1, 2, 3);
                default -> { }
            }
            switch (payments) {
                case 1 -> c.partialPayments(promiseDays);
                case 2 -> c.lastPaid(promiseDays * 10);
                case 3 -> c.regularPayer().knownIncome();
                default -> { }
            }
            if (dpd == 0 && promise == 0 && situation == 0) {
                c.preDue();
            }
            return c;
        });
        return base.map(CaseBuilder::strategyFacts);
    }
}

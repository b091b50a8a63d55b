package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.recoup.engine.strategy.Rule.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.recoup.engine.strategy.StrategyValidationException.Problem;

/** What {@link StrategyCompiler} refuses, and how it says so: every problem, with the rule id and position. */
class StrategyCompilerTest {

    private static final Treatment CALL = Treatment.of(Action.CALL, 50);

    private static List<Problem> problemsOf(Rule... rules) {
        StrategyValidationException e = catchThrowableOfType(StrategyValidationException.class,
                () -> StrategyCompiler.compile(new StrategyDocument("s", 1, Arrays.asList(rules))));
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.problems();
    }

    @Test
    void theShippedStrategyCompiles() {
        CompiledStrategy s = StrategyCompiler.compile(DefaultStrategies.consumerDefault());
        assertThat(s.id()).isEqualTo("consumer-default");
        assertThat(s.rules()).hasSize(DefaultStrategies.consumerDefault().rules().size());
    }

    @Test
    void aMisspeltFactFailsAtCompileTimeWithASuggestion() {
        List<Problem> problems = problemsOf(rule("typo", "account.dpdd > 30", CALL, null));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("typo");
            assertThat(p.code()).isEqualTo("UNKNOWN_FACT");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).contains("'account.dpdd'").contains("did you mean account.dpd?");
        });
    }

    @Test
    void anUnknownNamespaceListsTheKnownOnes() {
        assertThat(problemsOf(rule("ns", "acount.dpd > 30", CALL, null))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("known namespaces").contains("account"));
    }

    @Test
    void aSyntaxErrorReportsItsPosition() {
        assertThat(problemsOf(rule("broken", "account.dpd >", CALL, null))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("SYNTAX");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(14);
        });
    }

    @Test
    void aConditionMustBeBoolean() {
        assertThat(problemsOf(rule("sum", "account.dpd + 1", CALL, null))).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("NOT_BOOLEAN"));
    }

    @Test
    void comparingAStringWithANumberIsATypeError() {
        assertThat(problemsOf(rule("types", "account.stage > 5", CALL, null))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no matching overload"));
    }

    @Test
    void integersAndDoublesCompare() {
        StrategyCompiler.compile(new StrategyDocument("s", 1,
                List.of(rule("mixed", "account.dpd > 30.5 && account.overdueTotal >= 1000", CALL, null))));
    }

    @Test
    void everyProblemIsListedWithItsRuleId() {
        StrategyValidationException e = catchThrowableOfType(StrategyValidationException.class,
                () -> StrategyCompiler.compile(new StrategyDocument("s", 1, List.of(
                        rule("ok", "account.dpd > 0", CALL, null),
                        rule("typo", "segment.grde == 'A'", CALL, null),
                        rule("syntax", "account.dpd >> 2", CALL, null),
                        rule("ok", "true", CALL, null),
                        rule("no-then", "true", null, null),
                        rule("no-when", " ", CALL, null)))));
        assertThat(e.problems()).extracting(Problem::ruleId)
                .contains("typo", "syntax", "ok", "no-then", "no-when").doesNotHaveDuplicates();
        assertThat(e.problems()).filteredOn(p -> "ok".equals(p.ruleId())).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("duplicate rule id"));
        assertThat(e.getMessage()).contains("rule typo at 1:1: [UNKNOWN_FACT]");
    }

    @Test
    void aDocumentNeedsAnIdAVersionAndRules() {
        StrategyValidationException e = catchThrowableOfType(StrategyValidationException.class,
                () -> StrategyCompiler.compile(new StrategyDocument(" ", 0, List.of())));
        assertThat(e.problems()).extracting(Problem::code).containsOnly("DOCUMENT").hasSize(3);
    }

    @Test
    void aTooLongConditionIsRejected() {
        String when = "account.dpd > 0 || " + "true || ".repeat(200) + "false";
        assertThat(problemsOf(rule("long", when, CALL, null))).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("TOO_LONG"));
    }

    @Test
    void aTooComplexConditionIsRejected() {
        String when = IntStream.range(0, 45).mapToObj(i -> "account.dpd == " + i).collect(Collectors.joining(" || "));
        assertThat(problemsOf(rule("complex", when, CALL, null))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("TOO_COMPLEX");
            assertThat(p.message()).contains("limit is " + StrategyCompiler.MAX_AST_NODES);
        });
    }

    @Test
    void deeplyNestedParenthesesAreRejected() {
        String when = "(".repeat(60) + "true" + ")".repeat(60);
        assertThat(problemsOf(rule("deep", when, CALL, null))).isNotEmpty();
    }

    @Test
    void comprehensionsMayNotNest() {
        assertThat(problemsOf(rule("nested", "segment.tags.exists(t, segment.tags.all(u, u == t))", CALL, null)))
                .singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("NESTED_COMPREHENSION"));
    }

    @Test
    void onlyTheSmallSetOfMacrosIsAvailable() {
        assertThat(problemsOf(rule("map", "size(segment.tags.map(t, t)) > 0", CALL, null))).isNotEmpty();
        assertThat(problemsOf(rule("filter", "size(segment.tags.filter(t, t == 'X')) > 0", CALL, null))).isNotEmpty();
        StrategyCompiler.compile(new StrategyDocument("s", 1, List.of(
                rule("exists", "segment.tags.exists(t, t.startsWith('DEC'))", CALL, null),
                rule("all", "segment.tags.all(t, t != 'DECEASED')", CALL, null))));
    }

    @Test
    void tooManyRulesAreRejected() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i <= StrategyCompiler.MAX_RULES; i++) {
            rules.add(rule("r" + i, "true", CALL, null));
        }
        assertThatThrownBy(() -> StrategyCompiler.compile(new StrategyDocument("s", 1, rules)))
                .isInstanceOf(StrategyValidationException.class).hasMessageContaining("exceed the limit");
    }

    @Test
    void everyFactOfTheViewCanBeUsed() {
        List<Rule> rules = new ArrayList<>();
        for (FactsView.Variable v : FactsView.variables()) {
            String when = switch (v.type().name()) {
                case "bool" -> v.name();
                case "string" -> v.name() + " != ''";
                case "list" -> "size(" + v.name() + ") >= 0";
                default -> v.name() + " >= 0";
            };
            rules.add(rule(v.name(), when, CALL, null));
        }
        assertThat(StrategyCompiler.compile(new StrategyDocument("all-facts", 1, rules)).rules())
                .hasSize(FactsView.variables().size());
    }
}

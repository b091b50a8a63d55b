package org.recoup.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoup.engine.strategy.Action;
import org.recoup.engine.strategy.DefaultStrategies;

class StrategyYamlTest {

    static String shipped() {
        try (InputStream in = StrategyYamlTest.class.getResourceAsStream("/org/recoup/engine/strategy/consumer-default.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 1-based line of the first line containing {@code needle}. */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the text");
    }

    private static List<StrategyError> errorsOf(String yaml) {
        InvalidStrategyException e = catchThrowableOfType(InvalidStrategyException.class, () -> StrategyYaml.check(yaml, null));
        assertThat(e).as("the strategy is refused").isNotNull();
        return e.errors();
    }

    private static final String SMALL = """
            id: small
            version: 1
            rules:
              - id: early
                when: "account.stage == 'EARLY'"
                then: { action: SMS, priority: 40, template: early-reminder }
              - id: late
                when: "account.dpd >= 90"
                then: { action: LETTER, priority: 80, template: lawyer-letter }
            """;

    @Test
    void theShippedYamlReadsAsTheSameDocumentAsTheJavaDefault() {
        assertThat(StrategyYaml.check(shipped(), null).document()).isEqualTo(DefaultStrategies.consumerDefault());
    }

    @Test
    void aDocumentWrittenAsYamlReadsBackAsTheSameDocument() {
        assertThat(StrategyYaml.check(StrategyYaml.write(DefaultStrategies.consumerDefault()), null).document())
                .isEqualTo(DefaultStrategies.consumerDefault());

        var odd = new org.recoup.engine.strategy.StrategyDocument("odd: \"one\"", 3, List.of(
                org.recoup.engine.strategy.Rule.always("yes", "account.dpd > 0 &&\n  party.type == \"PERSON\"",
                        new org.recoup.engine.strategy.Treatment(Action.CALL, 0, "a, b: c", "true", "法务 \\ tier"),
                        "PRACTICE §4 \"quoted\"\ttab")));
        assertThat(StrategyYaml.check(StrategyYaml.write(odd), null).document()).isEqualTo(odd);
    }

    @Test
    void aMisspeltFactIsRefusedNamingTheRuleAndTheLineOfItsCondition() {
        String yaml = shipped().replace("ptp.lastStatus == 'BROKEN'", "ptp.lastStatuz == 'BROKEN'");

        List<StrategyError> errors = errorsOf(yaml);

        assertThat(errors).hasSize(1);
        StrategyError error = errors.getFirst();
        assertThat(error.rule()).isEqualTo("broken-promise");
        assertThat(error.line()).isEqualTo(lineOf(yaml, "ptp.lastStatuz"));
        assertThat(error.code()).isEqualTo("UNKNOWN_FACT");
        assertThat(error.describe()).isEqualTo("rule 'broken-promise' (line " + error.line()
                + "): unknown fact 'ptp.lastStatuz'; did you mean ptp.lastStatus?");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndTheRuleAroundIt() {
        String yaml = SMALL.replace("then: { action: LETTER, priority: 80, template: lawyer-letter }",
                "then: { action: LETTER, priority: 80, template: lawyer-letter");

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.code()).isEqualTo("YAML");
        assertThat(error.rule()).isEqualTo("late");
        assertThat(error.line()).isGreaterThanOrEqualTo(lineOf(yaml, "action: LETTER"));
        assertThat(error.message()).startsWith("YAML syntax");
    }

    @Test
    void anUnknownActionIsRefusedWithTheKnownOnes() {
        String yaml = SMALL.replace("action: LETTER", "action: LETTRE");

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error).extracting(StrategyError::rule, StrategyError::line, StrategyError::code)
                .containsExactly("late", lineOf(yaml, "LETTRE"), "BAD_VALUE");
        assertThat(error.message()).contains("unknown action 'LETTRE'", Action.LEGAL_REVIEW.name());
    }

    @Test
    void anUnknownKeyInARuleIsRefused() {
        String yaml = SMALL.replace("    when: \"account.dpd >= 90\"", "    whenn: \"account.dpd >= 90\"");

        List<StrategyError> errors = errorsOf(yaml);

        assertThat(errors).extracting(StrategyError::rule, StrategyError::line, StrategyError::code)
                .contains(org.assertj.core.groups.Tuple.tuple("late", lineOf(yaml, "whenn"), "UNKNOWN_KEY"));
    }

    @Test
    void aPriorityOutsideZeroToHundredIsRefused() {
        String yaml = SMALL.replace("priority: 80", "priority: 180");

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.rule()).isEqualTo("late");
        assertThat(error.message()).contains("0..100");
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        String yaml = SMALL.replace("account.stage == 'EARLY'", "account.stage = 'EARLY'")
                .replace("account.dpd >= 90", "account.dpdd >= 90");

        List<StrategyError> errors = errorsOf(yaml);

        assertThat(errors).extracting(StrategyError::rule).containsSubsequence("early", "late").doesNotContainNull();
        assertThat(errors.getFirst()).extracting(StrategyError::code, StrategyError::line).containsExactly("SYNTAX", 5);
        assertThat(errors.getLast()).extracting(StrategyError::code, StrategyError::line).containsExactly("UNKNOWN_FACT", 8);
    }

    @Test
    void aConditionInALiteralBlockIsPlacedOnItsOwnLine() {
        String yaml = """
                id: block
                rules:
                  - id: multi
                    when: |
                      account.dpd > 0 &&
                      party.agee > 60
                    then: { action: CALL, priority: 50 }
                """;

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.rule()).isEqualTo("multi");
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.code()).isEqualTo("UNKNOWN_FACT");
    }

    @Test
    void aDuplicateRuleIdIsRefusedAtTheSecondRule() {
        String yaml = SMALL.replace("- id: late", "- id: early");

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.line()).isEqualTo(lineOf(yaml, "account.dpd >= 90") - 1);
        assertThat(error.message()).contains("duplicate rule id 'early'", "line 4");
    }

    @Test
    void deeplyNestedConditionsAreRefusedAtSave() {
        String deep = "(".repeat(60) + "account.dpd > 0" + ")".repeat(60);
        String yaml = SMALL.replace("account.dpd >= 90", deep);

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.rule()).isEqualTo("late");
        assertThat(error.line()).isEqualTo(8);
    }

    @Test
    void aGiantConditionIsRefusedAsTooComplex() {
        StringBuilder huge = new StringBuilder("account.dpd > 0");
        for (int i = 0; i < 80; i++) {
            huge.append(" && account.dpd != ").append(i + 1000);
        }
        String yaml = SMALL.replace("account.dpd >= 90", huge.toString());

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.rule()).isEqualTo("late");
        assertThat(error.code()).isIn("TOO_COMPLEX", "TOO_LONG");
    }

    @Test
    void nestedComprehensionsAreRefused() {
        String yaml = SMALL.replace("account.dpd >= 90",
                "segment.tags.all(a, segment.tags.exists(b, segment.tags.exists(c, a + b + c == '')))");

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.rule()).isEqualTo("late");
        assertThat(error.code()).isEqualTo("NESTED_COMPREHENSION");
    }

    @Test
    void yamlTagsAreRefusedRatherThanConstructed() {
        String yaml = SMALL.replace("template: lawyer-letter", "template: !!java.io.File /etc/passwd");

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error.rule()).isEqualTo("late");
        assertThat(error.message()).containsIgnoringCase("tag");
    }

    @Test
    void localYamlTagsAreRefusedToo() {
        String yaml = SMALL.replace("template: lawyer-letter", "template: !letter lawyer-letter");

        StrategyError error = errorsOf(yaml).getFirst();

        assertThat(error).extracting(StrategyError::rule, StrategyError::code).containsExactly("late", "BAD_VALUE");
        assertThat(error.message()).contains("tags");
    }

    @Test
    void anEmptyTextIsRefused() {
        assertThat(errorsOf("  \n").getFirst().message()).isEqualTo("the strategy is empty");
    }

    @Test
    void theAssignedVersionReplacesTheOneInTheText() {
        String renumbered = StrategyYaml.withVersion(SMALL, 7);

        assertThat(renumbered).contains("version: 7\n").doesNotContain("version: 1");
        assertThat(StrategyYaml.check(renumbered, null).document().version()).isEqualTo(7);
        assertThat(renumbered.replace("version: 7", "version: 1")).isEqualTo(SMALL);
    }

    @Test
    void aVersionIsAddedBelowTheIdWhenTheTextHasNone() {
        String renumbered = StrategyYaml.withVersion(SMALL.replace("version: 1\n", ""), 3);

        assertThat(renumbered).startsWith("id: small\nversion: 3\nrules:");
    }

    @Test
    void windowsLineBreaksAreNormalized() {
        assertThat(StrategyYaml.check(SMALL.replace("\n", "\r\n"), null).document().rules()).hasSize(2);
    }
}

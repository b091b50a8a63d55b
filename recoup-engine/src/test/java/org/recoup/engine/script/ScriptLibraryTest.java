package org.recoup.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContentLint;
import org.recoup.engine.compliance.PartyRole;
import org.recoup.engine.promise.PromiseStatus;
import org.recoup.engine.strategy.DefaultStrategies;
import org.recoup.engine.strategy.Rule;

class ScriptLibraryTest {

    private final ScriptLibrary library = ScriptLibrary.defaults();

    private static final ScriptFacts FACTS = new ScriptFacts("Li Lei", "CNY 1,060.00", "CNY 9,000.00", 17,
            LocalDate.parse("2026-11-07"), LocalDate.parse("2026-12-07"), "Example Bank",
            List.of("WeChat Pay", "Bank transfer"), "Agent Wang",
            List.of(new ScriptFacts.PromiseLine(LocalDate.parse("2026-10-10"), "CNY 500.00", "CNY 0.00", PromiseStatus.BROKEN),
                    new ScriptFacts.PromiseLine(LocalDate.parse("2026-11-20"), "CNY 300.00", "CNY 300.00", PromiseStatus.KEPT)));

    @Test
    void everyScriptTheShippedStrategyNamesIsInTheLibrary() {
        Set<String> named = new TreeSet<>();
        for (Rule rule : DefaultStrategies.consumerDefault().rules()) {
            if (rule.then().script() != null) {
                named.add(rule.then().script());
            }
        }
        assertThat(named).isNotEmpty().contains("confront-promise-history", "early-reminder");
        assertThat(named).allSatisfy(id -> assertThat(library.contains(id)).as("script " + id).isTrue());
    }

    @Test
    void theFirstCallFollowsTheFiveStepsOfTheFirstCallFlow() {
        Script firstCall = library.script("first-call", "en").orElseThrow();
        assertThat(firstCall.kind()).isEqualTo(ScriptKind.FLOW);
        assertThat(firstCall.steps()).extracting(Script.Step::id)
                .containsExactly("opening", "situation", "willingness", "agreement", "confirm");
    }

    @Test
    void thereIsAResponseForEverySituationTypeAndAPromptForEveryTechnique() {
        assertThat(library.ids(ScriptKind.SITUATION)).hasSize(10);
        assertThat(library.ids(ScriptKind.TECHNIQUE)).contains("confront-promise-history", "technique-empathy",
                "technique-one-of-us", "technique-reciprocity", "technique-praise", "technique-high-low",
                "technique-framing", "technique-peeling", "technique-handover", "technique-sandwich");
    }

    @Test
    void everyTextPassesTheContentLintUnfilledAndFilledInBothLanguages() {
        ContentLint lint = ContentLint.defaults();
        List<String> failures = new ArrayList<>();
        for (String language : ScriptLibrary.LANGUAGES) {
            for (String id : library.ids()) {
                Script raw = library.script(id, language).orElseThrow();
                for (Script script : List.of(raw, library.fill(raw, FACTS))) {
                    List<String> texts = new ArrayList<>(List.of(script.title()));
                    script.steps().forEach(s -> {
                        texts.add(s.title());
                        texts.add(s.text());
                    });
                    for (String text : texts) {
                        lint.lint(text, Channel.CALL, PartyRole.BORROWER).forEach(f ->
                                failures.add(language + " " + id + ": " + f.code() + " " + f.message()));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void fillingReplacesEveryPlaceholderWithTheCasesData() {
        for (String language : ScriptLibrary.LANGUAGES) {
            for (String id : library.ids()) {
                Script filled = library.fill(library.script(id, language).orElseThrow(), FACTS);
                filled.steps().forEach(s -> assertThat(s.text()).as(language + " " + id).doesNotContain("{").doesNotContain("}"));
            }
        }
        Script reminder = library.fill(library.script("early-reminder", "en").orElseThrow(), FACTS);
        assertThat(reminder.steps().getFirst().text()).contains("Li Lei", "CNY 1,060.00", "2026-11-07", "Example Bank",
                "WeChat Pay, Bank transfer", "Agent Wang");
        Script zh = library.fill(library.script("early-reminder", "zh-CN").orElseThrow(), FACTS);
        assertThat(zh.steps().getFirst().text()).contains("Li Lei", "WeChat Pay、Bank transfer");
    }

    @Test
    void theConfrontationPromptListsTheRealPromisesWithDatesAmountsAndOutcome() {
        Script en = library.fill(library.script("confront-promise-history", "en").orElseThrow(), FACTS);
        assertThat(en.steps().getFirst().text()).isEqualTo("""
                2026-10-10: promised CNY 500.00, paid CNY 0.00 \u2014 broken
                2026-11-20: promised CNY 300.00, paid CNY 300.00 \u2014 kept""");
        Script zh = library.fill(library.script("confront-promise-history", "zh-CN").orElseThrow(), FACTS);
        assertThat(zh.steps().getFirst().text()).contains("2026-10-10", "CNY 500.00", "未履约", "已履约");
    }

    @Test
    void withoutPromisesTheConfrontationPromptSaysSo() {
        ScriptFacts none = new ScriptFacts("Li Lei", null, null, 0, null, null, null, List.of(), null, List.of());
        Script en = library.fill(library.script("confront-promise-history", "en").orElseThrow(), none);
        assertThat(en.steps().getFirst().text()).isEqualTo("No promises recorded on this case yet.");
    }

    @Test
    void bothLanguagesHaveTheSameScriptsAndSteps() {
        for (String id : library.ids()) {
            Script zh = library.script(id, "zh-CN").orElseThrow();
            Script en = library.script(id, "en").orElseThrow();
            assertThat(zh.steps()).extracting(Script.Step::id).isEqualTo(en.steps().stream().map(Script.Step::id).toList());
            assertThat(zh.title()).isNotEqualTo(en.title());
        }
    }

    @Test
    void aLibraryWithAMissingTextOrAnUnknownPlaceholderIsRefused() {
        String structure = "scripts=a\na.kind=TREATMENT\n";
        String base = "none=-\nseparator=,\npromise.line={dueDate}\nstatus.PENDING=p\nstatus.KEPT=k\n"
                + "status.PARTIALLY_KEPT=pk\nstatus.BROKEN=b\nstatus.CANCELLED=c\n";
        String good = base + "a.title=A\na.text=Hi {name}\n";
        assertThat(ScriptLibrary.parse(structure, Map.of("zh-CN", good, "en", good)).ids()).containsExactly("a");
        assertThatThrownBy(() -> ScriptLibrary.parse(structure, Map.of("zh-CN", good, "en", base + "a.text=x\n")))
                .hasMessageContaining("a.title").hasMessageContaining("en");
        String unknown = base + "a.title=A\na.text=Hi {debtor}\n";
        assertThatThrownBy(() -> ScriptLibrary.parse(structure, Map.of("zh-CN", good, "en", unknown)))
                .hasMessageContaining("{debtor}");
    }

    @Test
    void unknownScriptIsEmpty() {
        assertThat(library.script("no-such-script", "en")).isEmpty();
        assertThat(Objects.requireNonNull(ScriptLibrary.language(java.util.Locale.SIMPLIFIED_CHINESE))).isEqualTo("zh-CN");
        assertThat(ScriptLibrary.language(java.util.Locale.ENGLISH)).isEqualTo("en");
    }
}

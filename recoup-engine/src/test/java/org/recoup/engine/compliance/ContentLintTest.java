package org.recoup.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recoup.engine.compliance.ContentLint.Finding;

/**
 * The content lint against the seed SMS templates (PRACTICE.md §6: the "三步走" pressure lines must be caught, neutral
 * reminders must pass) and against the compliant template library shipped in the engine's resources.
 */
class ContentLintTest {

    private final ContentLint lint = ContentLint.defaults();

    static Stream<Arguments> seedCorpus() throws IOException {
        try (InputStream in = ContentLintTest.class.getResourceAsStream("seed-templates.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 2))
                    .map(parts -> Arguments.of(parts[0], parts[1])).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("seedCorpus")
    void seedTemplatesAreCaughtAndNeutralRemindersPass(String expected, String text) {
        List<Finding> findings = lint.lint(text, Channel.SMS, PartyRole.BORROWER);
        Set<ReasonCode> codes = findings.stream().map(Finding::code).collect(Collectors.toSet());

        if (expected.equals("PASS")) {
            assertThat(findings).as("a neutral text must pass").isEmpty();
        } else {
            assertThat(codes).containsAll(Arrays.stream(expected.split(",")).map(ReasonCode::valueOf).toList());
        }
    }

    @Test
    void spansAreCharacterOffsetsIntoTheOriginalText() {
        String text = "张三,相关文书将发往村委会,请注意查收。";

        List<Finding> findings = lint.lint(text, Channel.SMS, PartyRole.BORROWER);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ReasonCode.CONTENT_SHAMING);
            assertThat(text.substring(f.start(), f.end())).isEqualTo("村委会");
            assertThat(f.start()).isEqualTo(10);
        });
    }

    @Test
    void debtWordingIsOnlyAFindingWhenTheRecipientIsAThirdParty() {
        String text = "Please remind John that his loan balance of $500 is overdue.";

        assertThat(lint.lint(text, Channel.SMS, PartyRole.BORROWER)).isEmpty();
        assertThat(lint.lint(text, Channel.SMS, PartyRole.GUARANTOR)).isEmpty();
        assertThat(lint.lint(text, Channel.SMS, PartyRole.EMERGENCY_CONTACT))
                .extracting(Finding::code).containsOnly(ReasonCode.CONTENT_DEBT_TO_THIRD_PARTY);
        assertThat(lint.lint("请转告李四,他的贷款已逾期,欠款 500 元。", Channel.SMS, PartyRole.EMPLOYER))
                .extracting(Finding::code).containsOnly(ReasonCode.CONTENT_DEBT_TO_THIRD_PARTY);
        assertThat(lint.lint("Please ask John to call us back on 0800 000 000.", Channel.CALL, PartyRole.EMPLOYER)).isEmpty();
    }

    @Test
    void findingsAreOrderedByPositionAndCiteTheirRule() {
        List<Finding> findings = lint.lint("老赖,已起诉,我们会通知你的单位。", Channel.SMS, null);

        assertThat(findings).extracting(Finding::code).containsExactly(ReasonCode.CONTENT_ABUSIVE,
                ReasonCode.CONTENT_FALSE_LEGAL, ReasonCode.CONTENT_SHAMING);
        assertThat(findings).extracting(Finding::rule).containsExactly("abusive.zh.insult", "legal.zh.false-proceedings",
                "shaming.zh.disclosure");
    }

    @Test
    void aRuleCanBeRestrictedToSomeChannels() {
        ContentLint custom = new ContentLint(List.of(
                LintRule.of("letter.no-urgent", ReasonCode.CONTENT_THREAT, "final demand", "letters only").onlyOn(Channel.LETTER)));

        assertThat(custom.lint("FINAL DEMAND", Channel.LETTER, null)).hasSize(1);
        assertThat(custom.lint("FINAL DEMAND", Channel.SMS, null)).isEmpty();
    }

    @Test
    void rulesAreDataACustomListReplacesTheDefaults() {
        ContentLint custom = new ContentLint(List.of(LintRule.of("house.no-emoji", ReasonCode.CONTENT_ABUSIVE, "😡", "angry emoji")));

        assertThat(custom.lint("Pay now 😡", Channel.SMS, null)).extracting(Finding::start).containsExactly(8);
        assertThat(custom.lint("老赖", Channel.SMS, null)).isEmpty();
    }

    @Test
    void everyDefaultRuleIsPrefilteredByTheCharactersItsMatchesStartWith() {
        for (LintRule rule : ContentLint.defaultRules()) {
            assertThat(FirstChars.of(rule.pattern().pattern(), true)).as(rule.id()).isNotNull();
        }
        assertThat(FirstChars.of("(外访)?取证", false)).satisfies(set -> {
            assertThat(set.get('外')).isTrue();
            assertThat(set.get('取')).isTrue();
            assertThat(set.cardinality()).isEqualTo(2);
        });
        assertThat(FirstChars.of("(?<!\\bno\\s)\\bcase", true).get('C')).isTrue();
        assertThat(FirstChars.of(".*x", false)).isNull();
        assertThat(FirstChars.of("a?", false)).as("may match empty").isNull();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("seedCorpus")
    void thePrefilteredScanFindsExactlyWhatAPlainScanFinds(String expected, String text) {
        for (PartyRole role : new PartyRole[] {PartyRole.BORROWER, PartyRole.EMPLOYER}) {
            List<Finding> plain = new java.util.ArrayList<>();
            for (LintRule rule : ContentLint.defaultRules()) {
                if (rule.thirdPartyRecipientOnly() && role.isLiable()) {
                    continue;
                }
                java.util.regex.Matcher m = rule.pattern().matcher(text);
                while (m.find()) {
                    plain.add(new Finding(rule.code(), m.start(), m.end(), rule.message() + ": «" + m.group() + "»", rule.id()));
                }
            }
            assertThat(lint.lint(text, Channel.SMS, role)).containsExactlyInAnyOrderElementsOf(plain);
        }
    }

    @Test
    void aNegatedStatementOfProceedingsIsNotAFalseLegalClaim() {
        assertThat(lint.lint("No proceedings have been started.", Channel.LETTER, null)).isEmpty();
        assertThat(lint.lint("Proceedings have been started against you.", Channel.LETTER, null))
                .extracting(Finding::code).containsExactly(ReasonCode.CONTENT_FALSE_LEGAL);
    }

    // ---- the shipped template library --------------------------------------------------------------------------

    static Stream<Path> shippedTemplates() throws IOException, URISyntaxException {
        Path dir = Path.of(ContentLint.class.getResource("templates").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    @Test
    void theLibraryShipsReminderPreLegalNoticeAndVisitNoticeInChineseAndEnglish() throws Exception {
        assertThat(shippedTemplates().map(p -> p.getFileName().toString())).contains(
                "reminder.zh-CN.txt", "reminder.en.txt", "pre-legal-notice.zh-CN.txt", "pre-legal-notice.en.txt",
                "visit-notice.zh-CN.txt", "visit-notice.en.txt", "locate.zh-CN.txt", "locate.en.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedTemplates")
    void everyShippedTemplatePassesTheLint(Path template) throws IOException {
        String text = Files.readString(template, StandardCharsets.UTF_8);
        boolean forThirdParties = template.getFileName().toString().startsWith("locate.");

        assertThat(text).contains("{name}");
        for (Channel channel : Channel.values()) {
            assertThat(lint.lint(text, channel, forThirdParties ? PartyRole.EMERGENCY_CONTACT : PartyRole.BORROWER))
                    .as(template.getFileName() + " by " + channel).isEmpty();
        }
    }
}

package org.recoup.engine.compliance;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One content rule: every match of {@code pattern} is a finding with {@code code}. A rule with
 * {@code thirdPartyRecipientOnly} fires only when the text goes to someone who is not liable for the debt.
 */
public record LintRule(String id, ReasonCode code, Pattern pattern, String message, boolean thirdPartyRecipientOnly) {

    public LintRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** A rule for every recipient; the regex is compiled ASCII-case-insensitively. */
    public static LintRule of(String id, ReasonCode code, String regex, String message) {
        return new LintRule(id, code, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), message, false);
    }

    /** A rule only for texts to third parties. */
    public static LintRule toThirdParty(String id, ReasonCode code, String regex, String message) {
        return new LintRule(id, code, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), message, true);
    }
}

package org.recoup.engine.compliance;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One content rule: every match of {@code pattern} is a finding with {@code code}. A rule with
 * {@code thirdPartyRecipientOnly} fires only when the text goes to someone who is not liable for the debt; a rule
 * with {@code channels} only for those channels (empty = every channel).
 */
public record LintRule(String id, ReasonCode code, Pattern pattern, String message, boolean thirdPartyRecipientOnly,
                       Set<Channel> channels) {

    public LintRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pattern, "pattern");
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }

    /** A rule for every recipient and channel; the regex is compiled ASCII-case-insensitively. */
    public static LintRule of(String id, ReasonCode code, String regex, String message) {
        return new LintRule(id, code, compile(regex), message, false, Set.of());
    }

    /** A rule only for texts to third parties. */
    public static LintRule toThirdParty(String id, ReasonCode code, String regex, String message) {
        return new LintRule(id, code, compile(regex), message, true, Set.of());
    }

    /** The same rule restricted to some channels. */
    public LintRule onlyOn(Channel... onChannels) {
        return new LintRule(id, code, pattern, message, thirdPartyRecipientOnly, Set.of(onChannels));
    }

    public boolean appliesTo(Channel channel, boolean toThirdParty) {
        return (!thirdPartyRecipientOnly || toThirdParty) && (channels.isEmpty() || channel == null || channels.contains(channel));
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}

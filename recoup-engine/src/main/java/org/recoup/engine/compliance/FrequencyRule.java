package org.recoup.engine.compliance;

import java.util.Objects;
import java.util.Set;

/**
 * A frequency cap as data: at most {@code max} counted attempts within {@code days} local calendar days (today and
 * the {@code days − 1} before it, in the contacted party's calendar). A daily cap is {@code days = 1}; Regulation F's
 * "none within 7 days after a conversation" is {@code max = 1} counting conversations over 7 days.
 *
 * @param appliesTo       channels of the request this rule checks
 * @param counted         channels of past attempts that count
 * @param countedOutcomes outcomes of past attempts that count
 */
public record FrequencyRule(String id, ReasonCode code, Scope scope, Audience audience, Set<Channel> appliesTo,
                            Set<Channel> counted, Set<Outcome> countedOutcomes, int days, int max, String what) {

    /** Whose attempts are counted together. */
    public enum Scope { ACCOUNT, PARTY, CONTACT_POINT }

    /** Which contacted parties the rule applies to. */
    public enum Audience { ANY, LIABLE, THIRD_PARTY }

    public FrequencyRule {
        Objects.requireNonNull(id, "id");
        appliesTo = Set.copyOf(appliesTo);
        counted = Set.copyOf(counted);
        countedOutcomes = Set.copyOf(countedOutcomes);
        if (days < 1 || max < 1) {
            throw new IllegalArgumentException(id + ": days and max must be at least 1");
        }
    }
}

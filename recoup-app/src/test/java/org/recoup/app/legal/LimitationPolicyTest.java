package org.recoup.app.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LimitationPolicyTest {

    private static final LimitationPolicy POLICY = new LimitationPolicy(1, 3, 90, null, List.of(
            new LimitationPolicy.Rule("CN", null, 3),
            new LimitationPolicy.Rule(null, "B2B_RECEIVABLE", 2),
            new LimitationPolicy.Rule("UK", "CONSUMER_LOAN", 6),
            new LimitationPolicy.Rule("UK", null, 5)));

    @Test
    void theMostSpecificRuleWins() {
        assertThat(POLICY.years("UK", "CONSUMER_LOAN")).isEqualTo(6);
        assertThat(POLICY.years("UK", "CREDIT_CARD")).isEqualTo(5);
        assertThat(POLICY.years("CN", "B2B_RECEIVABLE")).as("jurisdiction before product").isEqualTo(3);
        assertThat(POLICY.years("US", "B2B_RECEIVABLE")).isEqualTo(2);
        assertThat(POLICY.years("US", "CONSUMER_LOAN")).as("the default").isEqualTo(3);
    }

    @Test
    void aPolicyWithAnImpossiblePeriodOrARepeatedRuleIsRefused() {
        assertThatThrownBy(() -> new LimitationPolicy(null, 0, 90, null, List.of()))
                .hasMessageContaining("1–30 years");
        assertThatThrownBy(() -> new LimitationPolicy(null, 3, 90, null, List.of(new LimitationPolicy.Rule("CN", null, 3),
                new LimitationPolicy.Rule("CN", null, 4)))).hasMessageContaining("rules[1] repeats rules[0]");
        assertThatThrownBy(() -> new LimitationPolicy(null, 3, 90, null, List.of(new LimitationPolicy.Rule(null, null, 3))))
                .hasMessageContaining("rules[0] must name");
    }
}

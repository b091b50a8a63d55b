package org.recoup.app.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementRuleMatchTest {

    private static final PlacementRules.Rule MID = new PlacementRules.Rule("mid", "AG-1", List.of("M3", "M4"), 61, 120,
            List.of("B", "C"), List.of("CONSUMER_LOAN"), 100_00L, 50_000_00L, 10, 90, true);

    @Test
    void anAccountMatchesWhenEveryGivenConditionHolds() {
        assertThat(Placements.matchesAccount(MID, "M3", 75, "CONSUMER_LOAN", "B", 5_000_00)).isTrue();
    }

    @Test
    void eachConditionCanExcludeAnAccount() {
        assertThat(Placements.matchesAccount(MID, "M2", 75, "CONSUMER_LOAN", "B", 5_000_00)).as("bucket").isFalse();
        assertThat(Placements.matchesAccount(MID, "M3", 60, "CONSUMER_LOAN", "B", 5_000_00)).as("minDpd").isFalse();
        assertThat(Placements.matchesAccount(MID, "M4", 121, "CONSUMER_LOAN", "B", 5_000_00)).as("maxDpd").isFalse();
        assertThat(Placements.matchesAccount(MID, "M3", 75, "CREDIT_CARD", "B", 5_000_00)).as("product").isFalse();
        assertThat(Placements.matchesAccount(MID, "M3", 75, "CONSUMER_LOAN", "A", 5_000_00)).as("grade").isFalse();
        assertThat(Placements.matchesAccount(MID, "M3", 75, "CONSUMER_LOAN", null, 5_000_00)).as("no grade").isFalse();
        assertThat(Placements.matchesAccount(MID, "M3", 75, "CONSUMER_LOAN", "B", 99_99)).as("minBalance").isFalse();
        assertThat(Placements.matchesAccount(MID, "M3", 75, "CONSUMER_LOAN", "B", 50_000_01)).as("maxBalance").isFalse();
    }

    @Test
    void aRuleWithoutConditionsMatchesEveryAccount() {
        PlacementRules.Rule any = new PlacementRules.Rule("any", "AG-1", null, null, null, null, null, null, null, 1, 30,
                null);
        assertThat(Placements.matchesAccount(any, "M0", 0, "PROPERTY_FEE", null, 0)).isTrue();
    }
}

package org.recoup.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoup.engine.segmentation.Grade;
import org.recoup.engine.segmentation.Level;
import org.recoup.engine.segmentation.Quadrant;
import org.recoup.engine.segmentation.Segment;

class StrategiesWithoutDatabaseTest {

    private final Strategies strategies = new Strategies();

    @Test
    void theShippedStrategyAndPolicyDecideWithoutExperiments() {
        StrategySet set = strategies.current();
        Segment segment = set.segment(TestCases.overdue(3));

        StrategySet.CaseDecision decision = set.decideCase("CASE-1", TestCases.facts(TestCases.overdue(3), segment));

        assertThat(set.versions()).containsExactly("consumer-default v1");
        assertThat(segment.policyVersion()).isEqualTo(1);
        assertThat(decision.experimentId()).isNull();
        assertThat(decision.decision().firedRuleId()).isEqualTo("first-week-daily-call");
        assertThat(strategies.current()).isSameAs(set);
    }

    @Test
    void onlyTheShippedVersionCanBeSimulated() {
        assertThat(strategies.simulating("consumer-default", 1).championVersion()).isEqualTo(1);
        assertThatThrownBy(() -> strategies.simulating("consumer-default", 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCaseOutsideEveryExperimentHasNoArm() {
        Segment segment = new Segment(Level.HIGH, Level.HIGH, Grade.A, Quadrant.WILLING_ABLE, Set.of(), List.of(), 1);

        assertThat(strategies.current().decide("CASE-2", TestCases.facts(TestCases.overdue(3), segment)).arm()).isNull();
    }
}

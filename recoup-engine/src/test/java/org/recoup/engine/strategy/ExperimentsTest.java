package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.recoup.engine.segmentation.CaseBuilder.aCase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import org.junit.jupiter.api.Test;
import org.recoup.engine.segmentation.Grade;

/** Champion/challenger assignment: stable, in proportion, independent across experiments. */
class ExperimentsTest {

    private static final Experiment THIRDS = Experiment.of("exp-early-sms", 0.5,
            new Arm("sms-first", "consumer-sms-first", 2, 0.25),
            new Arm("call-first", "consumer-call-first", 1, 0.25));

    @Property(tries = 200)
    void aCaseAlwaysLandsInTheSameArm(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String caseId) {
        assertThat(Experiments.armFor(caseId, THIRDS)).isEqualTo(Experiments.armFor(caseId, THIRDS));
        assertThat(Experiments.position(caseId, THIRDS.id())).isBetween(0.0, 1.0).isLessThan(1.0);
    }

    @Test
    void theAssignmentIsPinnedAcrossReleases() {
        // SHA-256("exp-early-sms" 0x00 "A-1") starts 50c059937670b816 (checked with sha256sum): 0x50c0… / 2^64.
        // Changing the hash would silently move live cases between arms.
        assertThat(Experiments.position("A-1", "exp-early-sms")).isEqualTo(0.31543502664721046);
        assertThat(Experiments.armFor("A-1", THIRDS).name()).isEqualTo("call-first");
        assertThat(Experiments.armFor("A-2", THIRDS).name()).isEqualTo(Arm.CONTROL);
        assertThat(Experiments.armFor("A-4", THIRDS).name()).isEqualTo("sms-first");
    }

    @Property(tries = 5)
    void sharesAreHonouredWithin1PercentOver100kCases(@ForAll @DoubleRange(min = 0.05, max = 0.6) double challengerShare) {
        Experiment e = Experiment.of("exp-" + challengerShare, 1 - challengerShare,
                new Arm("challenger", "c", 1, challengerShare));
        int challenger = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            if (!Experiments.armFor("CASE-" + i, e).isControl()) {
                challenger++;
            }
        }
        assertThat(challenger / (double) n).isCloseTo(challengerShare, within(0.01));
    }

    @Test
    void threeArmsSplit25_25_50() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            counts.merge(Experiments.armFor("ACC" + i, THIRDS).name(), 1, Integer::sum);
        }
        assertThat(counts.get("sms-first") / 100_000.0).isCloseTo(0.25, within(0.01));
        assertThat(counts.get("call-first") / 100_000.0).isCloseTo(0.25, within(0.01));
        assertThat(counts.get(Arm.CONTROL) / 100_000.0).isCloseTo(0.50, within(0.01));
    }

    @Test
    void armsOfDifferentExperimentsAreIndependent() {
        Experiment a = Experiment.of("exp-a", 0.5, new Arm("challenger", "c", 1, 0.5));
        Experiment b = Experiment.of("exp-b", 0.5, new Arm("challenger", "c", 1, 0.5));
        int[][] table = new int[2][2];
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            table[Experiments.armFor("C" + i, a).isControl() ? 0 : 1][Experiments.armFor("C" + i, b).isControl() ? 0 : 1]++;
        }
        for (int[] row : table) {
            for (int cell : row) {
                assertThat(cell / (double) n).isCloseTo(0.25, within(0.01));
            }
        }
    }

    @Test
    void onlyCoveredSegmentsTakePart() {
        Experiment gradeC = new Experiment("exp-c", Set.of(Grade.C), Set.of(), List.of(new Arm("x", "s", 1, 1.0)), 0);
        assertThat(Experiments.armFor("A-1", aCase().dpd(100).segment(), gradeC)).map(Arm::name).contains("x");
        assertThat(Experiments.armFor("A-1", aCase().dpd(3).segment(), gradeC)).isEmpty();
    }

    @Test
    void sharesMustAddUpToOne() {
        assertThatThrownBy(() -> Experiment.of("bad", 0.5, new Arm("x", "s", 1, 0.6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to");
        assertThatThrownBy(() -> Experiment.of("bad", 0.5, new Arm(Arm.CONTROL, "s", 1, 0.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

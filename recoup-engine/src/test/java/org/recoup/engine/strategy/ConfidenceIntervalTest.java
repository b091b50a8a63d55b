package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;

/** Wilson score intervals for per-arm rates. */
class ConfidenceIntervalTest {

    @Test
    void matchesTheTextbookValue() {
        // 81 successes of 263 trials (Wilson 1927 / Newcombe 1998 example): 0.2553 .. 0.3662
        ConfidenceInterval ci = ConfidenceInterval.wilson95(81, 263);
        assertThat(ci.estimate()).isCloseTo(0.3080, within(1e-4));
        assertThat(ci.lower()).isCloseTo(0.2553, within(1e-4));
        assertThat(ci.upper()).isCloseTo(0.3662, within(1e-4));
    }

    @Test
    void zeroSuccessesStillHaveAPositiveUpperBound() {
        ConfidenceInterval ci = ConfidenceInterval.wilson95(0, 10);
        assertThat(ci.lower()).isEqualTo(0.0);
        assertThat(ci.upper()).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void noTrialsMeansNoInformation() {
        ConfidenceInterval ci = ConfidenceInterval.wilson95(0, 0);
        assertThat(ci.lower()).isZero();
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    @Test
    void clearlyDifferentArmsAreSeparated() {
        assertThat(ConfidenceInterval.wilson95(300, 1000).separatedFrom(ConfidenceInterval.wilson95(200, 1000))).isTrue();
        assertThat(ConfidenceInterval.wilson95(30, 100).separatedFrom(ConfidenceInterval.wilson95(25, 100))).isFalse();
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> ConfidenceInterval.wilson95(11, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void theIntervalStaysInZeroOneAndContainsTheEstimate(@ForAll @IntRange(min = 1, max = 100_000) int trials,
                                                         @ForAll @IntRange(min = 0, max = 100_000) int rawSuccesses) {
        int successes = rawSuccesses % (trials + 1);
        ConfidenceInterval ci = ConfidenceInterval.wilson95(successes, trials);
        assertThat(ci.lower()).isBetween(0.0, ci.estimate());
        assertThat(ci.upper()).isBetween(ci.estimate(), 1.0);
    }
}

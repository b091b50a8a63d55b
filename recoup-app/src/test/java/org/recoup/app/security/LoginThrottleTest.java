package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The login throttle's rules, on a clock the test moves. */
class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    /** A clock that stands still until moved. */
    private static final class MovableClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofMinutes(15));

    @Test
    void fiveFailuresForAUsernameWithinFifteenMinutesBlockItUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blockedUntil("ann", "10.0.0.9")).as("4 failures: still allowed").isEmpty();

        throttle.failed("ann", "10.0.0.4");

        assertThat(throttle.blockedUntil("ann", "10.0.0.9")).contains(T0.plus(Duration.ofMinutes(15)));
        assertThat(throttle.blockedUntil("ANN", null)).as("user names are compared without case").isPresent();
        assertThat(throttle.blockedUntil("bob", "10.0.0.9")).as("other users are not affected").isEmpty();
        clock.advance(Duration.ofMinutes(11)); // T0 + 15 min: the first failure has left the window
        assertThat(throttle.blockedUntil("ann", "10.0.0.9")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("ann", "10.0.0.1");

        assertThat(throttle.blockedUntil("ann", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesFailuresButNotTheAddresss() {
        LoginThrottle strict = new LoginThrottle(clock, 5, 6, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            strict.failed("ann", "10.0.0.1");
        }
        strict.succeeded("ann");
        strict.failed("ann", "10.0.0.1");

        assertThat(strict.blockedUntil("ann", "10.0.0.2")).as("1 failure since the success").isEmpty();
        strict.failed("bob", "10.0.0.1");
        assertThat(strict.blockedUntil("carol", "10.0.0.1")).as("6 failures from the address, success or not")
                .contains(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void manyFailuresFromOneAddressBlockEveryUsernameFromIt() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }

        assertThat(throttle.blockedUntil("somebody-else", "203.0.113.7")).isPresent();
        assertThat(throttle.blockedUntil("somebody-else", "203.0.113.8")).isEmpty();
    }
}

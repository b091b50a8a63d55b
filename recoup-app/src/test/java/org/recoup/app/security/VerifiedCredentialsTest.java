package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** API credentials: bcrypt once per client and minute, never a remembered failure, forgotten after the TTL. */
class VerifiedCredentialsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

    /** Accepts agent/secret only, counting every password check it performs. */
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (a.getName().equals("agent") && "secret".equals(a.getCredentials())) {
                return UsernamePasswordAuthenticationToken.authenticated("agent", null,
                        List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
            }
            throw new BadCredentialsException("bad credentials");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final VerifiedCredentials credentials = new VerifiedCredentials(passwords, clock, Duration.ofMinutes(1));

    private static Authentication basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPairIsNotCheckedAgainWithinTheTtl() {
        Authentication first = credentials.authenticate(basic("agent", "secret"));
        clock.advance(Duration.ofSeconds(59));
        Authentication again = credentials.authenticate(basic("agent", "secret"));

        assertThat(again.isAuthenticated()).isTrue();
        assertThat(again.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(checks).hasValue(1);
    }

    @Test
    void theTtlEndsTheMemory() {
        credentials.authenticate(basic("agent", "secret"));
        clock.advance(Duration.ofMinutes(1));
        credentials.authenticate(basic("agent", "secret"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        credentials.authenticate(basic("agent", "secret"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> credentials.authenticate(basic("agent", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(4);
    }

    @Test
    void theSamePasswordForAnotherUserIsNotTheRememberedPair() {
        credentials.authenticate(basic("agent", "secret"));
        assertThatThrownBy(() -> credentials.authenticate(basic("agent2", "secret")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void concurrentFirstRequestsWithOnePairShareOneVerification() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowChecks = new AtomicInteger();
        AuthenticationProvider slow = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication a) {
                slowChecks.incrementAndGet();
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return passwords.authenticate(a);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        VerifiedCredentials shared = new VerifiedCredentials(slow, clock, Duration.ofMinutes(1));
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            Future<Authentication> first = callers.submit(() -> shared.authenticate(basic("agent", "secret")));
            inside.await();
            List<Future<Authentication>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(callers.submit(() -> shared.authenticate(basic("agent", "secret"))));
            }
            Thread.sleep(200); // let the seven reach the verification in flight (a late one is served from the memory)
            release.countDown();
            assertThat(first.get().isAuthenticated()).isTrue();
            for (Future<Authentication> other : others) {
                assertThat(other.get().isAuthenticated()).isTrue();
            }
        }
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void aSharedFailureIsNotRemembered() {
        assertThatThrownBy(() -> credentials.authenticate(basic("agent", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(credentials.authenticate(basic("agent", "secret")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> credentials.authenticate(basic("agent", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

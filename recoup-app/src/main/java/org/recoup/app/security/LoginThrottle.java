package org.recoup.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username and per client address over a sliding window (default 15 minutes). Once a
 * username has {@code maxPerUser} failures in the window, or an address {@code maxPerAddress}, further attempts for that
 * username or from that address are refused, without checking the password, until enough failures have left the
 * window. A refused attempt is not counted (the cooling-off period does not grow while someone keeps trying). A
 * successful sign-in clears the username's failures; the address's failures stay, so one valid account does not reset
 * the guessing budget of an address.
 * <p>
 * Kept in memory, per application instance: a restart forgets it, and several instances behind a load balancer each
 * count on their own (documented in docs/security.md).
 */
final class LoginThrottle {

    /** Beyond this many tracked keys, keys without a failure in the window are dropped. */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, int maxPerUser, int maxPerAddress, Duration window) {
        if (maxPerUser < 1 || maxPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("login throttle needs limits >= 1 and a positive window");
        }
        this.clock = clock;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    Duration window() {
        return window;
    }

    /** When attempts for this username or from this address are allowed again, or empty when they are allowed now. */
    Optional<Instant> blockedUntil(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> byUser = blockedUntil(userKey(username), maxPerUser, now);
        Optional<Instant> byAddress = address == null ? Optional.empty() : blockedUntil(addressKey(address), maxPerAddress, now);
        if (byUser.isPresent() && byAddress.isPresent()) {
            return Optional.of(byUser.get().isAfter(byAddress.get()) ? byUser.get() : byAddress.get());
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        record(userKey(username), now);
        if (address != null) {
            record(addressKey(address), now);
        }
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private Optional<Instant> blockedUntil(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            int n = times.size();
            if (n < max) {
                return Optional.empty();
            }
            // allowed again once the (n - max + 1) oldest failures have left the window
            return Optional.of(times.stream().skip(n - max).findFirst().orElseThrow().plus(window));
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

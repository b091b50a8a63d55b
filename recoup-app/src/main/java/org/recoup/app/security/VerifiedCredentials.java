package org.recoup.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers, for a short time, that a username/password pair of the stateless API was verified, so that an
 * integration sending HTTP Basic on every request pays for bcrypt once per {@code ttl} instead of on every call
 * (≈ 0.1 s of CPU each — it dominated the API's latency under load).
 * <p>
 * Only successes are remembered, keyed by an HMAC-SHA-256 of the pair under a random key made at start (never the
 * password or a plain hash of it, so a heap dump does not offer cheap offline guessing). A wrong password is always
 * checked by the delegate (concurrent requests with the very same pair share one check, whatever its outcome), so
 * throttling and failure events see every distinct attempt. Changes to a user (disabled, new role, new password) take
 * effect for the API within {@code ttl}.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Authentication result, Instant expires) {
    }

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Authentication>> inFlight = new ConcurrentHashMap<>();

    VerifiedCredentials(AuthenticationProvider delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String id = fingerprint(authentication.getName(), password);
        Instant now = clock.instant();
        Entry entry = verified.get(id);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.result();
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            return awaitOther(running); // the same pair is being verified right now: one bcrypt for all
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                remember(id, result, now);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(id, mine);
        }
    }

    private static Authentication awaitOther(CompletableFuture<Authentication> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void remember(String id, Authentication result, Instant now) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(e -> !now.isBefore(e.expires()));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(id, new Entry(result, now.plus(ttl)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}

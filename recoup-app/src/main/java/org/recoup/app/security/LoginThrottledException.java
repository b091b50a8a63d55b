package org.recoup.app.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because of too many recent failures (see {@link LoginThrottle}). */
final class LoginThrottledException extends AuthenticationException {

    private final Instant retryAt;

    LoginThrottledException(Instant retryAt) {
        super("too many failed sign-in attempts for this user or from this address; try again after " + retryAt);
        this.retryAt = retryAt;
    }

    Instant retryAt() {
        return retryAt;
    }
}

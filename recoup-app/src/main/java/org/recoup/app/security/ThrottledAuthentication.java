package org.recoup.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of the password check, for the form login and HTTP Basic alike: a throttled
 * username or address is refused before its password is looked at; a failed check is counted; a success clears the
 * username's failures.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        var blocked = throttle.blockedUntil(username, address);
        if (blocked.isPresent()) {
            throw new LoginThrottledException(blocked.get());
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException failed) {
            throttle.failed(username, address);
            throw failed;
        }
        if (result != null && result.isAuthenticated()) {
            throttle.succeeded(username);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}

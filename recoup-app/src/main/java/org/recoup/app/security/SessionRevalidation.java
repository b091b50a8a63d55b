package org.recoup.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session whose user was disabled, deleted or given another role since signing in: the request goes on as
 * an anonymous one (so a page redirects to the login page). An administrator's change therefore takes effect on the
 * user's next click, not when their session would have expired. One primary-key read per signed-in web request.
 */
final class SessionRevalidation extends OncePerRequestFilter {

    private final UserAccounts users;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    SessionRevalidation(UserAccounts users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (trust.isAuthenticated(signedIn) && !stillValid(signedIn)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication signedIn) {
        return users.find(signedIn.getName())
                .filter(UserAccounts.UserView::enabled)
                .map(user -> signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .anyMatch(user.role().authority()::equals))
                .orElse(false);
    }
}

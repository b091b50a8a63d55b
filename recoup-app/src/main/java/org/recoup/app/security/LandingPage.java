package org.recoup.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.servlet.ServletException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a user lands after signing in: the page they asked for before being sent to sign in, or else their role's
 * home — agents and agency users the workbench ({@code /ui/queue}), everybody else the portfolio overview ({@code /}).
 */
final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String WORKBENCH = "/ui/queue";

    private final RequestCache cache = new HttpSessionRequestCache();

    LandingPage() {
        setRequestCache(cache);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        SavedRequest saved = cache.getRequest(request, response);
        if (saved != null && isHome(saved.getRedirectUrl(), request)) {
            cache.removeRequest(request, response); // "/" was just the door: go to the role's home
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        return homeOf(authentication);
    }

    static String homeOf(Authentication authentication) {
        boolean worksCases = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.AGENT.authority()) || a.equals(Role.AGENCY.authority()));
        return worksCases ? WORKBENCH : "/";
    }

    private static boolean isHome(String url, HttpServletRequest request) {
        try {
            String path = java.net.URI.create(url).getRawPath();
            return path == null || path.isEmpty() || path.equals(request.getContextPath() + "/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

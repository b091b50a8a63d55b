package org.recoup.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.recoup.app.security.UserAccounts;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The UI language: a signed-in user's stored choice ({@code app_user.locale}); before sign-in (or for a user without
 * one) the browser's {@code Accept-Language}, taking the first language Recoup speaks; otherwise Chinese.
 * <p>
 * Named {@code localeResolver} so the DispatcherServlet uses it instead of Boot's Accept-Language resolver. The stored
 * locale is read at most once per request.
 */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale DEFAULT = CHINESE;

    private static final String CACHE_ATTRIBUTE = UserLocaleResolver.class.getName() + ".locale";

    private final UserAccounts users;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    UserLocaleResolver(UserAccounts users) {
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CACHE_ATTRIBUTE) instanceof Locale cached) {
            return cached;
        }
        Locale locale = signedInUser()
                .flatMap(users::localeOf)
                .map(UserLocaleResolver::supported)
                .orElseGet(() -> fromAcceptLanguage(request.getHeader("Accept-Language")));
        request.setAttribute(CACHE_ATTRIBUTE, locale);
        return locale;
    }

    /** Stores the language for the signed-in user; an anonymous visitor keeps the browser's language. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? DEFAULT : supported(locale);
        signedInUser().ifPresent(username -> users.setLocale(username, chosen));
        request.setAttribute(CACHE_ATTRIBUTE, chosen);
    }

    /** The first language in an {@code Accept-Language} header that Recoup speaks, else {@link #DEFAULT}. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header); // sorted by weight, highest first
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue; // q=0: "not acceptable"
            }
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("zh")) {
                return CHINESE;
            }
            if (language.equals("en")) {
                return ENGLISH;
            }
        }
        return DEFAULT;
    }

    /** Maps any locale onto the two UI languages: Chinese for {@code zh*}, English otherwise. */
    static Locale supported(Locale locale) {
        return locale.getLanguage().equals("zh") ? CHINESE : ENGLISH;
    }

    private Optional<String> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return trust.isAuthenticated(authentication) ? Optional.of(authentication.getName()) : Optional.empty();
    }
}

package org.recoup.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch in the top bar: {@code POST /ui/locale} with {@code lang=zh-CN|en} stores the choice for the
 * signed-in user, then sends the browser back to the page it came from (or asks htmx to refresh it).
 */
@Hidden // UI, not part of the public API document
@Controller
class LocaleController {

    private final LocaleResolver localeResolver;

    LocaleController(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    @PostMapping("/ui/locale")
    ResponseEntity<Void> switchLanguage(@RequestParam("lang") String lang,
                                        @RequestHeader(value = "HX-Request", required = false) String htmx,
                                        @RequestHeader(value = HttpHeaders.REFERER, required = false) String referer,
                                        HttpServletRequest request, HttpServletResponse response) {
        Locale locale = switch (lang) {
            case "zh-CN" -> UserLocaleResolver.CHINESE;
            case "en" -> UserLocaleResolver.ENGLISH;
            default -> null;
        };
        if (locale == null) {
            return ResponseEntity.badRequest().build();
        }
        localeResolver.setLocale(request, response, locale);
        if ("true".equals(htmx)) {
            return ResponseEntity.ok().header("HX-Refresh", "true").build();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(backTo(referer))).build();
    }

    /** The path and query of the referring page, so the redirect never leaves this server; {@code /} otherwise. */
    static String backTo(String referer) {
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        try {
            URI uri = new URI(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}

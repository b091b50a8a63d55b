package org.recoup.app.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser for UI tests: it keeps the session, does not follow
 * redirects (tests assert them), sends an {@code Accept-Language} when told, and posts forms with the CSRF token of the
 * last page it loaded.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http;
    private String acceptLanguage;
    private String lastCsrfToken;

    public Browser(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Browser acceptLanguage(String header) {
        this.acceptLanguage = header;
        return this;
    }

    public Page get(String path) {
        return get(path, Map.of());
    }

    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts a form with the CSRF token of the last page loaded. */
    public Page post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    public Page post(String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (lastCsrfToken != null) {
            fields.putIfAbsent("_csrf", lastCsrfToken);
        }
        return postRaw(path, fields, headers);
    }

    /** Posts exactly these fields, without adding a CSRF token. */
    public Page postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    /** Loads the login page and signs in; answers the response to {@code POST /login}. */
    public Page signIn(String username, String password) {
        Page login = get("/login");
        if (login.status() != 200) {
            throw new IllegalStateException("login page: " + login.status());
        }
        return post("/login", Map.of("username", username, "password", password));
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return b;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Page page = new Page(response.statusCode(), response.body(), response.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> String.join(", ", e.getValue()))));
            page.csrfToken().ifPresent(token -> lastCsrfToken = token);
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One response: status, body and headers (names in lower case). */
    public record Page(int status, String body, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The redirect target's path and query, whether the server sent an absolute or a relative URL. */
        public String redirectPath() {
            String location = header("Location");
            if (location == null) {
                return null;
            }
            URI uri = URI.create(location);
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        }

        public Optional<String> csrfToken() {
            if (body == null) {
                return Optional.empty();
            }
            Matcher m = CSRF.matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        @Override
        public String toString() {
            return status + " " + headers.getOrDefault("location", "") + "\n" + body;
        }
    }
}

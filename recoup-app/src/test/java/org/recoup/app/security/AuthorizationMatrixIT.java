package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Authorization of every endpoint and page: enumerates all handler mappings and checks each, for an anonymous visitor
 * and for each role, against {@code src/test/resources/security/authorization-matrix.txt}. A new mapping without a
 * line there fails this test — add one (docs/security.md, "Adding an endpoint").
 * <p>
 * Calls are made so that an allowed caller changes nothing: path ids that do not exist, malformed JSON bodies, forms
 * without fields. Allowed means "not refused": anything but 401, 403 or a redirect to the login page.
 */
class AuthorizationMatrixIT extends IntegrationTest {

    private static final String TABLE = "/security/authorization-matrix.txt";
    private static final String PASSWORD = "matrix-pass-1";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    UserAccounts users;

    private Map<String, String> expectations() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+", 3);
                assertThat(parts).as("line '" + t + "' needs METHOD /path WHO").hasSize(3);
                String key = parts[0] + " " + parts[1];
                assertThat(table.put(key, parts[2])).as("duplicate line for " + key).isNull();
            }
        }
        return table;
    }

    /** Every "METHOD /pattern" the application maps ("ANY" when a mapping accepts every method). */
    private Set<String> mapped() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointAndPageHasAnEntryInTheAuthorizationTable() throws IOException {
        Map<String, String> table = expectations();
        List<String> missing = mapped().stream().filter(e -> !table.containsKey(e)).toList();

        assertThat(missing).as("""
                endpoints without an authorization entry: add a line "METHOD /path   WHO" for each to \
                src/test/resources/security/authorization-matrix.txt (WHO: PUBLIC, SIGNED_IN, STAFF or roles), and a \
                rule in security.SecurityConfiguration if not every signed-in user may call it (docs/security.md)""")
                .isEmpty();
    }

    @Test
    void everyEntryOfTheAuthorizationTableIsAMappedEndpoint() throws IOException {
        Set<String> mapped = mapped();
        List<String> stale = expectations().keySet().stream().filter(e -> !mapped.contains(e)).toList();

        assertThat(stale).as("entries in authorization-matrix.txt for endpoints that no longer exist: remove them")
                .isEmpty();
    }

    @Test
    void everyEndpointAndPageAdmitsExactlyTheRolesOfItsEntryAndAsksAnonymousVisitorsToSignIn() throws IOException {
        Map<String, String> table = expectations();
        Map<Role, ApiClient> apiAs = new EnumMap<>(Role.class);
        Map<Role, Browser> webAs = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String name = uniqueId("matrix-" + role.name().toLowerCase());
            users.create(name, PASSWORD, new UserAccounts.UserFields(name, role,
                    role == Role.AGENT ? Tier.JUNIOR : null,
                    role == Role.AGENT || role == Role.TEAM_LEAD ? "matrix-team" : null,
                    role == Role.AGENCY ? "AG-matrix" : null, "en", true));
            apiAs.put(role, api(name, PASSWORD));
            Browser browser = new Browser(port);
            assertThat(browser.signIn(name, PASSWORD).redirectPath()).as(role + " signs in").doesNotContain("error");
            browser.get("/login"); // a fresh CSRF token for the signed-in session
            webAs.put(role, browser);
        }

        List<String> violations = new ArrayList<>();
        for (String endpoint : mapped()) {
            String who = table.get(endpoint);
            if (who == null) {
                continue; // reported by everyEndpointAndPageHasAnEntryInTheAuthorizationTable
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            boolean api = path.startsWith("/api/");
            Set<Role> allowed = allowed(who);

            Outcome anonymous = api ? call(anonymous(), method, path) : call(anonymousBrowser(), method, path);
            boolean anonymousOk = who.equals("PUBLIC") ? anonymous == Outcome.ALLOWED
                    : anonymous == (api ? Outcome.UNAUTHENTICATED : Outcome.SENT_TO_LOGIN);
            if (!anonymousOk) {
                violations.add(endpoint + " as anonymous: " + anonymous + " (entry: " + who + ")");
            }
            for (Role role : Role.values()) {
                Outcome outcome = api ? call(apiAs.get(role), method, path) : call(webAs.get(role), method, path);
                Outcome expected = allowed.contains(role) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                if (outcome != expected) {
                    violations.add(endpoint + " as " + role + ": " + outcome + ", expected " + expected
                            + " (entry: " + who + ")");
                }
            }
        }
        assertThat(violations).as("authorization differs from authorization-matrix.txt").isEmpty();
    }

    /** A visitor who has not signed in but holds a CSRF token (from the login page), as a real browser would. */
    private Browser anonymousBrowser() {
        Browser browser = new Browser(port);
        browser.get("/login");
        return browser;
    }

    enum Outcome { ALLOWED, FORBIDDEN, UNAUTHENTICATED, SENT_TO_LOGIN }

    static Set<Role> allowed(String who) {
        return switch (who) {
            case "PUBLIC", "SIGNED_IN" -> EnumSet.allOf(Role.class);
            case "STAFF" -> EnumSet.complementOf(EnumSet.of(Role.AGENCY));
            default -> Arrays.stream(who.split("\\s+")).map(Role::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        };
    }

    /** The pattern with ids nobody has, so an allowed call finds nothing to change. */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "authz-none").replace("**", "authz-none");
    }

    private static Outcome call(ApiClient client, String method, String path) {
        ApiClient.Response r = switch (method) {
            case "POST" -> client.post(path, "{");
            case "PUT" -> client.put(path, "{");
            case "DELETE" -> client.delete(path);
            default -> client.get(path);
        };
        return switch (r.status()) {
            case 401 -> Outcome.UNAUTHENTICATED;
            case 403 -> Outcome.FORBIDDEN;
            default -> Outcome.ALLOWED;
        };
    }

    private static Outcome call(Browser browser, String method, String path) {
        Browser.Page page = method.equals("POST") ? browser.post(path, Map.of()) : browser.get(path);
        if (page.status() == 403) {
            return Outcome.FORBIDDEN;
        }
        if (page.status() == 401) {
            return Outcome.UNAUTHENTICATED;
        }
        if (page.status() / 100 == 3 && page.redirectPath() != null && page.redirectPath().startsWith("/login")) {
            return Outcome.SENT_TO_LOGIN;
        }
        return Outcome.ALLOWED;
    }
}

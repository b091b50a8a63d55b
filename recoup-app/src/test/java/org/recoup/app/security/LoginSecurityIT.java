package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-in hardening: throttling after repeated failures (form and HTTP Basic share one count), a new session id at
 * sign-in, CSRF on the form, security headers.
 */
class LoginSecurityIT extends IntegrationTest {

    private static final String PASSWORD = "right-password-1";
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    @Autowired
    UserAccounts users;

    private String newAgent() {
        String name = uniqueId("throttled");
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, Role.SUPERVISOR, null, null, null, "en", true));
        return name;
    }

    @Test
    void afterFiveFailedFormSignInsEvenTheRightPasswordIsRefusedWithAClearMessage() {
        String user = newAgent();
        Browser browser = new Browser(port).acceptLanguage("en");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(user, "wrong-" + i).redirectPath()).isEqualTo("/login?error");
        }

        Browser.Page refused = browser.signIn(user, PASSWORD);

        assertThat(refused.redirectPath()).isEqualTo("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("Too many failed sign-in attempts", "wait 15 minutes");
        assertThat(new Browser(port).acceptLanguage("zh-CN").get("/login?locked").body()).contains("登录失败次数过多", "等待 15 分钟");
        assertThat(browser.get("/api-never-reached").status()).as("still signed out").isEqualTo(302);
    }

    @Test
    void httpBasicIsThrottledToo_answering429WithRetryAfter_andFormFailuresCountForIt() {
        String user = newAgent();
        Browser browser = new Browser(port);
        for (int i = 0; i < 3; i++) {
            browser.signIn(user, "wrong-" + i);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(api(user, "wrong-basic-" + i).get("/api/v1/strategies").status()).isEqualTo(401);
        }

        ApiClient.Response refused = api(user, PASSWORD).get("/api/v1/strategies");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("LOGIN_THROTTLED");
        assertThat(refused.json().get("retryAt").asString()).isNotBlank();
    }

    @Test
    void aSuccessfulSignInResetsTheUsersFailures() {
        String user = newAgent();
        Browser browser = new Browser(port);
        for (int i = 0; i < 4; i++) {
            browser.signIn(user, "wrong-" + i);
        }
        assertThat(browser.signIn(user, PASSWORD).redirectPath()).isEqualTo("/");

        Browser other = new Browser(port);
        for (int i = 0; i < 4; i++) {
            assertThat(other.signIn(user, "wrong-again-" + i).redirectPath()).isEqualTo("/login?error");
        }
        assertThat(other.signIn(user, PASSWORD).redirectPath()).as("4 failures since the success").isEqualTo("/");
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        Browser browser = new Browser(port);
        Browser.Page login = browser.get("/login");
        String before = sessionId(login);

        Browser.Page signedIn = browser.signIn("admin", ADMIN_PASSWORD);

        assertThat(before).as("the login page opens a session (for its CSRF token)").isNotNull();
        assertThat(sessionId(signedIn)).as("session fixation protection").isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    private static String sessionId(Browser.Page page) {
        String cookie = page.header("Set-Cookie");
        if (cookie == null) {
            return null;
        }
        Matcher m = SESSION.matcher(cookie);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() {
        Browser browser = new Browser(port);
        browser.get("/login");

        Browser.Page forged = browser.postRaw("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD), Map.of());

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Browser.Page login = new Browser(port).get("/login");

        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.header("Cache-Control")).contains("no-store");
    }
}

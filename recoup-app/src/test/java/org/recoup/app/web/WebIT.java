package org.recoup.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/** The UI shell: sign-in, sign-out, language per user, static assets. */
class WebIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    private Browser browser() {
        return new Browser(port);
    }

    /** A user of this test alone, so switching its language disturbs nobody. */
    private String newUser(String displayName) {
        String username = uniqueId("web-user");
        users.createIfAbsent(username, "secret-" + username, displayName, Role.SUPERVISOR, "zh-CN");
        return username;
    }

    @Test
    void loginPageOffersAFormWithACsrfToken() {
        Browser.Page login = browser().get("/login");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Type")).startsWith("text/html");
        assertThat(login.csrfToken()).isPresent();
        assertThat(login.body()).contains("name=\"username\"", "name=\"password\"", "action=\"/login\"", "Recoup 回款");
    }

    @Test
    void loginPageSpeaksTheBrowsersLanguage() {
        assertThat(browser().acceptLanguage("en-US,en;q=0.9").get("/login").body())
                .contains("Sign in to Recoup", "lang=\"en\"");
        assertThat(browser().acceptLanguage("zh-CN,zh;q=0.9,en;q=0.8").get("/login").body())
                .contains("登录 Recoup", "用户名", "lang=\"zh-CN\"");
        assertThat(browser().acceptLanguage("fr-FR,fr;q=0.9,en;q=0.5").get("/login").body())
                .as("the first language Recoup speaks wins").contains("Sign in to Recoup");
        assertThat(browser().get("/login").body()).as("no Accept-Language: Chinese").contains("登录 Recoup");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        Browser.Page overview = browser().get("/");

        assertThat(overview.status()).isEqualTo(302);
        assertThat(overview.redirectPath()).isEqualTo("/login");
    }

    @Test
    void adminSignsInWithTheFormAndLandsOnTheOverview() {
        Browser browser = browser();

        Browser.Page signIn = browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.redirectPath()).isEqualTo("/");

        Browser.Page overview = browser.get("/");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("id=\"overview-content\"", "Administrator", "Recoup 回款");
    }

    @Test
    void wrongPasswordShowsTheLoginError() {
        Browser browser = browser().acceptLanguage("en");

        Browser.Page signIn = browser.signIn("admin", "not-the-password");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.redirectPath()).isEqualTo("/login?error");

        assertThat(browser.get("/login?error").body()).contains("Wrong user name or password.");
        assertThat(browser.get("/").status()).as("still signed out").isEqualTo(302);
    }

    @Test
    void loginErrorIsShownInChineseToAChineseBrowser() {
        Browser browser = browser().acceptLanguage("zh-CN");
        browser.signIn("admin", "not-the-password");

        assertThat(browser.get("/login?error").body()).contains("用户名或密码错误。");
    }

    @Test
    void languageChoiceIsStoredPerUserAndOutlivesTheSession() {
        String username = newUser("王 测试");
        Browser browser = browser().acceptLanguage("en");
        browser.signIn(username, "secret-" + username);

        Browser.Page chinese = browser.get("/");
        assertThat(chinese.body()).as("the stored language beats Accept-Language")
                .contains("概览", "lang=\"zh-CN\"", "王 测试").doesNotContain(">Overview<");

        Browser.Page switched = browser.post("/ui/locale", Map.of("lang", "en"),
                Map.of("Referer", browser.url("/?portfolio=x")));
        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.redirectPath()).isEqualTo("/?portfolio=x");
        assertThat(users.localeOf(username)).hasValueSatisfying(l -> assertThat(l.toLanguageTag()).isEqualTo("en"));

        Browser.Page english = browser.get("/");
        assertThat(english.body()).contains(">Overview<", "lang=\"en\"", "Log out").doesNotContain("概览");

        Browser elsewhere = browser().acceptLanguage("zh-CN");
        elsewhere.signIn(username, "secret-" + username);
        assertThat(elsewhere.get("/").body()).as("a new session of the same user").contains(">Overview<");

        String token = browser.get("/").csrfToken().orElseThrow();
        Browser.Page back = browser.postRaw("/ui/locale", Map.of("lang", "zh-CN"),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", token));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.header("HX-Refresh")).as("htmx reloads the page").isEqualTo("true");
        assertThat(browser.get("/").body()).contains("概览", "退出登录", "lang=\"zh-CN\"");
    }

    @Test
    void languageSwitchNeedsTheCsrfToken() {
        String username = newUser("No Token");
        Browser browser = browser();
        browser.signIn(username, "secret-" + username);
        browser.get("/");

        Browser.Page forged = browser.postRaw("/ui/locale", Map.of("lang", "en"), Map.of());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(users.localeOf(username)).hasValueSatisfying(l -> assertThat(l.toLanguageTag()).isEqualTo("zh-CN"));
    }

    @Test
    void languageSwitchRefusesAnUnknownLanguage() {
        String username = newUser("Other Language");
        Browser browser = browser();
        browser.signIn(username, "secret-" + username);
        browser.get("/");

        assertThat(browser.post("/ui/locale", Map.of("lang", "fr")).status()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheSession() {
        Browser browser = browser().acceptLanguage("en");
        browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        Browser.Page logout = browser.post("/logout", Map.of());
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.redirectPath()).isEqualTo("/login?logout");

        Browser.Page login = browser.get("/login?logout");
        assertThat(login.body()).contains("You have been logged out.");
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    @Test
    void pagesCarryTheCsrfTokenForHtmxAndLoadTheWebJars() {
        Browser browser = browser();
        browser.signIn("admin", ADMIN_PASSWORD);
        String page = browser.get("/").body();

        assertThat(page).contains("<meta name=\"_csrf\" content=\"", "<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"");
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/(?:webjars|js|css)/[^\"]+)\"").matcher(page);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as("the layout links the WebJars, versioned by the WebJars locator")
                .anyMatch(a -> a.matches("/webjars/htmx\\.org/[^/]+/dist/htmx\\.min\\.js"))
                .anyMatch(a -> a.matches("/webjars/echarts/[^/]+/echarts\\.min\\.js"))
                .contains("/js/recoup.js", "/css/recoup.css");
        for (String asset : assets) {
            assertThat(browser().get(asset).status()).as(asset).isEqualTo(200);
        }
        assertThat(browser().get("/webjars/htmx.org/dist/htmx.min.js").status()).as("version-less path").isEqualTo(200);
        assertThat(browser().get("/js/recoup.js").body()).contains("htmx:configRequest");
    }

    @Test
    void uiEndpointsStayOutOfTheApiDocument() {
        String docs = anonymous().get("/v3/api-docs").body();

        assertThat(docs).contains("\"paths\"").doesNotContain("/ui/", "\"/login\"", "\"/\":");
    }
}

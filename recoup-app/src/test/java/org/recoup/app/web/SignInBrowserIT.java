package org.recoup.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The sign-in page in a real browser: a user gets in with the right password and is turned away with a wrong one. */
class SignInBrowserIT extends BrowserIT {

    @Test
    void anAdministratorSignsInAndSeesTheOverview() {
        login("admin", ADMIN_PASSWORD);

        assertThat(page.url()).endsWith("/");
        assertThat(page.locator("header.topbar").innerText()).contains("Recoup");
        assertThat(Files.exists(screenshot("overview"))).isTrue();
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheLoginPageWithAnError() {
        page.navigate("/login");
        page.locator("input[name=username]").fill("admin");
        page.locator("input[name=password]").fill("not-the-password");
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> url.contains("/login?error"));

        assertThat(page.locator(".alert-error").isVisible()).isTrue();
        screenshot("rejected");
    }
}

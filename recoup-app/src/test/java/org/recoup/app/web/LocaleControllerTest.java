package org.recoup.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocaleControllerTest {

    @Test
    void languageSwitchReturnsToTheReferringPage() {
        assertThat(LocaleController.backTo("http://localhost:8080/?portfolio=A&product=CREDIT_CARD"))
                .isEqualTo("/?portfolio=A&product=CREDIT_CARD");
        assertThat(LocaleController.backTo("http://localhost:8080/workbench")).isEqualTo("/workbench");
    }

    @Test
    void languageSwitchNeverRedirectsToAnotherHost() {
        assertThat(LocaleController.backTo("https://evil.example/steal?x=1")).isEqualTo("/steal?x=1");
        assertThat(LocaleController.backTo("//evil.example/x")).isEqualTo("/x");
        assertThat(LocaleController.backTo("javascript:alert(1)")).isEqualTo("/");
        assertThat(LocaleController.backTo("not a uri")).isEqualTo("/");
        assertThat(LocaleController.backTo(null)).isEqualTo("/");
    }

    @Test
    void languageSwitchOnTheLoginPageGoesHome() {
        assertThat(LocaleController.backTo("http://localhost:8080/login?error")).isEqualTo("/");
    }
}

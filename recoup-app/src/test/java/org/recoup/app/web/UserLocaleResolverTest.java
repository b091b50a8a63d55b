package org.recoup.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UserLocaleResolverTest {

    @Test
    void firstSpokenLanguageOfTheBrowserWins() {
        assertThat(UserLocaleResolver.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(UserLocaleResolver.fromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5,zh;q=0.1")).isEqualTo(Locale.ENGLISH);
        assertThat(UserLocaleResolver.fromAcceptLanguage("en;q=0.4,zh-CN;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void anyChineseMeansSimplifiedChinese() {
        assertThat(UserLocaleResolver.fromAcceptLanguage("zh-TW")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(UserLocaleResolver.fromAcceptLanguage("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void withoutAUsableHeaderTheDefaultIsChinese() {
        assertThat(UserLocaleResolver.fromAcceptLanguage(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(UserLocaleResolver.fromAcceptLanguage("")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(UserLocaleResolver.fromAcceptLanguage("fr, de")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(UserLocaleResolver.fromAcceptLanguage("*")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(UserLocaleResolver.fromAcceptLanguage(";;q=x")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void englishIsNotPickedWhenTheBrowserRefusesIt() {
        assertThat(UserLocaleResolver.fromAcceptLanguage("en;q=0, fr")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}

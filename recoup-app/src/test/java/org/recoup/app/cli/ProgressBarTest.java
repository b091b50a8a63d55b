package org.recoup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsTheShareDoneAsBarPercentageAndCounts() {
        assertThat(ProgressBar.render("run", 500, 1000))
                .isEqualTo("run [###############---------------]  50% 500/1,000");
    }

    @Test
    void neverOverflowsTheBarWhenCountsRunAhead() {
        assertThat(ProgressBar.render("", 1200, 1000)).startsWith("[##############################] 100%");
    }

    @Test
    void withoutATotalShowsTheCountOnly() {
        assertThat(ProgressBar.render("rows", 1234567, 0)).isEqualTo("rows 1,234,567");
    }
}

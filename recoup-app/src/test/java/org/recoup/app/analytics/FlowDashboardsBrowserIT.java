package org.recoup.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.web.BrowserIT;

/**
 * Each portfolio-flow dashboard in Chromium at 1366×768 on the hand-made history of {@link FlowHistory}: the ECharts
 * instance has series with data points, the table has rows, and a screenshot is saved.
 */
class FlowDashboardsBrowserIT extends BrowserIT {

    private static FlowHistory history;

    @BeforeEach
    void history() {
        if (history == null) {
            history = new FlowHistory(jdbc, api(), uniqueId("KPB"), uniqueId("kpi-team"), 2091);
        }
    }

    @Test
    void everyDashboardDrawsItsChartFromDataAndShowsItsTable() {
        login("admin", ADMIN_PASSWORD);
        for (String dashboard : List.of("bucket-mix", "roll-rates", "cure-recovery", "vintages", "aging")) {
            page.navigate("/ui/kpis/" + dashboard + "?" + history.filter());
            page.waitForFunction("() => { const el = document.querySelector('#kpi-chart');"
                    + " const c = el && window.echarts && echarts.getInstanceByDom(el);"
                    + " return c && c.getOption().series.length > 0; }");
            Object points = page.evaluate("() => echarts.getInstanceByDom(document.querySelector('#kpi-chart'))"
                    + ".getOption().series.reduce((n, s) => n + s.data.filter(v => v !== null && v !== undefined).length, 0)");
            assertThat(((Number) points).intValue()).as(dashboard + " chart points").isPositive();
            assertThat(page.locator("table.data tbody tr[data-row]").count()).as(dashboard + " table rows").isPositive();
            assertThat(page.locator("a[data-download=xlsx]").getAttribute("href")).contains("format=xlsx");
            assertThat(Files.exists(screenshot(dashboard))).isTrue();
        }
    }

    @Test
    void theRollRateHeatmapShowsTheMatrixOfTheRange() {
        login("admin", ADMIN_PASSWORD);
        page.navigate("/ui/kpis/roll-rates?" + history.filter());
        page.waitForFunction("() => { const c = window.echarts && echarts.getInstanceByDom(document.querySelector('#kpi-chart'));"
                + " return c && c.getOption().series.length > 0; }");
        Object cells = page.evaluate("() => echarts.getInstanceByDom(document.querySelector('#kpi-chart'))"
                + ".getOption().series[0].data.length");
        assertThat(((Number) cells).intValue()).isEqualTo(8); // the 8 from → to pairs of the history
        assertThat(page.locator("td[data-key=count_rate]").first().innerText()).endsWith("%");
    }

    @Test
    void theAnalyticsSectionListsTheDashboards() {
        login("admin", ADMIN_PASSWORD);
        page.navigate("/ui/analytics");
        for (String dashboard : List.of("bucket-mix", "roll-rates", "cure-recovery", "vintages", "aging")) {
            assertThat(page.locator("a[href='/ui/kpis/" + dashboard + "']").count()).as(dashboard).isEqualTo(1);
        }
    }
}

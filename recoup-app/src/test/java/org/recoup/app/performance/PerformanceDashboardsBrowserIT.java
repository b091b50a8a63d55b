package org.recoup.app.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.web.BrowserIT;

/**
 * Opens each KPI dashboard on a hand-made history of its own date and portfolio: the charts are drawn, the tables show
 * the hand-computed figures (the same as the API's), and a screenshot of each is saved.
 */
class PerformanceDashboardsBrowserIT extends BrowserIT {

    private KpiHistory history;
    private String query;

    @BeforeEach
    void history() {
        history = new KpiHistory(jdbc, uniqueId("br"), 731).build();
        ApiClient.Response r = api().post("/api/v1/kpis/contacts/refresh?from=" + history.day + "&to=" + history.day, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        query = "?from=" + history.day + "&to=" + history.day + "&portfolio=" + history.portfolio;
        login("admin", ADMIN_PASSWORD);
    }

    @Test
    void theContactsDashboardShowsTheHeatmapFunnelAndChannels() {
        open("contacts");
        Locator summary = page.locator("[data-kpi-table=SUMMARY] tbody tr").first();
        assertThat(summary.locator("td[data-key=attempts]").textContent().strip()).isEqualTo("6");
        assertThat(summary.locator("td[data-key=rpc_rate]").textContent().strip()).isEqualTo("50.00%");
        assertThat(page.locator("[data-kpi-table=HOURS] tbody tr").count()).isEqualTo(4);
        assertThat(canvasCount()).isEqualTo(4); // two heatmaps, the funnel, the channels
        // the chart data is the table the page shows: the 15:00 cell of the CALL row holds 2 right-party contacts
        Object rpcAt15 = page.evaluate("() => fetch(document.querySelector('[data-kpi-src]').getAttribute('data-kpi-src'))"
                + ".then(r => r.json()).then(t => t.HOURS.rows.filter(r => r[0] === 'CALL' && r[1] === 15)[0][3])");
        assertThat(String.valueOf(rpcAt15)).isEqualTo("2");
        assertThat(page.locator("[data-kpi-table=HOURS] a[data-format=xlsx]").getAttribute("href"))
                .contains("/ui/performance/export/HOURS?format=xlsx");
        assertThat(Files.exists(screenshot("contacts"))).isTrue();
    }

    @Test
    void theAgentsDashboardShowsTheAgentTableAndTrend() {
        open("agents");
        List<String> agents = page.locator("[data-kpi-table=AGENTS] td[data-key=agent]").allTextContents();
        assertThat(agents).containsExactly(history.agent1, history.agent2);
        assertThat(page.locator("[data-kpi-table=AGENTS] td[data-key=contacts_per_hour]").allTextContents())
                .containsExactly("1.50", "1.00");
        assertThat(canvasCount()).isEqualTo(1);
        assertThat(Files.exists(screenshot("agents"))).isTrue();
    }

    @Test
    void theExperimentsDashboardShowsArmsWithIntervals() {
        open("experiments");
        assertThat(page.locator("[data-kpi-table=ARMS] td[data-key=arm]").allTextContents())
                .containsExactly("challenger", "champion");
        assertThat(page.locator("[data-kpi-table=ARMS] td[data-key=rpc_low]").allTextContents())
                .containsExactly("20.65%", "20.77%");
        assertThat(canvasCount()).isEqualTo(1);
        assertThat(Files.exists(screenshot("experiments"))).isTrue();
    }

    @Test
    void theComplianceDashboardShowsBlocksByReason() {
        open("compliance");
        assertThat(page.locator("[data-kpi-table=COMPLIANCE_REASONS] td[data-key=reason]").allTextContents())
                .containsExactly("QUIET_HOURS", "DAILY_CAP");
        assertThat(canvasCount()).isEqualTo(1);
        assertThat(Files.exists(screenshot("compliance"))).isTrue();
    }

    private void open(String dashboard) {
        page.navigate("/ui/performance/" + dashboard + query);
        page.waitForSelector("[data-kpi-rendered=true]");
    }

    private int canvasCount() {
        return page.locator("[data-kpi-chart] canvas").count();
    }
}

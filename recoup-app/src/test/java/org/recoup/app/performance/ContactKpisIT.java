package org.recoup.app.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The contact, promise, collector, arm and compliance KPIs on the hand-made {@link KpiHistory}: each figure equals the
 * value worked out by hand below, and the API JSON and the XLSX download carry the same figures.
 *
 * <p>Hand computation for DAY (debtor-local): attempts c1..c6 = 6 (c7 is 01:30 of the next day in Shanghai); RPC c1,
 * c3, c6 = 3; PTP contacts c1, c6 = 2. Promises made on DAY p1 500 + p2 300; resolved on DAY p0 BROKEN 200/0,
 * p2 PARTIALLY_KEPT 300/100, p3 KEPT 400/400. Costs CALL 3.00 × 5 + SMS 0.10 × 1 = 15.10; payments m1..m4 = 1050.00.
 * Agent a1: c1, c2 (15h), c3 (10h) → 3 attempts in 2 hours; a2: c5 (10h), c4 (12h), c6 (15h London) → 3 in 3 hours.
 */
class ContactKpisIT extends IntegrationTest {

    private static final String COSTS = """
            {"costs": [{"currency": "CNY", "channel": "CALL", "amount": "3.00"},
                       {"currency": "CNY", "channel": "SMS", "amount": "0.10"},
                       {"currency": "CNY", "channel": "EMAIL", "amount": "0.01"},
                       {"currency": "CNY", "channel": "LETTER", "amount": "8.00"},
                       {"currency": "CNY", "channel": "VISIT", "amount": "120.00"}]}""";

    @Autowired
    UserAccounts users;

    private KpiHistory history;
    private String query;

    @BeforeEach
    void handMadeHistory() {
        history = new KpiHistory(jdbc, uniqueId("k")).build();
        ApiClient.Response saved = api().put("/api/v1/config/action-costs", COSTS);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        refresh();
        query = "?from=" + KpiHistory.DAY + "&to=" + KpiHistory.DAY + "&portfolio=" + history.portfolio;
    }

    private void refresh() {
        ApiClient.Response r = api().post("/api/v1/kpis/contacts/refresh?from=" + KpiHistory.DAY + "&to="
                + KpiHistory.DAY.plusDays(1), "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void headlineFiguresMatchTheHandComputedRates() {
        assertThat(rows("/api/v1/kpis/contacts/summary" + query)).containsExactly(
                // attempts, rpc, rpc_rate, ptp, ptp_rate, made, kept, kept_rate, agent hours, contacts per hour
                List.of("6", "3", "0.5", "2", "0.6667", "2", "1", "0.3333", "5", "1.2"));
    }

    @Test
    void contactsAreCountedInTheDebtorsLocalHourAndDate() {
        assertThat(rows("/api/v1/kpis/contacts/hours" + query)).containsExactly(
                List.of("CALL", "10", "1", "1", "1", "0", "0"),
                List.of("CALL", "12", "1", "0", "0", "0", "null"),
                List.of("CALL", "15", "3", "2", "0.6667", "2", "1"),
                List.of("SMS", "10", "1", "0", "0", "0", "null"));
        String nextDay = "?from=" + KpiHistory.DAY.plusDays(1) + "&to=" + KpiHistory.DAY.plusDays(1) + "&portfolio="
                + history.portfolio;
        assertThat(rows("/api/v1/kpis/contacts/hours" + nextDay))
                .as("17:30 UTC is 01:30 of the next day in Shanghai")
                .containsExactly(List.of("CALL", "1", "1", "1", "1", "0", "0"));
    }

    @Test
    void theFunnelGoesFromAttemptsToKeptPromises() {
        assertThat(rows("/api/v1/kpis/contacts/funnel" + query)).extracting(r -> List.of(r.get(0), r.get(2), r.get(3)))
                .containsExactly(List.of("ATTEMPTS", "6", "null"), List.of("RPC", "3", "0.5"),
                        List.of("PTP", "2", "0.6667"), List.of("KEPT", "1", "0.3333"));
    }

    @Test
    void promisesAreCountedWhenMadeAndWhenResolved() {
        assertThat(rows("/api/v1/kpis/contacts/promises" + query)).containsExactly(
                // made, promised, resolved, kept, partially, broken, kept rate, due, paid, kept amount rate
                List.of("CNY", "2", "800", "3", "1", "1", "1", "0.3333", "900", "500", "0.5556"));
    }

    @Test
    void channelsCarryTheirCostsAndThePromisesTheyObtained() {
        assertThat(rows("/api/v1/kpis/contacts/channels" + query)).containsExactly(
                List.of("CALL", "CNY", "5", "3", "0.6", "2", "0.6667", "0", "15", "5", "100"),
                List.of("NONE", "CNY", "0", "0", "null", "0", "null", "1", "0", "null", "400"),
                List.of("SMS", "CNY", "1", "0", "0", "0", "null", "0", "0.1", "null", "0"));
        assertThat(rows("/api/v1/kpis/contacts/recovery" + query)).containsExactly(
                List.of("CALL", "15", "CNY", "1", "100"),
                List.of("NONE", "17", "CNY", "1", "400"));
    }

    @Test
    void costToCollectIsActionCostOverAmountRecovered() {
        // 15.10 / 1050.00 = 0.01438...
        assertThat(rows("/api/v1/kpis/contacts/cost" + query)).containsExactly(List.of("CNY", "15.1", "1050", "0.0144"));
    }

    @Test
    void agentKpisUseDistinctHoursWithActivityAsWorkingTime() {
        assertThat(rows("/api/v1/kpis/agents" + query)).containsExactly(
                List.of(history.agent1, history.team, "3", "2", "0.6667", "1", "0.5", "2", "1.5", "1", "0", "0",
                        "null", "null"),
                List.of(history.agent2, history.team, "3", "1", "0.3333", "1", "1", "3", "1", "1", "1", "0.5",
                        "null", "null"));
        assertThat(rows("/api/v1/kpis/agents/trend" + query)).containsExactly(
                List.of(history.agent1, KpiHistory.DAY.toString(), "3", "2", "2", "1.5"),
                List.of(history.agent2, KpiHistory.DAY.toString(), "3", "1", "3", "1"));
    }

    @Test
    void theTeamFilterNarrowsToTheTeamsAgents() {
        assertThat(rows("/api/v1/kpis/agents" + query + "&team=" + history.team)).hasSize(2);
        assertThat(rows("/api/v1/kpis/agents" + query + "&team=no-such-team")).isEmpty();
    }

    @Test
    void aTeamLeadSeesOnlyTheirOwnTeam() {
        String lead = history.team + "-lead";
        users.createIfAbsent(lead, "lead-pass-1234", "Lead", Role.TEAM_LEAD, "en");
        jdbc.sql("UPDATE app_user SET team = ? WHERE username = ?").params(history.team, lead).update();
        ApiClient.Response asked = api(lead, "lead-pass-1234").get("/api/v1/kpis/agents" + query + "&team=another-team");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().path("rows").size()).isEqualTo(2);
        assertThat(asked.json().path("rows").get(0).get(1).asString()).isEqualTo(history.team);
    }

    @Test
    void armsGetWilsonIntervals() {
        String q = "?from=" + KpiHistory.DAY + "&to=" + KpiHistory.DAY + "&portfolio=" + history.portfolio;
        // champion X1, X2, X4: 2 of 3 reached and paying → Wilson 95 % [0.2077, 0.9385]; challenger X3: 1 of 1 → [0.2065, 1]
        assertThat(rows("/api/v1/kpis/experiments" + q)).containsExactly(
                List.of(history.experiment, "challenger", "1", "1", "1", "0.2065", "1", "1", "1", "0.2065", "1"),
                List.of(history.experiment, "champion", "3", "2", "0.6667", "0.2077", "0.9385", "2", "0.6667", "0.2077",
                        "0.9385"));
    }

    @Test
    void complianceBlocksAreCountedPerReasonAndChannel() {
        assertThat(rows("/api/v1/kpis/compliance" + query)).containsExactly(
                List.of("QUIET_HOURS", "2", "0.6667", "1"),
                List.of("DAILY_CAP", "1", "0.3333", "0.5"));
        assertThat(rows("/api/v1/kpis/compliance/channels" + query)).containsExactly(
                List.of("CALL", "2", "1", "0.5"),
                List.of("SMS", "1", "1", "1"));
    }

    @Test
    void maintainingADayAgainGivesTheSameFigures() {
        List<List<String>> before = rows("/api/v1/kpis/contacts/channels" + query);
        refresh();
        refresh();
        assertThat(rows("/api/v1/kpis/contacts/channels" + query)).isEqualTo(before);
        long contactRows = jdbc.sql("SELECT COUNT(*) FROM kpi_contact_hour WHERE portfolio = ? AND business_date = ?")
                .params(history.portfolio, KpiHistory.DAY).query(Long.class).single();
        assertThat(contactRows).isEqualTo(5);
    }

    @Test
    void theXlsxDownloadHoldsTheSameFiguresAsTheJson() throws Exception {
        for (String path : List.of("/api/v1/kpis/contacts/summary", "/api/v1/kpis/contacts/hours",
                "/api/v1/kpis/contacts/channels", "/api/v1/kpis/agents", "/api/v1/kpis/experiments")) {
            List<List<String>> json = rows(path + query);
            HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path + query + "&format=xlsx"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                List<Row> sheet = book.getFirstSheet().read();
                List<List<String>> cells = new ArrayList<>();
                int width = json.isEmpty() ? 0 : json.get(0).size();
                for (Row row : sheet.subList(1, sheet.size())) {
                    List<String> r = new ArrayList<>();
                    for (int c = 0; c < width; c++) {
                        r.add(norm(c < row.getCellCount() && row.getCell(c) != null ? row.getCell(c).getRawValue() : null));
                    }
                    cells.add(r);
                }
                assertThat(cells).as(path).isEqualTo(json);
            }
        }
    }

    @Test
    void aBadFilterIsAProblemNamingTheField() {
        ApiClient.Response r = api().get("/api/v1/kpis/agents?from=2031-03-10&to=2031-03-01");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asString()).isEqualTo("to");
        ApiClient.Response bad = api().get("/api/v1/kpis/agents?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asString()).isEqualTo("from");
    }

    @Test
    void actionCostsAreValidatedOnSave() {
        ApiClient.Response r = api().put("/api/v1/config/action-costs",
                "{\"costs\": [{\"currency\": \"CNY\", \"channel\": \"FAX\", \"amount\": \"1.00\"}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asString()).isEqualTo("costs[0].channel");
        ApiClient.Response decimals = api().put("/api/v1/config/action-costs",
                "{\"costs\": [{\"currency\": \"CNY\", \"channel\": \"SMS\", \"amount\": \"0.001\"}]}");
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.json().path("field").asString()).isEqualTo("costs[0].amount");
        assertThat(api().get("/api/v1/config/action-costs").json().path("costs").size()).isEqualTo(5);
    }

    /** The rows of the table at {@code path}, cells as normalized text ("null" for empty, numbers without trailing zeros). */
    private List<List<String>> rows(String path) {
        ApiClient.Response r = api().get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : r.json().path("rows")) {
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : row) {
                cells.add(norm(cell.isNull() ? null : cell.asString()));
            }
            rows.add(cells);
        }
        return rows;
    }

    static String norm(String value) {
        if (value == null || value.isEmpty()) {
            return "null";
        }
        try {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }
}

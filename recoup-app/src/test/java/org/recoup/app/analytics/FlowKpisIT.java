package org.recoup.app.analytics;

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
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portfolio-flow KPIs of docs/kpis.md on the hand-made history of {@link FlowHistory} (three business dates,
 * five accounts, real daily runs): every figure is computed by hand in the test, and the same figure is found in the
 * API JSON, the dashboard's data, the dashboard page and the XLSX download.
 */
class FlowKpisIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FlowHistory history;

    @org.springframework.beans.factory.annotation.Autowired
    UserAccounts users;

    @BeforeEach
    void history() {
        if (history == null) {
            history = new FlowHistory(jdbc, api(), uniqueId("KPF"), uniqueId("kpi-team"), 2090);
        }
    }

    @Test
    void rollRateMatrixSumsTheDayToDayMovesOfTheRangeByAccountsAndByOutstandingPrincipal() {
        Tab roll = kpi("roll-rates", history.filter()).table(0);

        // from M0: d2 B→M1, C→M0; d3 C→M0
        JsonNode current = roll.find("from_bucket", "M0", "to_bucket", "M0");
        assertThat(roll.text(current, "movement")).isEqualTo("STAY");
        assertThat(roll.integer(current, "accounts")).isEqualTo(2);
        assertThat(roll.integer(current, "from_accounts")).isEqualTo(3);
        assertThat(roll.decimal(current, "count_rate")).isEqualByComparingTo("0.6667");
        assertThat(roll.decimal(roll.find("from_bucket", "M0", "to_bucket", "M1"), "count_rate"))
                .isEqualByComparingTo("0.3333");
        // from M1: d2 A→M1 (1000), D→M2 (3000); d3 A→M0 (1000), B→M1 (500): 4 accounts, 5500.00 outstanding
        var back = roll.find("from_bucket", "M1", "to_bucket", "M0");
        assertThat(roll.text(back, "movement")).isEqualTo("ROLL_BACK");
        assertThat(roll.decimal(back, "count_rate")).isEqualByComparingTo("0.2500");
        assertThat(roll.decimal(back, "outstanding")).isEqualByComparingTo("1000.00");
        assertThat(roll.decimal(back, "from_outstanding")).isEqualByComparingTo("5500.00");
        assertThat(roll.decimal(back, "amount_rate")).isEqualByComparingTo("0.1818");
        var stay = roll.find("from_bucket", "M1", "to_bucket", "M1");
        assertThat(roll.decimal(stay, "count_rate")).isEqualByComparingTo("0.5000");
        assertThat(roll.decimal(stay, "amount_rate")).isEqualByComparingTo("0.2727");
        var forward = roll.find("from_bucket", "M1", "to_bucket", "M2");
        assertThat(roll.text(forward, "movement")).isEqualTo("ROLL_FORWARD");
        assertThat(roll.decimal(forward, "count_rate")).isEqualByComparingTo("0.2500");
        assertThat(roll.decimal(forward, "amount_rate")).isEqualByComparingTo("0.5455");
        // M4: d2 E stays, d3 E rolls to M5
        assertThat(roll.decimal(roll.find("from_bucket", "M4", "to_bucket", "M5"), "count_rate"))
                .isEqualByComparingTo("0.5000");
        assertThat(roll.decimal(roll.find("from_bucket", "M2", "to_bucket", "M2"), "count_rate"))
                .isEqualByComparingTo("1.0000");
        // the matrix is in the policy's bucket order and counts 3 + 4 + 1 + 2 account-days
        assertThat(roll.column("from_bucket")).containsExactly("M0", "M0", "M1", "M1", "M1", "M2", "M4", "M4");
    }

    @Test
    void cureEntryAndRecoveryRatesAreComputedPerDayFromThePreviousDateAndOverTheRangeAsSumsOverSums() {
        Report report = kpi("cure-recovery", history.filter());
        Tab daily = report.table(0);

        var d2 = daily.find("as_of", history.d2.toString());
        assertThat(daily.integer(d2, "delinquent_accounts")).isEqualTo(3); // A, D, E on d1
        assertThat(daily.integer(d2, "cures")).isZero();
        assertThat(daily.integer(d2, "current_accounts")).isEqualTo(2); // B, C
        assertThat(daily.integer(d2, "entries")).isEqualTo(1); // B
        assertThat(daily.decimal(d2, "entry_rate")).isEqualByComparingTo("0.5000");
        assertThat(daily.decimal(d2, "delinquent_overdue")).isEqualByComparingTo("4800.00");
        assertThat(daily.decimal(d2, "recovery_rate")).isEqualByComparingTo("0.0000");

        var d3 = daily.find("as_of", history.d3.toString());
        assertThat(daily.integer(d3, "delinquent_accounts")).isEqualTo(4); // A, B, D, E on d2
        assertThat(daily.integer(d3, "cures")).isEqualTo(1); // A
        assertThat(daily.decimal(d3, "cure_rate")).isEqualByComparingTo("0.2500");
        assertThat(daily.decimal(d3, "delinquent_overdue")).isEqualByComparingTo("5300.00");
        assertThat(daily.decimal(d3, "recovered")).isEqualByComparingTo("1100.00");
        assertThat(daily.decimal(d3, "recovery_rate")).isEqualByComparingTo("0.2075"); // 1100 / 5300
        assertThat(daily.decimal(d3, "recovered_all")).isEqualByComparingTo("1100.00");
        // d1 has no previous state of these accounts: no flow row
        assertThat(daily.column("as_of")).containsExactly(history.d2.toString(), history.d3.toString());

        Tab total = report.table(1);
        var cny = total.find("currency", "CNY");
        assertThat(total.integer(cny, "delinquent_accounts")).isEqualTo(7);
        assertThat(total.decimal(cny, "cure_rate")).isEqualByComparingTo("0.1429"); // 1 / 7
        assertThat(total.decimal(cny, "entry_rate")).isEqualByComparingTo("0.3333"); // 1 / 3
        assertThat(total.decimal(cny, "recovery_rate")).isEqualByComparingTo("0.1089"); // 1100 / 10100
    }

    @Test
    void bucketMixCountsEachBusinessDatesAccountsAndAmountsByBucket() {
        Tab mix = kpi("bucket-mix", history.filter()).table(0);

        var m0 = mix.find("as_of", history.d3.toString(), "bucket", "M0");
        assertThat(mix.integer(m0, "accounts")).isEqualTo(2); // A (cured), C
        assertThat(mix.decimal(m0, "accounts_share")).isEqualByComparingTo("0.4000");
        assertThat(mix.decimal(m0, "outstanding")).isEqualByComparingTo("2000.00");
        var m2 = mix.find("as_of", history.d3.toString(), "bucket", "M2");
        assertThat(mix.decimal(m2, "overdue")).isEqualByComparingTo("2900.00"); // D after paying 100
        assertThat(mix.integer(mix.find("as_of", history.d1.toString(), "bucket", "M1"), "accounts")).isEqualTo(2);
        assertThat(mix.integer(mix.find("as_of", history.d3.toString(), "bucket", "M5"), "accounts")).isEqualTo(1);
        assertThat(mix.rows()).hasSize(4 + 3 + 4); // d1: M0 M1 M4; d2: M0 M1 M2 M4; d3: M0 M1 M2 M5
    }

    @Test
    void agingReportShowsAgingBucketByRiskClassOnTheLastDateOfTheRange() {
        Tab aging = kpi("aging", history.filter()).table(0);

        var current = aging.find("aging_bucket", "CURRENT", "risk_class", "NOT_DUE");
        assertThat(aging.text(current, "as_of")).isEqualTo(history.d3.toString());
        assertThat(aging.integer(current, "accounts")).isEqualTo(2);
        var overdue = aging.find("aging_bucket", "Y0_1", "risk_class", "OVERDUE");
        assertThat(aging.integer(overdue, "accounts")).isEqualTo(3); // B, D, E
        assertThat(aging.decimal(overdue, "overdue")).isEqualByComparingTo("4200.00"); // 500 + 2900 + 800
        assertThat(aging.decimal(overdue, "overdue_share")).isEqualByComparingTo("1.0000");
        assertThat(aging.rows()).hasSize(2);
    }

    @Test
    void vintagesFollowOpenMonthCohortsByMonthsOnBookAtEachMonthsLastBusinessDate() {
        Tab vintages = kpi("vintages", history.filter()).table(0);

        // cohort 2090-01 (A B C D, 6500.00): March point is d2 (mob 2), April point is d3 (mob 3)
        var march = vintages.find("open_month", "2090-01", "mob", "2");
        assertThat(vintages.text(march, "as_of")).isEqualTo(history.d2.toString());
        assertThat(vintages.integer(march, "accounts")).isEqualTo(4);
        assertThat(vintages.decimal(march, "principal")).isEqualByComparingTo("6500.00");
        assertThat(vintages.decimal(march, "delinquent_rate")).isEqualByComparingTo("0.7500"); // A B D
        assertThat(vintages.decimal(march, "dpd30_rate")).isEqualByComparingTo("0.2500"); // D at 31
        var april = vintages.find("open_month", "2090-01", "mob", "3");
        assertThat(vintages.decimal(april, "delinquent_rate")).isEqualByComparingTo("0.5000"); // B D
        assertThat(vintages.decimal(april, "loss_rate")).isEqualByComparingTo("0.0000");
        // cohort 2089-06 (E): 90+ dpd, its whole principal is the loss balance
        var cards = vintages.find("open_month", "2089-06", "mob", "10");
        assertThat(vintages.decimal(cards, "dpd90_rate")).isEqualByComparingTo("1.0000");
        assertThat(vintages.decimal(cards, "dpd90_outstanding")).isEqualByComparingTo("800.00");
        assertThat(vintages.decimal(cards, "loss_rate")).isEqualByComparingTo("1.0000");
        assertThat(vintages.rows()).hasSize(4);
    }

    @Test
    void teamAndProductFiltersSelectTheirAccountsOnly() {
        Tab team = kpi("cure-recovery", history.filter() + "&team=" + history.team).table(1);
        var a = team.find("currency", "CNY");
        assertThat(team.integer(a, "delinquent_accounts")).isEqualTo(2); // only A, on d2 and d3
        assertThat(team.decimal(a, "cure_rate")).isEqualByComparingTo("0.5000");
        assertThat(team.decimal(a, "recovered")).isEqualByComparingTo("1000.00");

        Tab cards = kpi("bucket-mix", history.filter() + "&product=CREDIT_CARD").table(0);
        assertThat(cards.column("bucket")).containsExactly("M4", "M4", "M5");
    }

    @Test
    void aTeamLeadSeesTheFiguresOfTheirOwnTeamWhateverTeamTheyAskFor() {
        String lead = uniqueId("kpi-lead");
        users.create(lead, "kpi-lead-password", new UserAccounts.UserFields(lead, Role.TEAM_LEAD, null, history.team,
                null, "en", true));

        var asked = api(lead, "kpi-lead-password").get("/api/v1/kpis/cure-recovery?" + history.filter()
                + "&team=some-other-team");

        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        Tab own = new Report(asked.json()).table(1);
        var a = own.find("currency", "CNY");
        assertThat(own.integer(a, "delinquent_accounts")).isEqualTo(2); // the lead's team: only A, on d2 and d3
        assertThat(own.decimal(a, "recovered")).isEqualByComparingTo("1000.00");
    }

    @Test
    void theSameFiguresAppearInTheApiTheDashboardDataThePageAndTheXlsxExport() throws Exception {
        String filter = history.filter();
        Tab api = kpi("cure-recovery", filter).table(1);
        BigDecimal cureRate = api.decimal(api.find("currency", "CNY"), "cure_rate");
        BigDecimal recovered = api.decimal(api.find("currency", "CNY"), "recovered");

        Browser browser = new Browser(port);
        browser.signIn("admin", ADMIN_PASSWORD);
        Browser.Page data = browser.get("/ui/kpis/cure-recovery/data?" + filter);
        assertThat(data.status()).isEqualTo(200);
        Tab dashboard = new Report(JSON.readTree(data.body())).table(1);
        assertThat(dashboard.decimal(dashboard.find("currency", "CNY"), "cure_rate")).isEqualByComparingTo(cureRate);
        assertThat(dashboard.decimal(dashboard.find("currency", "CNY"), "recovered")).isEqualByComparingTo(recovered);

        String page = browser.get("/ui/kpis/cure-recovery?" + filter).body();
        String totals = page.substring(page.indexOf("data-table-index=\"1\""));
        assertThat(new BigDecimal(cell(totals, "cure_rate"))).isEqualByComparingTo(cureRate);
        assertThat(new BigDecimal(cell(totals, "recovered"))).isEqualByComparingTo(recovered);

        HttpResponse<byte[]> xlsx = download("/api/v1/kpis/cure-recovery?format=xlsx&" + filter);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("kpi-cure-recovery.xlsx");
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Sheet> sheets = book.getSheets().toList();
            assertThat(sheets).hasSize(2);
            List<Row> rows = sheets.get(1).read();
            List<String> header = new ArrayList<>();
            rows.getFirst().forEach(c -> header.add(c.getRawValue()));
            Row cny = rows.stream().filter(r -> "CNY".equals(r.getCellText(0))).findFirst().orElseThrow();
            int cureColumn = header.indexOf(api.label("cure_rate"));
            int recoveredColumn = header.indexOf(api.label("recovered"));
            assertThat(cny.getCellAsNumber(cureColumn).orElseThrow()).isEqualByComparingTo(cureRate);
            assertThat(cny.getCellAsNumber(recoveredColumn).orElseThrow()).isEqualByComparingTo(recovered);
        }

        HttpResponse<byte[]> csv = download("/api/v1/kpis/roll-rates?format=csv&" + filter);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("CNY,M1,M0,ROLL_BACK,1,4,0.2500,1000.00,5500.00,0.1818");
    }

    @Test
    void aRerunOfADateReplacesItsAggregatesAndARepeatedRerunChangesNothing() {
        // the first rerun sees the team the queue routed d2's new case to after d2's run; totals do not move
        String totals = kpi("cure-recovery", history.filter()).table(1).node().toString();
        FlowHistory.run(api(), history.d2);
        String before = aggregates();
        FlowHistory.run(api(), history.d2);
        assertThat(aggregates()).isEqualTo(before);
        assertThat(kpi("cure-recovery", history.filter()).table(1).node().toString()).isEqualTo(totals);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_flow_daily WHERE portfolio = ? AND as_of = ?")
                .params(history.portfolio, history.d3).query(Long.class).single()).isPositive();
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedNamingTheField() {
        var response = api().get("/api/v1/kpis/bucket-mix?from=" + history.d3 + "&to=" + history.d1);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("from");
        var format = api().get("/api/v1/kpis/aging?format=pdf");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("field").asString()).isEqualTo("format");
    }

    @Test
    void agentsMayNotReadPortfolioKpis() {
        assertThat(api("agent-nobody", "x").get("/api/v1/kpis/aging").status()).isIn(401, 403);
        Browser browser = new Browser(port);
        browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(browser.get("/ui/kpis/no-such-dashboard").status()).isEqualTo(404);
    }

    /** The data-value of the first cell of the column in the HTML. */
    private static String cell(String html, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-key=\"" + key + "\" data-value=\"([^\"]*)\"")
                .matcher(html);
        assertThat(m.find()).as("a cell " + key).isTrue();
        return m.group(1);
    }

    private String aggregates() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("kpi_position_daily", "kpi_flow_daily", "kpi_vintage_daily")) {
            all.append(jdbc.sql("SELECT * FROM " + table + " WHERE portfolio = ? ORDER BY 1, 2, 3, 4, 5, 6, 7, 8")
                    .param(history.portfolio).query().listOfRows());
        }
        return all.toString();
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Report kpi(String dashboard, String filter) {
        var response = api().get("/api/v1/kpis/" + dashboard + "?" + filter);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new Report(response.json());
    }

    /** A {@link FlowReport} as JSON. */
    record Report(JsonNode node) {
        Tab table(int i) {
            return new Tab(node.get("tables").get(i));
        }
    }

    /** One table of a report: rows found by column keys. */
    record Tab(JsonNode node) {
        int col(String key) {
            JsonNode columns = node.get("columns");
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).get("key").asString().equals(key)) {
                    return i;
                }
            }
            throw new AssertionError("no column " + key + " in " + node.get("title"));
        }

        String label(String key) {
            return node.get("columns").get(col(key)).get("label").asString();
        }

        List<JsonNode> rows() {
            List<JsonNode> rows = new ArrayList<>();
            node.get("rows").forEach(rows::add);
            return rows;
        }

        List<String> column(String key) {
            return rows().stream().map(r -> text(r, key)).toList();
        }

        JsonNode find(String... keyValues) {
            return rows().stream().filter(r -> {
                for (int i = 0; i < keyValues.length; i += 2) {
                    if (!keyValues[i + 1].equals(text(r, keyValues[i]))) {
                        return false;
                    }
                }
                return true;
            }).findFirst().orElseThrow(() -> new AssertionError("no row " + Map.of("match", List.of(keyValues))
                    + " in " + node));
        }

        String text(JsonNode row, String key) {
            JsonNode cell = row.get(col(key));
            return cell.isNull() ? null : cell.isNumber() ? cell.numberValue().toString() : cell.asString();
        }

        long integer(JsonNode row, String key) {
            return row.get(col(key)).asLong();
        }

        BigDecimal decimal(JsonNode row, String key) {
            return row.get(col(key)).decimalValue();
        }
    }
}

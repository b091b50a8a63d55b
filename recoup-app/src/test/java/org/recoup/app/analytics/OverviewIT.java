package org.recoup.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.web.Browser;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overview at {@code /}. Every test builds its own portfolio of states on a far-future business date, so that date
 * is the latest and the portfolio filter isolates the test's accounts from everything else in the shared database.
 */
class OverviewIT extends IntegrationTest {

    private static final LocalDate AS_OF = LocalDate.parse("2099-01-01");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String portfolio;
    private Browser browser;

    @BeforeEach
    void portfolioWithStates() {
        portfolio = uniqueId("PF");
        long run = run("SUCCEEDED");
        // CNY consumer loans, one credit card
        state(account("CONSUMER_LOAN", "CNY"), run, 0, "M0", "CURRENT", 0);
        state(account("CONSUMER_LOAN", "CNY"), run, 0, "M0", "PRE_DUE", 0);
        state(account("CONSUMER_LOAN", "CNY"), run, 5, "M1", "EARLY", 123_456);
        state(account("CONSUMER_LOAN", "CNY"), run, 20, "M1", "EARLY", 100_000);
        state(account("CONSUMER_LOAN", "CNY"), run, 75, "M3", "MID", 5_000_000);
        String legal = account("CREDIT_CARD", "CNY");
        state(legal, run, 400, "M6+", "LEGAL", 123_456_789);
        // the same account a day earlier: not the latest date, so not counted
        state(legal, AS_OF.minusDays(1), run, 399, "M6+", "LEGAL", 999_999_999);
        // USD receivables
        state(account("B2B_RECEIVABLE", "USD"), run, 45, "M2", "MID", 99_999);
        state(account("B2B_RECEIVABLE", "USD"), run, 3, "M1", "EARLY", 1);
        // JPY has no minor unit
        state(account("CREDIT_CARD", "JPY"), run, 10, "M1", "EARLY", 5_000);
        // in the debt file, not assessed yet
        account("CONSUMER_LOAN", "CNY");

        browser = new Browser(port);
        browser.signIn("admin", ADMIN_PASSWORD);
    }

    @Test
    void overviewCountsAccountsAndOverdueAmountsByBucketPerCurrency() {
        Browser.Page page = browser.get("/?portfolio=" + portfolio);

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("data-test=\"as-of\">2099-01-01<");
        assertThat(kpi(html, "accounts-in-file")).isEqualTo("10");
        assertThat(kpi(html, "accounts-with-state")).isEqualTo("9");
        assertThat(kpi(html, "accounts-overdue")).isEqualTo("7");

        assertThat(row(html, "CNY", "bucket", "M0")).containsExactly("M0", "2", "0.00");
        assertThat(row(html, "CNY", "bucket", "M1")).containsExactly("M1", "2", "2,234.56");
        assertThat(row(html, "CNY", "bucket", "M3")).containsExactly("M3", "1", "50,000.00");
        assertThat(row(html, "CNY", "bucket", "M6+")).containsExactly("M6+", "1", "1,234,567.89");
        assertThat(row(html, "CNY", "bucket", "TOTAL")).containsExactly("合计", "6", "1,286,802.45");
        assertThat(row(html, "USD", "bucket", "M2")).containsExactly("M2", "1", "999.99");
        assertThat(row(html, "USD", "bucket", "TOTAL")).containsExactly("合计", "2", "1,000.00");
        assertThat(row(html, "JPY", "bucket", "M1")).containsExactly("M1", "1", "5,000");
    }

    @Test
    void overviewCountsAccountsAndOverdueAmountsByStage() {
        String html = browser.get("/?portfolio=" + portfolio).body();

        assertThat(row(html, "CNY", "stage", "PRE_DUE")).containsExactly("到期提醒", "1", "0.00");
        assertThat(row(html, "CNY", "stage", "EARLY")).containsExactly("早期催收", "2", "2,234.56");
        assertThat(row(html, "CNY", "stage", "LEGAL")).containsExactly("法务催收", "1", "1,234,567.89");
        assertThat(row(html, "USD", "stage", "MID")).containsExactly("中期催收", "1", "999.99");
    }

    @Test
    void overdueTotalIsShownPerCurrencyNeverAddedAcrossCurrencies() {
        String html = browser.get("/?portfolio=" + portfolio).body();
        String totals = between(html, "data-kpi=\"overdue-total\"", "</section>");

        assertThat(overdueTotal(totals, "CNY")).isEqualTo("1,286,802.45");
        assertThat(overdueTotal(totals, "USD")).isEqualTo("1,000.00");
        assertThat(overdueTotal(totals, "JPY")).isEqualTo("5,000");
        assertThat(html).doesNotContain("1,287,802.45");
    }

    @Test
    void bucketsAndStagesFollowThePolicyOrderNotTheAlphabet() {
        JsonNode data = data("portfolio=" + portfolio);

        for (JsonNode currency : data.get("overview").get("currencies")) {
            assertThat(names(currency.get("buckets"))).as(currency.get("currency").asString())
                    .containsExactly("M0", "M1", "M2", "M3", "M6+");
            assertThat(names(currency.get("stages"))).containsExactly("PRE_DUE", "CURRENT", "EARLY", "MID", "LEGAL");
        }
    }

    @Test
    void dataEndpointAnswersTheGroupedNumbersOfTheFilter() {
        JsonNode data = data("portfolio=" + portfolio + "&product=CREDIT_CARD");
        JsonNode overview = data.get("overview");

        assertThat(overview.get("asOf").asString()).isEqualTo("2099-01-01");
        assertThat(overview.get("accountsInFile").asLong()).isEqualTo(2);
        assertThat(overview.get("accountsWithState").asLong()).isEqualTo(2);
        assertThat(overview.get("accountsOverdue").asLong()).isEqualTo(2);
        JsonNode currencies = overview.get("currencies");
        assertThat(currencies).hasSize(2);
        JsonNode cny = currency(overview, "CNY");
        assertThat(cny.get("digits").asInt()).isEqualTo(2);
        assertThat(tally(cny.get("buckets"), "M6+").get("accounts").asLong()).isEqualTo(1);
        assertThat(tally(cny.get("buckets"), "M6+").get("overdueMinor").asLong()).isEqualTo(123_456_789);
        assertThat(cny.get("total").get("overdueMinor").asLong()).isEqualTo(123_456_789);
        JsonNode jpy = currency(overview, "JPY");
        assertThat(jpy.get("digits").asInt()).isEqualTo(0);
        assertThat(tally(jpy.get("stages"), "EARLY").get("overdueMinor").asLong()).isEqualTo(5_000);
        assertThat(data.get("stageLabels").get("LEGAL").asString()).isEqualTo("法务催收");
    }

    @Test
    void dataEndpointCountsOverdueAccountsByDpd() {
        JsonNode overview = data("portfolio=" + portfolio).get("overview");

        JsonNode cny = currency(overview, "CNY");
        assertThat(cny.get("total").get("accounts").asLong()).isEqualTo(6);
        assertThat(cny.get("total").get("accountsOverdue").asLong()).isEqualTo(4);
        assertThat(tally(cny.get("buckets"), "M0").get("accountsOverdue").asLong()).isZero();
        assertThat(currency(overview, "USD").get("total").get("overdueMinor").asLong()).isEqualTo(100_000);
    }

    @Test
    void overviewNamesTheLatestSuccessfulRunOfTheDate() {
        run("FAILED");
        long expected = jdbc.sql("SELECT MAX(run_id) FROM daily_run WHERE as_of = ? AND status = 'SUCCEEDED'")
                .param(AS_OF).query(Long.class).single();

        JsonNode run = data("portfolio=" + portfolio).get("overview").get("run");

        assertThat(run.get("id").asLong()).isEqualTo(expected);
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(browser.get("/?portfolio=" + portfolio).body()).contains("日终批处理 #" + expected, "已成功");
    }

    @Test
    void changingTheFilterWithHtmxSwapsOnlyTheFragment() {
        Browser.Page fragment = browser.get("/?portfolio=" + portfolio + "&product=B2B_RECEIVABLE",
                Map.of("HX-Request", "true"));

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body().strip()).startsWith("<section id=\"overview-content\"").doesNotContain("<html");
        assertThat(fragment.body()).contains("data-src=\"/ui/overview/data?portfolio=" + portfolio + "&amp;product=B2B_RECEIVABLE\"");
        assertThat(row(fragment.body(), "USD", "bucket", "TOTAL")).containsExactly("合计", "2", "1,000.00");
        assertThat(fragment.body()).doesNotContain("data-currency=\"CNY\"");
        assertThat(fragment.header("Vary")).contains("HX-Request");
    }

    @Test
    void fullPageOffersThePortfolioAndProductFilters() {
        String html = browser.get("/?portfolio=" + portfolio).body();

        assertThat(html).contains("<option value=\"" + portfolio + "\" selected=\"selected\">" + portfolio + "</option>");
        assertThat(html).contains("<option value=\"CREDIT_CARD\">信用卡</option>");
        assertThat(html).contains("hx-get=\"/\"", "hx-target=\"#overview-content\"", "hx-push-url=\"true\"");
    }

    @Test
    void filterWithoutAccountsSaysSo() {
        String html = browser.get("/?portfolio=" + uniqueId("nobody")).body();

        assertThat(html).contains("该业务日期下没有符合筛选条件的已评估账户。");
        assertThat(kpi(html, "accounts-in-file")).isEqualTo("0");
    }

    @Test
    void overviewIsInEnglishForAnEnglishUser() {
        String username = uniqueId("en-user");
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, locale) VALUES (?, ?, ?, 'AGENT', 'en')")
                .params(username, "{noop}pw-" + username, "English Reader").update();
        Browser english = new Browser(port);
        english.signIn(username, "pw-" + username);

        String html = english.get("/?portfolio=" + portfolio).body();

        assertThat(html).contains(">Overview<", "Accounts in the debt file", "By bucket", "English Reader");
        assertThat(row(html, "CNY", "bucket", "TOTAL")).containsExactly("Total", "6", "1,286,802.45");
        assertThat(row(html, "CNY", "stage", "PRE_DUE")).containsExactly("Pre-due", "1", "0.00");
        assertThat(data(english, "portfolio=" + portfolio).get("stageLabels").get("LEGAL").asString()).isEqualTo("Legal");
    }

    @Test
    void dataEndpointNeedsASignedInUser() {
        Browser.Page anonymous = new Browser(port).get("/ui/overview/data?portfolio=" + portfolio);

        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.redirectPath()).isEqualTo("/login");
    }

    // --- fixture ------------------------------------------------------------------------------------------------

    private long run(String status) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO daily_run (as_of, status, policy_version, accounts_total, accounts_done, requested_by,
                                               requested_at, started_at, finished_at)
                        VALUES (?, ?, 1, 0, 0, 'overview-it', ?, ?, ?)""")
                .params(AS_OF, status, now(), now(), now())
                .update(keys, "run_id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.of(2099, 1, 2, 1, 30, 0, 0, ZoneOffset.UTC);
    }

    private String account(String product, String currency) {
        String id = uniqueId("OV");
        jdbc.sql("""
                        INSERT INTO account (account_id, product, currency, principal_minor, open_date, portfolio)
                        VALUES (?, ?, ?, 1000000, DATE '2098-01-01', ?)""")
                .params(id, product, currency, portfolio)
                .update();
        return id;
    }

    private void state(String accountId, long runId, int dpd, String bucket, String stage, long overdueMinor) {
        state(accountId, AS_OF, runId, dpd, bucket, stage, overdueMinor);
    }

    private void state(String accountId, LocalDate asOf, long runId, int dpd, String bucket, String stage,
                       long overdueMinor) {
        String currency = jdbc.sql("SELECT currency FROM account WHERE account_id = ?").param(accountId)
                .query(String.class).single();
        jdbc.sql("""
                        INSERT INTO account_state (as_of, account_id, run_id, currency, dpd, bucket, stage, aging_bucket,
                            risk_class, overdue_principal_minor, overdue_interest_minor, overdue_fees_minor,
                            overdue_penalty_minor, overdue_total_minor, outstanding_principal_minor, penalty_accrued_minor,
                            unapplied_credit_minor, policy_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 1000000, 0, 0, 1)""")
                .params(asOf, accountId, runId, currency, dpd, bucket, stage, dpd == 0 ? "CURRENT" : "Y0_1",
                        dpd == 0 ? "NOT_DUE" : "OVERDUE", overdueMinor, overdueMinor)
                .update();
    }

    // --- reading the page and the data ---------------------------------------------------------------------------

    private JsonNode data(String query) {
        return data(browser, query);
    }

    private static JsonNode data(Browser browser, String query) {
        Browser.Page page = browser.get("/ui/overview/data?" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("application/json");
        return JSON.readTree(page.body());
    }

    private static JsonNode currency(JsonNode overview, String code) {
        for (JsonNode c : overview.get("currencies")) {
            if (c.get("currency").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no currency " + code + " in " + overview);
    }

    private static JsonNode tally(JsonNode tallies, String name) {
        for (JsonNode t : tallies) {
            if (t.get("name").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no " + name + " in " + tallies);
    }

    private static List<String> names(JsonNode tallies) {
        List<String> names = new ArrayList<>();
        tallies.forEach(t -> names.add(t.get("name").asString()));
        return names;
    }

    private static String kpi(String html, String name) {
        Matcher m = Pattern.compile("data-kpi=\"" + Pattern.quote(name) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("KPI " + name).isTrue();
        return m.group(1).strip();
    }

    private static String overdueTotal(String kpi, String currency) {
        Matcher m = Pattern.compile("data-currency=\"" + currency + "\">\\s*<span class=\"ccy\">" + currency
                + "</span>\\s*<span class=\"kpi-value\">([^<]*)</span>").matcher(kpi);
        assertThat(m.find()).as("overdue total in " + currency).isTrue();
        return m.group(1);
    }

    /** The cell texts of one row of a currency's bucket or stage table. */
    private static List<String> row(String html, String currency, String table, String name) {
        String section = between(html, "<section class=\"currency\" data-currency=\"" + currency + "\"", "</section>");
        String rows = between(section, "data-table=\"" + table + "\"", "</table>");
        String row = between(rows, "<tr data-name=\"" + name + "\"", "</tr>");
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            cells.add(m.group(1).strip());
        }
        return cells;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'" + start + "' in the page").isNotNegative();
        int to = text.indexOf(end, from);
        assertThat(to).as("'" + end + "' after '" + start + "'").isPositive();
        return text.substring(from, to);
    }
}

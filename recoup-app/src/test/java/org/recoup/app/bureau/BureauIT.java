package org.recoup.app.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.RecoveryFixture;

/**
 * The monthly bureau file against a hand-written expected file: latest state on or before the month end, charge-off
 * and sale flags as of the month end, the layout as data. Uses a month no other test writes states for.
 */
class BureauIT extends IntegrationTest {

    @Test
    void theMonthlyFileMatchesTheHandWrittenExpectedFileInAConfiguredFixedWidthLayout() {
        RecoveryFixture fixture = new RecoveryFixture(jdbc);
        String tag = Long.toString(System.nanoTime() % 100_000, 36);
        String current = "BC" + tag + "-1";
        String late = "BC" + tag + "-2";
        String chargedOff = "BC" + tag + "-3";
        // month 2003-04, state dates inside it (and a later state that must not count)
        fixture.caseOf(current, LocalDate.parse("2003-04-30"), "M0", 0, 5_000_00, 0);
        fixture.caseOf(late, LocalDate.parse("2003-04-15"), "M2", 45, 1_234_56, 65_44);
        fixture.state(late, LocalDate.parse("2003-05-01"), "M2", 46, 1_234_56, 65_44);
        fixture.caseOf(chargedOff, LocalDate.parse("2003-04-30"), "M6+", 400, 900_00, 0);
        jdbc.sql("INSERT INTO charge_off (account_id, charged_off_on, reason_code, currency, balance_minor, created_at, "
                + "created_by) VALUES (?, DATE '2003-04-20', 'UNCOLLECTIBLE', 'CNY', 90000, CURRENT_TIMESTAMP, 'it')")
                .param(chargedOff).update();
        jdbc.sql("UPDATE party SET name = '张三' WHERE party_id = ?").param(late + "-B").update();

        ApiClient.Response saved = api().put("/api/v1/config/bureau-layout", """
                {"format":"FIXED","lineEnd":"LF","header":"H{month}{count}","fields":[
                  {"name":"account_id","width":12},
                  {"name":"as_of","width":8},
                  {"name":"status","width":11},
                  {"name":"dpd","width":3,"align":"RIGHT","pad":"0"},
                  {"name":"balance","width":9,"align":"RIGHT","pad":"0"},
                  {"name":"charged_off","width":1},
                  {"name":"name","source":"borrower_name","width":4,"overflow":"TRUNCATE"}]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        ApiClient.Response file = api().get("/api/v1/bureau/file?month=2003-04");
        assertThat(file.status()).isEqualTo(200);
        String expected = "H2003043\n"
                + pad(current) + "20030430CURRENT    000000500000NBorr\n"
                + pad(late) + "20030415DELINQUENT 045000130000N张三  \n"
                + pad(chargedOff) + "20030430CHARGED_OFF400000090000YBorr\n";
        assertThat(file.body()).isEqualTo(expected);
    }

    @Test
    void aLayoutWithAnUnknownSourceIsRefusedNamingTheFields() {
        ApiClient.Response r = api().put("/api/v1/config/bureau-layout", """
                {"format":"FIXED","fields":[{"name":"x","source":"shoe_size","width":3}]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("fields");
        assertThat(api().get("/api/v1/bureau/file?month=2003-13").json().get("field").asString()).isEqualTo("month");
    }

    private static String pad(String account) {
        return String.format("%-12s", account);
    }
}

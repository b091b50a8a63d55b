package org.recoup.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.recoup.app.ApiClient;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small hand-made history for the portfolio-flow KPIs: five accounts of one portfolio over three business dates
 * {@code d1 = <year>-03-30}, {@code d2 = -03-31}, {@code d3 = -04-01}, assessed by real daily runs. No penalty, no
 * grace, one instalment each, so every dpd and amount can be computed by hand (CNY, open 15 January unless said):
 *
 * <pre>
 *            instalment            d1 (03-30)      d2 (03-31)      d3 (04-01)
 * A  1000.00 due 03-29             dpd 1  M1       dpd 2  M1       pays 1000.00 on d3 → dpd 0 M0 (cure)
 * B   500.00 due 03-30             dpd 0  M0       dpd 1  M1       dpd 2  M1            (entry on d2)
 * C  2000.00 due 06-30             M0              M0              M0
 * D  3000.00 due 02-28             dpd 30 M1       dpd 31 M2       pays 100.00 on d3 → dpd 32 M2
 * E   800.00 due (year-1)-12-01    dpd 119 M4      dpd 120 M4      dpd 121 M5   (CREDIT_CARD, opened June year-1)
 * </pre>
 *
 * After the run of d1, the case of A is assigned to {@code team}.
 */
final class FlowHistory {

    final String portfolio;
    final String team;
    final LocalDate d1;
    final LocalDate d2;
    final LocalDate d3;
    final String a;

    FlowHistory(JdbcClient jdbc, ApiClient api, String portfolio, String team, int year) {
        this.portfolio = portfolio;
        this.team = team;
        this.d1 = LocalDate.of(year, 3, 30);
        this.d2 = d1.plusDays(1);
        this.d3 = d1.plusDays(2);
        DebtFileFixture file = new DebtFileFixture(jdbc);
        String open = year + "-01-15";
        a = account(jdbc, file, portfolio + "-A", "CONSUMER_LOAN", "1000.00", open)
                .installment(1, year + "-03-29", "1000.00", "0", "0")
                .payment(portfolio + "-PA", year + "-04-01T10:00:00+08:00", "1000.00").id();
        account(jdbc, file, portfolio + "-B", "CONSUMER_LOAN", "500.00", open)
                .installment(1, year + "-03-30", "500.00", "0", "0");
        account(jdbc, file, portfolio + "-C", "CONSUMER_LOAN", "2000.00", open)
                .installment(1, year + "-06-30", "2000.00", "0", "0");
        account(jdbc, file, portfolio + "-D", "CONSUMER_LOAN", "3000.00", open)
                .installment(1, year + "-02-28", "3000.00", "0", "0")
                .payment(portfolio + "-PD", year + "-04-01T09:00:00+08:00", "100.00");
        account(jdbc, file, portfolio + "-E", "CREDIT_CARD", "800.00", (year - 1) + "-06-10")
                .installment(1, (year - 1) + "-12-01", "800.00", "0", "0");
        run(api, d1);
        new CaseAssignments(jdbc).ofAccount(a).toAgent(team, null);
        run(api, d2);
        run(api, d3);
    }

    private static DebtFileFixture.AccountFixture account(JdbcClient jdbc, DebtFileFixture file, String id,
                                                          String product, String principal, String open) {
        DebtFileFixture.AccountFixture account = file.account(id, product, "CNY", principal, open, null, null, 0, "CN",
                "Asia/Shanghai");
        jdbc.sql("UPDATE account SET portfolio = ? WHERE account_id = ?").params(id.substring(0, id.length() - 2), id)
                .update();
        return account;
    }

    static void run(ApiClient api, LocalDate asOf) {
        ApiClient.Response run = api.post("/api/v1/runs?wait=true", "{\"asOf\":\"" + asOf + "\"}");
        assertThat(run.status()).as(run.body()).isIn(200, 201, 202);
        assertThat(run.json().get("status").asString()).as(run.body()).isEqualTo("SUCCEEDED");
    }

    String filter() {
        return "portfolio=" + portfolio + "&from=" + d1 + "&to=" + d3;
    }
}

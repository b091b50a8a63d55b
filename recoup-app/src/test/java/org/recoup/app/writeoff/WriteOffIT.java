package org.recoup.app.writeoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.RecoveryFixture;
import org.recoup.app.dailyrun.RunCompleted;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Write-off by supervisors only, with reason codes; recoveries after the charge-off date apart; charged-off and sold
 * accounts leave the run's plan; debt sale from pool to file, and buyback reopening an account.
 */
class WriteOffIT extends IntegrationTest {

    private static final String PASSWORD = "writeoff-it-password";
    private static final LocalDate STATE_DATE = LocalDate.parse("2026-08-31");

    @Autowired
    UserAccounts users;

    @Autowired
    CollectionClosure closure;

    private RecoveryFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RecoveryFixture(jdbc);
    }

    @Test
    void anAgentCannotWriteAnAccountOffASupervisorCanWithAConfiguredReasonOnce() {
        String account = uniqueId("L");
        fixture.caseOf(account, STATE_DATE, "M6+", 200, 8_000_00, 500_00);
        String agent = user(Role.AGENT);
        String supervisor = user(Role.SUPERVISOR);
        String body = chargeOff(account, "UNCOLLECTIBLE", "2026-09-01");

        assertThat(api(agent, PASSWORD).post("/api/v1/write-offs", body).status()).isEqualTo(403);
        ApiClient.Response badReason = api(supervisor, PASSWORD).post("/api/v1/write-offs",
                chargeOff(account, "FELT_LIKE_IT", "2026-09-01"));
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.json().get("field").asString()).isEqualTo("reasonCode");

        ApiClient.Response done = api(supervisor, PASSWORD).post("/api/v1/write-offs", body);
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().get("balanceMinor").asLong()).isEqualTo(8_500_00);
        assertThat(done.json().get("createdBy").asString()).isEqualTo(supervisor);
        assertThat(api(supervisor, PASSWORD).post("/api/v1/write-offs", body).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM charge_off WHERE account_id = ?").param(account)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void recoveriesArePaymentsDatedAfterTheChargeOffDate() {
        String account = uniqueId("L");
        fixture.caseOf(account, STATE_DATE, "M6+", 200, 1_000_00, 0);
        assertThat(api().post("/api/v1/write-offs", chargeOff(account, "BANKRUPTCY", "2026-09-01")).status())
                .isEqualTo(201);
        var payments = fixture.debts().new AccountFixture(account);
        String onTheDay = uniqueId("P");
        String after = uniqueId("P");
        payments.payment(onTheDay, "2026-09-01T18:00:00+08:00", "10.00");
        payments.payment(after, "2026-09-02T00:10:00+08:00", "250.00");

        JsonNode recoveries = api().get("/api/v1/write-offs/recoveries?from=2026-09-01&to=2026-09-30").json();
        List<String> ids = recoveries.valueStream().map(r -> r.get("payment_id").asString()).toList();
        assertThat(ids).contains(after).doesNotContain(onTheDay);

        JsonNode row = api().get("/api/v1/write-offs").json().valueStream()
                .filter(r -> r.get("account_id").asString().equals(account)).findFirst().orElseThrow();
        assertThat(row.get("recovered").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(row.get("recovery_rate").decimalValue()).isEqualByComparingTo("0.25");
    }

    @Test
    void aChargedOffCaseLeavesTheRunsPlanWhileACaseWithAnOpenAccountKeepsIt() {
        LocalDate asOf = LocalDate.parse("2026-09-05");
        String closed = uniqueId("L");
        String open = uniqueId("L");
        String closedCase = fixture.caseOf(closed, STATE_DATE, "M6+", 200, 1_000_00, 0);
        String openCase = fixture.caseOf(open, STATE_DATE, "M6+", 200, 1_000_00, 0);
        plannedCall(asOf, closedCase);
        plannedCall(asOf, openCase);
        api().post("/api/v1/write-offs", chargeOff(closed, "UNCOLLECTIBLE", "2026-09-01"));

        closure.runCompleted(new RunCompleted(0, asOf));

        assertThat(status(asOf, closedCase)).isEqualTo("DROPPED " + CollectionClosure.REASON);
        assertThat(status(asOf, openCase)).isEqualTo("PLANNED ");
    }

    @Test
    void aSoldPoolIsClosedForCollectionExportedForTheBuyerAndAnAccountBoughtBackReopens() {
        LocalDate asOf = LocalDate.parse("2026-08-31");
        String one = uniqueId("L");
        String two = uniqueId("L");
        String three = uniqueId("L");
        String caseOne = fixture.caseOf(one, asOf, "M6+", 400, 3_000_00, 100_00);
        fixture.caseOf(two, asOf, "M6+", 400, 2_000_00, 0);
        fixture.caseOf(three, asOf, "M6+", 400, 1_000_00, 0);
        jdbc.sql("UPDATE party SET name = ?, id_number = ? WHERE party_id = ?")
                .params("王小明", "110101199001011234", one + "-B").update();
        String saleId = uniqueId("DS");

        String agent = user(Role.AGENT);
        assertThat(api(agent, PASSWORD).post("/api/v1/debt-sales", sale(saleId, asOf, one, two, three)).status())
                .isEqualTo(403);
        ApiClient.Response created = api().post("/api/v1/debt-sales", sale(saleId, asOf, one, two, three));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("accounts").asLong()).isEqualTo(3);
        // an account is in one live sale at most
        assertThat(api().post("/api/v1/debt-sales", sale(uniqueId("DS"), asOf, one)).json().get("accounts").asLong())
                .isZero();

        // review: take one out, then sell
        assertThat(api().delete("/api/v1/debt-sales/" + saleId + "/accounts/" + three).json().get("accounts").asLong())
                .isEqualTo(2);
        ApiClient.Response sold = api().post("/api/v1/debt-sales/" + saleId + "/sell",
                "{\"price\":1234.56,\"soldOn\":\"2026-09-10\"}");
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        assertThat(sold.json().get("priceMinor").asLong()).isEqualTo(1_234_56);
        assertThat(sold.json().get("balanceMinor").asLong()).isEqualTo(5_100_00);
        assertThat(api().post("/api/v1/debt-sales/" + saleId + "/sell",
                "{\"price\":1,\"soldOn\":\"2026-09-10\"}").status()).isEqualTo(409);

        ApiClient.Response file = api().get("/api/v1/debt-sales/" + saleId + "/file?format=csv");
        assertThat(file.status()).isEqualTo(200);
        List<String> lines = file.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("sale_id,account_id,product").contains("borrower_id_number");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(one).contains("王小明").contains("110101199001011234")
                .contains("3100.00"));
        assertThat(file.body()).doesNotContain(three);

        // the sold case leaves the plan; after the buyback it stays in it
        plannedCall(LocalDate.parse("2026-09-11"), caseOne);
        closure.runCompleted(new RunCompleted(0, LocalDate.parse("2026-09-11")));
        assertThat(status(LocalDate.parse("2026-09-11"), caseOne)).startsWith("DROPPED");

        assertThat(api().post("/api/v1/debt-sales/" + saleId + "/accounts/" + one + "/buyback",
                "{\"reason\":\"\",\"boughtBackOn\":\"2026-09-20\"}").status()).isEqualTo(400);
        ApiClient.Response back = api().post("/api/v1/debt-sales/" + saleId + "/accounts/" + one + "/buyback",
                "{\"reason\":\"borrower disputes the debt\",\"boughtBackOn\":\"2026-09-20\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(api().post("/api/v1/debt-sales/" + saleId + "/accounts/" + one + "/buyback",
                "{\"reason\":\"again\",\"boughtBackOn\":\"2026-09-20\"}").status()).isEqualTo(409);
        plannedCall(LocalDate.parse("2026-09-21"), caseOne);
        closure.runCompleted(new RunCompleted(0, LocalDate.parse("2026-09-21")));
        assertThat(status(LocalDate.parse("2026-09-21"), caseOne)).isEqualTo("PLANNED ");

        Browser supervisor = new Browser(port);
        assertThat(supervisor.signIn(user(Role.SUPERVISOR), PASSWORD).status()).isEqualTo(302);
        assertThat(supervisor.get("/ui/debt-sales/" + saleId).body()).contains("王小明");
        assertThat(supervisor.get("/ui/write-offs").body()).contains(saleId);
    }

    private void plannedCall(LocalDate asOf, String caseId) {
        jdbc.sql("INSERT INTO run_action (as_of, case_id, action, run_id, kind, priority, accounts, status) "
                + "VALUES (?, ?, 'CALL', 0, 'QUEUE', 50, 'x', 'PLANNED')").params(asOf, caseId).update();
    }

    private String status(LocalDate asOf, String caseId) {
        return jdbc.sql("SELECT status || ' ' || reasons FROM run_action WHERE as_of = ? AND case_id = ?")
                .params(asOf, caseId).query(String.class).single();
    }

    private static String chargeOff(String account, String reason, String on) {
        return """
                {"accountId":"%s","reasonCode":"%s","chargedOffOn":"%s","note":"after 12 months without contact"}"""
                .formatted(account, reason, on);
    }

    private static String sale(String saleId, LocalDate asOf, String... accounts) {
        return """
                {"saleId":"%s","buyer":"资产管理公司","asOf":"%s","filters":{"currency":"CNY","minDpd":181,
                 "accountIds":[%s]}}""".formatted(saleId, asOf,
                String.join(",", java.util.Arrays.stream(accounts).map(a -> "\"" + a + "\"").toList()));
    }

    private String user(Role role) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role, null, role == Role.AGENT ? "early" : null,
                null, "en", true));
        return name;
    }
}

package org.recoup.app.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.RecoveryFixture;
import org.recoup.app.dailyrun.RunCompleted;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Agencies end to end: contract → placement (the agency's users see the case and no other) → payments → the monthly
 * commission statement and the scorecard, computed by hand; recall by hand and at term end; placement by rule.
 */
class AgencyIT extends IntegrationTest {

    private static final String PASSWORD = "agency-it-password";
    private static final LocalDate STATE_DATE = LocalDate.parse("2026-09-30");

    @Autowired
    UserAccounts users;

    @Autowired
    AgencyEvents events;

    private RecoveryFixture fixture;
    private String agency;

    @BeforeEach
    void anAgencyWithTwoContractVersions() {
        fixture = new RecoveryFixture(jdbc);
        agency = uniqueId("AG");
        assertThat(api().post("/api/v1/agencies", """
                {"agencyId":"%s","name":"催收公司 %s","contact":"021-5555","active":true}""".formatted(agency, agency))
                .status()).isEqualTo(201);
        // v1 from January: M3 15 %, other buckets 20 %; v2 from 16 October: M3 12 %, other buckets 18 %
        assertThat(api().post("/api/v1/agencies/" + agency + "/contracts", """
                {"validFrom":"2026-01-01","ratesByBucket":{"M3":15},"defaultRate":20}""").status()).isEqualTo(201);
        JsonNode v2 = api().post("/api/v1/agencies/" + agency + "/contracts", """
                {"validFrom":"2026-10-16","ratesByBucket":{"M3":12},"defaultRate":18}""").json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void placedCaseIsSeenByTheAgencyAndItsPaymentsEarnCommissionAtTheContractRateInForce() {
        String a = uniqueId("L");
        String b = uniqueId("L");
        String unplaced = uniqueId("L");
        String caseA = fixture.caseOf(a, STATE_DATE, "M3", 75, 4_800_00, 200_00);   // balance 5,000.00
        String caseB = fixture.caseOf(b, STATE_DATE, "M5", 140, 2_000_00, 0);       // balance 2,000.00
        fixture.caseOf(unplaced, STATE_DATE, "M3", 80, 1_000_00, 0);

        long pa = place(caseA, 90);
        long pb = place(caseB, 90);
        backdate(pa, "2026-10-01T00:00:00+08:00", 90);
        backdate(pb, "2026-10-01T00:00:00+08:00", 90);

        JsonNode placement = api().get("/api/v1/placements/" + pa).json();
        assertThat(placement.get("accounts").get(0).get("balanceMinor").asLong()).isEqualTo(5_000_00);
        assertThat(placement.get("accounts").get(0).get("bucket").asString()).isEqualTo("M3");

        // the agency's user sees the placed case, not the others; another agency's user sees none
        String mine = user(Role.AGENCY, agency);
        String theirs = user(Role.AGENCY, uniqueId("AG"));
        assertThat(as(mine).get("/api/v1/accounts/" + a).status()).isEqualTo(200);
        assertThat(as(mine).get("/api/v1/accounts/" + unplaced).status()).isEqualTo(404);
        assertThat(as(theirs).get("/api/v1/accounts/" + a).status()).isEqualTo(404);

        // payments: one through the payment API, the rest in the debt file
        assertThat(api().post("/api/v1/payments", """
                        {"accountId":"%s","paidAt":"2026-10-10T10:00:00+08:00","amount":1000.00,"channel":"WECHAT",
                         "reference":"agency-it"}""".formatted(a), Map.of("Idempotency-Key", uniqueId("K")))
                .status()).isEqualTo(201);
        DebtFileFixture.AccountFixture accountA = fixture.debts().new AccountFixture(a);
        DebtFileFixture.AccountFixture accountB = fixture.debts().new AccountFixture(b);
        accountA.payment(uniqueId("P"), "2026-09-30T10:00:00+08:00", "500.00");   // before placement: not the agency's
        accountA.payment(uniqueId("P"), "2026-10-20T10:00:00+08:00", "333.33");   // v2, M3 12 % → 40.00 (39.9996)
        accountB.payment(uniqueId("P"), "2026-10-31T23:30:00+08:00", "250.05");   // v2, M5 18 % → 45.01 (45.009)
        accountB.payment(uniqueId("P"), "2026-11-01T00:30:00+08:00", "100.00");   // November: next statement

        JsonNode statement = as(mine).get("/api/v1/agencies/" + agency + "/statement?month=2026-10").json();
        List<JsonNode> lines = statement.get("lines").valueStream().toList();
        assertThat(lines).extracting(l -> l.get("amountMinor").asLong()).containsExactly(1_000_00L, 333_33L, 250_05L);
        assertThat(lines).extracting(l -> l.get("commissionMinor").asLong()).containsExactly(150_00L, 40_00L, 45_01L);
        assertThat(lines).extracting(l -> l.get("contractVersion").asInt()).containsExactly(1, 2, 2);
        List<JsonNode> totals = statement.get("totals").valueStream().toList();
        assertThat(totals).extracting(t -> t.get("bucket").asString() + " " + t.get("payments").asLong() + " "
                        + money(t.get("collected")) + " " + money(t.get("commission")))
                .containsExactly("M3 2 1333.33 190.00", "M5 1 250.05 45.01", "TOTAL 3 1583.38 235.01");

        // the agency user cannot read another agency's statement
        assertThat(as(theirs).get("/api/v1/agencies/" + agency + "/statement?month=2026-10").status()).isEqualTo(404);

        ApiClient.Response csv = as(mine).get("/api/v1/agencies/" + agency + "/statement?month=2026-10&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("payment_id,account_id").contains(",333.33,2,12,40.00");

        // scorecard: (1,333.33 + 250.05 + 100.00) ÷ 7,000.00 = 0.2405
        JsonNode card = api().get("/api/v1/agency-scorecard?agencyId=" + agency).json();
        assertThat(card.get(0).get("placement_month").asString()).isEqualTo("2026-10");
        assertThat(card.get(0).get("cases").asLong()).isEqualTo(2);
        assertThat(money(card.get(0).get("balance_at_placement"))).isEqualTo("7000.00");
        assertThat(money(card.get(0).get("collected"))).isEqualTo("1683.38");
        assertThat(card.get(0).get("liquidation_rate").decimalValue()).isEqualByComparingTo("0.2405");

        // the statement page shows the agency user their own agency, whatever they ask for
        Browser page = new Browser(port);
        assertThat(page.signIn(mine, PASSWORD).status()).isEqualTo(302);
        Browser.Page own = page.get("/ui/agencies/statement?agencyId=" + uniqueId("AG") + "&month=2026-10");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("235.01").contains(agency);
    }

    @Test
    void aCaseIsPlacedOnceAtATimeAndOnlyBySupervisorsOrAdministrators() {
        String a = uniqueId("L");
        String caseA = fixture.caseOf(a, STATE_DATE, "M3", 75, 1_000_00, 0);
        String agent = user(Role.AGENT, null);
        assertThat(as(agent).post("/api/v1/placements", body(caseA, 30)).status()).isEqualTo(403);
        place(caseA, 30);
        ApiClient.Response again = api().post("/api/v1/placements", body(caseA, 30));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("ALREADY_PLACED");
        ApiClient.Response noTerm = api().post("/api/v1/placements", """
                {"caseId":"%s","agencyId":"%s","reason":"x"}""".formatted(caseA, agency));
        assertThat(noTerm.status()).isEqualTo(400);
        assertThat(noTerm.json().get("field").asString()).isEqualTo("termDays");
    }

    @Test
    void twoSupervisorsPlacingOneCaseAtOnceMakeOnePlacement() throws Exception {
        String caseA = fixture.caseOf(uniqueId("L"), STATE_DATE, "M3", 75, 1_000_00, 0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api().post("/api/v1/placements", body(caseA, 30)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var r : results) {
                statuses.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM placement WHERE case_id = ?").param(caseA).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_assignment_history WHERE case_id = ?").param(caseA)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPlacementIsRecalledAtTermEndAfterTheRunAndLaterPaymentsAreNotTheAgencys() {
        String a = uniqueId("L");
        String caseA = fixture.caseOf(a, STATE_DATE, "M3", 75, 1_000_00, 0);
        jdbc.sql("INSERT INTO case_assignment (case_id, team, agency_id, assigned_at, assigned_by, reason) "
                + "VALUES (?, 'late', NULL, CURRENT_TIMESTAMP, 'it', 'routed')").param(caseA).update();
        long p = place(caseA, 30);
        backdate(p, "2026-10-01T09:00:00+08:00", 30);   // term 1–30 October, recall on 31 October
        String mine = user(Role.AGENCY, agency);
        assertThat(as(mine).get("/api/v1/accounts/" + a).status()).isEqualTo(200);
        fixture.debts().new AccountFixture(a).payment(uniqueId("P"), "2026-10-30T23:59:00+08:00", "100.00");
        fixture.debts().new AccountFixture(a).payment(uniqueId("P"), "2026-10-31T08:00:00+08:00", "70.00");

        events.runCompleted(new RunCompleted(0, LocalDate.parse("2026-10-30")));
        assertThat(api().get("/api/v1/placements/" + p).json().get("recalledAt").isNull()).isTrue();

        events.runCompleted(new RunCompleted(0, LocalDate.parse("2026-10-31")));
        JsonNode recalled = api().get("/api/v1/placements/" + p).json();
        assertThat(recalled.get("recalledAt").asString()).isEqualTo("2026-10-30T16:00:00Z");
        assertThat(recalled.get("recalledBy").asString()).isEqualTo("system");
        assertThat(jdbc.sql("SELECT team || '/' || COALESCE(agency_id, '-') FROM case_assignment WHERE case_id = ?")
                .param(caseA).query(String.class).single()).isEqualTo("late/-");
        assertThat(as(mine).get("/api/v1/accounts/" + a).status()).isEqualTo(404);

        JsonNode statement = api().get("/api/v1/agencies/" + agency + "/statement?month=2026-10").json();
        assertThat(statement.get("lines").valueStream().map(l -> l.get("amountMinor").asLong()).toList())
                .containsExactly(100_00L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_assignment_history WHERE case_id = ? AND agency_id = ?")
                .params(caseA, agency).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aManualRecallHandsTheCaseBackAndCannotBeRepeated() {
        String caseA = fixture.caseOf(uniqueId("L"), STATE_DATE, "M3", 75, 1_000_00, 0);
        long p = place(caseA, 30);
        assertThat(api().post("/api/v1/placements/" + p + "/recall", "{\"reason\":\"\"}").status()).isEqualTo(400);
        assertThat(api().post("/api/v1/placements/" + p + "/recall", "{\"reason\":\"debtor complaint\"}").status())
                .isEqualTo(200);
        assertThat(api().post("/api/v1/placements/" + p + "/recall", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT agency_id FROM case_assignment WHERE case_id = ?").param(caseA)
                .query(String.class).optional()).isEmpty();
        // the case can be placed again after the recall
        place(caseA, 30);
    }

    @Test
    void theRulesPlaceTheLargestAgencyReviewCasesUpToTheAgencysCapacity() {
        LocalDate asOf = LocalDate.parse("2029-03-15").plusDays(Math.floorMod(agency.hashCode(), 900));
        String small = fixture.caseOf(uniqueId("L"), asOf, "M3", 70, 1_000_00, 0);
        String large = fixture.caseOf(uniqueId("L"), asOf, "M4", 100, 3_000_00, 0);
        String noReview = fixture.caseOf(uniqueId("L"), asOf, "M4", 100, 9_000_00, 0);
        String tooEarly = fixture.caseOf(uniqueId("L"), asOf, "M1", 10, 9_000_00, 0);
        for (String c : List.of(small, large, tooEarly)) {
            jdbc.sql("INSERT INTO run_action (as_of, case_id, action, run_id, kind, priority, accounts, status) "
                    + "VALUES (?, ?, 'AGENCY_REVIEW', 0, 'TASK', 50, 'x', 'PLANNED')").params(asOf, c).update();
        }
        assertThat(api().put("/api/v1/config/agency-placement-rules", """
                {"zone":"Asia/Shanghai","recallTeam":"late","placeAfterRun":false,"rules":[
                  {"id":"r-%1$s","agencyId":"%1$s","buckets":["M3","M4"],"minDpd":61,"maxCases":1,"termDays":60,
                   "agencyReviewOnly":true}]}""".formatted(agency)).status()).isEqualTo(200);
        ApiClient.Response byRule = api().post("/api/v1/placements/by-rule", "{\"asOf\":\"" + asOf + "\"}");
        assertThat(byRule.status()).as(byRule.body()).isEqualTo(200);
        JsonNode placed = byRule.json();
        assertThat(placed.valueStream().map(p -> p.get("caseId").asString()).toList()).containsExactly(large);
        assertThat(placed.get(0).get("ruleId").asString()).isEqualTo("r-" + agency);
        assertThat(placed.get(0).get("termDays").asInt()).isEqualTo(60);

        // a supervisor's selection ignores the review requirement but not the rule's conditions or capacity
        api().post("/api/v1/placements/" + placed.get(0).get("placementId").asLong() + "/recall", "{\"reason\":\"x\"}");
        JsonNode selected = api().post("/api/v1/placements/by-rule", """
                {"asOf":"%s","caseIds":["%s","%s"]}""".formatted(asOf, noReview, tooEarly)).json();
        assertThat(selected.valueStream().map(p -> p.get("caseId").asString()).toList()).containsExactly(noReview);

        ApiClient.Response invalid = api().put("/api/v1/config/agency-placement-rules", """
                {"zone":"Asia/Shanghai","rules":[{"id":"x","agencyId":"AG-1","maxCases":1,"termDays":0}]}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asString()).isEqualTo("rules[0].termDays");
    }

    @Test
    void anInvalidContractIsRefusedNamingTheField() {
        ApiClient.Response r = api().post("/api/v1/agencies/" + agency + "/contracts", """
                {"validFrom":"2026-01-01","ratesByBucket":{"M3":150}}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("ratesByBucket");
        Browser supervisor = new Browser(port);
        String name = user(Role.SUPERVISOR, null);
        assertThat(supervisor.signIn(name, PASSWORD).status()).isEqualTo(302);
        assertThat(supervisor.get("/ui/agencies").body()).contains(agency);
        assertThat(supervisor.get("/ui/recovery").body()).contains("/ui/agencies");
        assertThat(new String(api().get("/api/v1/agency-scorecard?format=xlsx").body()
                .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1)).startsWith("PK");
    }

    /** An amount from JSON as text with two decimals ("190.00"), whatever way the number was written. */
    private static String money(JsonNode amount) {
        return new java.math.BigDecimal(amount.asString()).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private long place(String caseId, int termDays) {
        ApiClient.Response r = api().post("/api/v1/placements", body(caseId, termDays));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("placementId").asLong();
    }

    private String body(String caseId, int termDays) {
        return """
                {"caseId":"%s","agencyId":"%s","termDays":%d,"reason":"mid-stage outsourcing"}"""
                .formatted(caseId, agency, termDays);
    }

    /** Moves a placement to a fixed past date (the API places now): placed_at/placed_on and the recall date. */
    private void backdate(long placementId, String placedAt, int termDays) {
        OffsetDateTime at = OffsetDateTime.parse(placedAt);
        jdbc.sql("UPDATE placement SET placed_at = ?, placed_on = ?, recall_on = ? WHERE placement_id = ?")
                .params(Timestamp.from(at.toInstant()), at.toLocalDate(), at.toLocalDate().plusDays(termDays),
                        placementId).update();
    }

    private String user(Role role, String agencyId) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role, null, role == Role.AGENT ? "early" : null,
                agencyId, "en", true));
        return name;
    }

    private ApiClient as(String username) {
        return api(username, PASSWORD);
    }
}

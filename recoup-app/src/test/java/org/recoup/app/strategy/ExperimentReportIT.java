package org.recoup.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The per-arm report, from decisions, states, payments and promises inserted directly. */
class ExperimentReportIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void decision(String asOf, String account, String caseId, String experiment, String arm) {
        jdbc.sql("""
                INSERT INTO run_decision (as_of, account_id, run_id, case_id, willingness, ability, grade, strategy_id,
                    strategy_version, experiment_id, arm, fired_rule, treatments, explanation)
                VALUES (?, ?, 1, ?, 'LOW', 'HIGH', 'B', 'consumer-default', 1, ?, ?, 'early-reminder',
                    'SMS|40||early-reminder|', 'test')""")
                .params(LocalDate.parse(asOf), account, caseId, experiment, arm).update();
    }

    private void state(String asOf, String account, int dpd) {
        jdbc.sql("""
                INSERT INTO account_state (as_of, account_id, run_id, currency, dpd, bucket, stage, aging_bucket, risk_class,
                    overdue_principal_minor, overdue_interest_minor, overdue_fees_minor, overdue_penalty_minor,
                    overdue_total_minor, outstanding_principal_minor, penalty_accrued_minor, unapplied_credit_minor,
                    oldest_unpaid_due_date, policy_version)
                VALUES (?, ?, 1, 'CNY', ?, 'M1', 'EARLY', 'Y0_1', 'OVERDUE', 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1)""")
                .params(LocalDate.parse(asOf), account, dpd).update();
    }

    private void promise(String account, String promisedAt, String status) {
        jdbc.sql("""
                INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, promised_at, status, created_by)
                VALUES (?, ?, ?, 10000, ?, ?, ?, 'it')""")
                .params(uniqueId("P"), account, account + "-B", LocalDate.parse(promisedAt.substring(0, 10)).plusDays(5),
                        Timestamp.from(OffsetDateTime.parse(promisedAt).toInstant()), status).update();
    }

    @Test
    void eachArmReportsRecoveredAmountCureRateAndPromisesKeptFromItsFirstDecision() {
        String id = uniqueId("rep");
        var created = api().post("/api/v1/experiments", JSON.writeValueAsString(Map.of("id", id, "grades", List.of("A"),
                "quadrants", List.of("WILLING_UNABLE"), "controlShare", 0.5, "arms",
                List.of(Map.of("name", "challenger", "strategyId", "consumer-default", "strategyVersion", 1, "share", 0.5)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        api().post("/api/v1/experiments/" + id + "/stop", "");
        DebtFileFixture file = new DebtFileFixture(jdbc);
        String a1 = file.account(uniqueId("A")).id();
        String a2 = file.account(uniqueId("A")).id();
        String a3 = file.account(uniqueId("A")).id();
        String a4 = file.account(uniqueId("A")).id();
        String sharedCase = uniqueId("C");

        // challenger: a1 and a2 are one case
        decision("2026-05-01", a1, sharedCase, id, "challenger");
        decision("2026-05-02", a1, sharedCase, id, "challenger");
        decision("2026-05-02", a2, sharedCase, id, "challenger");
        state("2026-05-01", a1, 10);
        state("2026-05-05", a1, 0);                                           // cured
        state("2026-05-02", a2, 5);                                           // not cured
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, ?, 'CARD')")
                .params(uniqueId("pay"), a1, Timestamp.from(OffsetDateTime.parse("2026-05-03T10:00:00+08:00").toInstant()), 10000L)
                .update();
        // 04:00 on 1 May in Shanghai (30 April in UTC): on the first decision's business date, so it counts
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, ?, 'CARD')")
                .params(uniqueId("pay"), a1, Timestamp.from(OffsetDateTime.parse("2026-04-30T20:00:00Z").toInstant()), 2000L)
                .update();
        // before the experiment: not counted
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, ?, 'CARD')")
                .params(uniqueId("pay"), a1, Timestamp.from(OffsetDateTime.parse("2026-04-20T10:00:00+08:00").toInstant()), 99900L)
                .update();
        promise(a2, "2026-05-03T11:00:00+08:00", "KEPT");
        promise(a2, "2026-04-01T11:00:00+08:00", "BROKEN");                   // before: not counted

        // control: a3 current at its first decision, a4 delinquent and cured
        decision("2026-05-01", a3, uniqueId("C"), id, "control");
        decision("2026-05-01", a4, uniqueId("C"), id, "control");
        decision("2026-05-06", a4, uniqueId("C"), id, "control");
        state("2026-05-01", a3, 0);
        state("2026-05-01", a4, 30);
        state("2026-05-06", a4, 0);
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, ?, 'CARD')")
                .params(uniqueId("pay"), a3, Timestamp.from(OffsetDateTime.parse("2026-05-10T10:00:00+08:00").toInstant()), 5000L)
                .update();
        promise(a3, "2026-05-04T11:00:00+08:00", "BROKEN");
        promise(a3, "2026-05-05T11:00:00+08:00", "PENDING");                  // not resolved: not counted

        var response = api().get("/api/v1/experiments/" + id + "/report");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("status").asString()).isEqualTo("STOPPED");
        JsonNode challenger = report.get("arms").get(0);
        JsonNode control = report.get("arms").get(1);
        assertThat(challenger.get("arm").asString()).isEqualTo("challenger");
        assertThat(challenger.get("accounts").asLong()).isEqualTo(2);
        assertThat(challenger.get("cases").asLong()).isEqualTo(1);
        assertThat(challenger.get("recovered").get(0).get("currency").asString()).isEqualTo("CNY");
        assertThat(challenger.get("recovered").get(0).get("amountMinor").asLong()).isEqualTo(12000);
        assertThat(challenger.get("recovered").get(0).get("amount").asString()).isEqualTo("120.00");
        assertThat(challenger.get("cure").get("successes").asLong()).isEqualTo(1);
        assertThat(challenger.get("cure").get("trials").asLong()).isEqualTo(2);
        assertThat(challenger.get("cure").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(challenger.get("cure").get("lower").asDouble()).isBetween(0.0, 0.5);
        assertThat(challenger.get("cure").get("upper").asDouble()).isBetween(0.5, 1.0);
        assertThat(challenger.get("promiseKept").get("successes").asLong()).isEqualTo(1);
        assertThat(challenger.get("promiseKept").get("trials").asLong()).isEqualTo(1);

        assertThat(control.get("arm").asString()).isEqualTo("control");
        assertThat(control.get("accounts").asLong()).isEqualTo(2);
        assertThat(control.get("cases").asLong()).isEqualTo(2);
        assertThat(control.get("recovered").get(0).get("amountMinor").asLong()).isEqualTo(5000);
        assertThat(control.get("cure").get("successes").asLong()).as("a3 was current: not in the cure base").isEqualTo(1);
        assertThat(control.get("cure").get("trials").asLong()).isEqualTo(1);
        assertThat(control.get("promiseKept").get("successes").asLong()).isZero();
        assertThat(control.get("promiseKept").get("trials").asLong()).isEqualTo(1);
        assertThat(control.get("promiseKept").get("rate").asDouble()).isZero();
    }

    @Test
    void anExperimentWithoutDecisionsReportsEmptyArmsWithoutRates() {
        String id = uniqueId("rep");
        api().post("/api/v1/experiments", JSON.writeValueAsString(Map.of("id", id, "grades", List.of("A"),
                "quadrants", List.of("UNWILLING_ABLE"), "controlShare", 0.7, "arms",
                List.of(Map.of("name", "b", "strategyId", "consumer-default", "strategyVersion", 1, "share", 0.3)))));
        api().post("/api/v1/experiments/" + id + "/stop", "");

        JsonNode report = api().get("/api/v1/experiments/" + id + "/report").json();

        assertThat(report.get("arms")).hasSize(2);
        assertThat(report.get("arms").get(0).get("accounts").asLong()).isZero();
        assertThat(report.get("arms").get(0).get("cure").get("rate").isNull()).isTrue();
        assertThat(api().get("/api/v1/experiments/" + uniqueId("none") + "/report").status()).isEqualTo(404);
    }
}

package org.recoup.app.dailyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DailyRunIT extends IntegrationTest {

    private DebtFileFixture fixture;

    @Autowired
    private ObservationRegistry observations;

    @BeforeEach
    void setUp() {
        fixture = new DebtFileFixture(jdbc);
    }

    @Test
    void itemsAreNotObservedOneByOneButChunkWritesAndStepsAre() {
        assertThat(Observation.createNotStarted("spring.batch.item.read", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.batch.item.process", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.batch.chunk.write", observations).isNoop()).isFalse();
        assertThat(Observation.createNotStarted("spring.batch.step", observations).isNoop()).isFalse();
    }

    /** Contract sample L-1001: paid on time in April, part-paid in May, nothing since. */
    private String sampleLoan() {
        return fixture.account(uniqueId("L"))
                .installment(1, "2026-04-15", "1000.00", "60.00", "0")
                .installment(2, "2026-05-15", "1000.00", "55.00", "0")
                .installment(3, "2026-06-15", "1000.00", "50.00", "0")
                .payment(uniqueId("PAY"), "2026-04-15T20:11:00+08:00", "1060.00")
                .payment(uniqueId("PAY"), "2026-05-20T09:30:00+08:00", "500.00")
                .id();
    }

    @Test
    void runStoresOneStatePerAccountAndTheStateApiReadsIt() {
        String loan = sampleLoan();
        String current = fixture.account(uniqueId("L"))
                .installment(1, "2030-02-01", "500.00", "10.00", "0").id();

        var run = api().post("/api/v1/runs?wait=true", "{\"asOf\":\"2030-01-31\"}");

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode body = run.json();
        assertThat(body.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(body.get("counts").get("processed").asLong()).isEqualTo(body.get("counts").get("accounts").asLong());
        assertThat(body.get("timings").get("durationMs").asLong()).isGreaterThanOrEqualTo(0);

        JsonNode loanState = api().get("/api/v1/accounts/" + loan + "/state?asOf=2030-01-31").json();
        assertThat(loanState.get("source").asString()).isEqualTo("DAILY_RUN");
        assertThat(loanState.get("dpd").asInt()).isEqualTo(1357); // 2026-05-15 → 2030-01-31
        assertThat(loanState.get("bucket").asString()).isEqualTo("M6+");
        assertThat(loanState.get("stage").asString()).isEqualTo("LEGAL");
        assertThat(loanState.get("riskClass").asString()).isEqualTo("DEAD"); // > 3 years since the oldest due date
        assertThat(loanState.get("agingBucket").asString()).isEqualTo("Y3_4");

        JsonNode currentState = api().get("/api/v1/accounts/" + current + "/state?asOf=2030-01-31").json();
        assertThat(currentState.get("dpd").asInt()).isZero();
        assertThat(currentState.get("stage").asString()).isEqualTo("PRE_DUE");
        assertThat(currentState.get("bucket").asString()).isEqualTo("M0");
        assertThat(currentState.get("riskClass").asString()).isEqualTo("NOT_DUE");
    }

    @Test
    void aPaymentAfterTheRunShowsInAFreshStateButNotInTheRunsSnapshot() {
        String loan = fixture.account(uniqueId("L"))
                .installment(1, "2033-01-10", "1000.00", "0", "0").id();
        api().post("/api/v1/runs?wait=true", "{\"asOf\":\"2033-02-01\"}");
        new DebtFileFixture(jdbc).new AccountFixture(loan).payment(uniqueId("PAY"), "2033-02-01T09:00:00+08:00", "1100.00"); // covers the penalty too

        JsonNode snapshot = api().get("/api/v1/accounts/" + loan + "/state?asOf=2033-02-01").json();
        JsonNode fresh = api().get("/api/v1/accounts/" + loan + "/state?asOf=2033-02-01&fresh=true").json();

        assertThat(snapshot.get("source").asString()).isEqualTo("DAILY_RUN");
        assertThat(snapshot.get("dpd").asInt()).isEqualTo(22);
        assertThat(fresh.get("source").asString()).isEqualTo("COMPUTED");
        assertThat(fresh.get("dpd").asInt()).isZero();
    }

    @Test
    void stateIsComputedOnTheFlyWhenNoRunExistsForTheDate() {
        String loan = sampleLoan();

        JsonNode state = api().get("/api/v1/accounts/" + loan + "/state?asOf=2026-11-23").json();

        assertThat(state.get("source").asString()).isEqualTo("COMPUTED");
        assertThat(state.get("dpd").asInt()).isEqualTo(192);
        assertThat(state.get("bucket").asString()).isEqualTo("M6+");
        assertThat(state.get("overdue").get("principal").decimalValue()).isPositive();
        assertThat(state.get("explanation").size()).isGreaterThanOrEqualTo(2);
        assertThat(state.get("explanation").get(0).asString()).contains("2026-05-15").contains("192");
    }

    @Test
    void rerunningADateGivesByteIdenticalStates() {
        sampleLoan();
        sampleLoan();
        long first = api().post("/api/v1/runs?wait=true", "{\"asOf\":\"2031-03-01\"}").json().get("id").asLong();
        String firstCsv = api().get("/api/v1/runs/" + first + "/states.csv").body();

        long second = api().post("/api/v1/runs?wait=true", "{\"asOf\":\"2031-03-01\"}").json().get("id").asLong();
        String secondCsv = api().get("/api/v1/runs/" + second + "/states.csv").body();

        assertThat(second).isNotEqualTo(first);
        assertThat(secondCsv).isEqualTo(firstCsv);
        List<String> lines = Arrays.asList(firstCsv.split("\n"));
        long accounts = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
        assertThat(lines).hasSize((int) accounts + 1);
        assertThat(lines.getFirst()).startsWith("account_id,as_of,currency,dpd,bucket,stage");
        long stored = jdbc.sql("SELECT COUNT(*) FROM account_state WHERE as_of = DATE '2031-03-01'").query(Long.class).single();
        assertThat(stored).isEqualTo(accounts);
    }

    @Test
    void asyncRunAnswers202AndCanBePolledToCompletion() throws InterruptedException {
        var started = api().post("/api/v1/runs", "{\"asOf\":\"2032-06-30\"}");
        assertThat(started.status()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        String status = "QUEUED";
        for (int i = 0; i < 200 && !status.equals("SUCCEEDED") && !status.equals("FAILED"); i++) {
            Thread.sleep(50);
            status = api().get("/api/v1/runs/" + id).json().get("status").asString();
        }
        assertThat(status).isEqualTo("SUCCEEDED");
    }

    @Test
    void badRequestsGetProblemDetails() {
        var missing = api().post("/api/v1/runs", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("field").asString()).isEqualTo("asOf");

        var badDate = api().post("/api/v1/runs", "{\"asOf\":\"2026-13-40\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().has("field")).as(badDate.body()).isTrue();
        assertThat(badDate.json().get("field").asString()).isEqualTo("asOf");
        assertThat(badDate.json().get("detail").asString()).contains("YYYY-MM-DD");

        assertThat(api().get("/api/v1/runs/987654321").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/accounts/no-such-account/state").status()).isEqualTo(404);
    }
}

package org.recoup.app.dailyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.RecoupApplication;
import org.recoup.app.TestDatabase;
import org.recoup.app.delinquency.AccountStates;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Restart after {@code kill -9} (PostgreSQL only): a child JVM runs {@code recoup run} over a generated portfolio and is
 * killed once some chunks are committed; a second child JVM recovers the interrupted job execution at start and the
 * new request for the date restarts it from the partitions' last committed chunks. Its outputs equal, byte for byte,
 * those of an uninterrupted run of the same date, with exactly one row per account and per case action.
 */
class DailyRunRestartIT extends IntegrationTest {

    private static final int ACCOUNTS = 50_000;
    private static final LocalDate AS_OF = LocalDate.parse("2036-06-15");

    @Autowired
    AccountStates states;

    @Autowired
    AccountDecisions decisions;

    @AfterEach
    void removeGeneratedPortfolio() {
        if (!TestDatabase.isPostgres()) {
            return;
        }
        String accounts = "account_id LIKE 'KA-%'";
        // what the run's listeners made of the generated cases: legal reviews, visit reviews, B2B customers
        jdbc.sql("DELETE FROM legal_cost WHERE matter_id IN (SELECT matter_id FROM legal_matter WHERE " + accounts + ")")
                .update();
        jdbc.sql("DELETE FROM legal_step WHERE matter_id IN (SELECT matter_id FROM legal_matter WHERE " + accounts + ")")
                .update();
        jdbc.sql("DELETE FROM legal_matter WHERE " + accounts).update();
        for (String child : List.of("visit_evidence", "visit_report", "visit_staff")) {
            jdbc.sql("DELETE FROM " + child + " WHERE visit_id IN (SELECT visit_id FROM visit WHERE " + accounts + ")")
                    .update();
        }
        jdbc.sql("DELETE FROM visit WHERE " + accounts).update();
        for (String table : List.of("receivable_reminder", "receivable_track_change", "receivable_customer")) {
            jdbc.sql("DELETE FROM " + table + " WHERE party_id LIKE 'KP-%'").update();
        }
        for (String table : List.of("state_move", "run_decision", "account_state")) {
            jdbc.sql("DELETE FROM " + table + " WHERE " + accounts).update();
        }
        jdbc.sql("DELETE FROM run_action WHERE case_id LIKE 'C-KP-%'").update();
        jdbc.sql("DELETE FROM collection_case WHERE case_id LIKE 'C-KP-%'").update();
        for (String table : List.of("contact_attempt", "payment", "installment", "account_party")) {
            jdbc.sql("DELETE FROM " + table + " WHERE " + accounts).update();
        }
        jdbc.sql("DELETE FROM contact_point WHERE party_id LIKE 'KP-%'").update();
        jdbc.sql("DELETE FROM account WHERE " + accounts).update();
        jdbc.sql("DELETE FROM party WHERE party_id LIKE 'KP-%'").update();
    }

    @Test
    void aRunKilledMidwayResumesAndEndsWithTheOutputsOfAnUninterruptedRun() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "kill -9 restart is proven on PostgreSQL");
        generatePortfolio();
        long totalAccounts = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();

        Process first = child("first");
        long committed = awaitCommittedStates(first, 4_000);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long interruptedRun = latestRunId();
        assertThat(committed).as("states committed before the kill").isLessThan(totalAccounts);
        assertThat(status(interruptedRun)).as("the killed run did not finish").isEqualTo("RUNNING");
        Long interruptedExecution = jobExecutionOf(interruptedRun);
        assertThat(interruptedExecution).isNotNull();

        Process second = child("second");
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).as("the restarted run finished").isTrue();
        assertThat(second.exitValue()).as(log("second")).isZero();
        long restartedRun = latestRunId();
        assertThat(status(interruptedRun)).isEqualTo("FAILED");
        assertThat(status(restartedRun)).isEqualTo("SUCCEEDED");
        Long restartedExecution = jobExecutionOf(restartedRun);
        assertThat(jobInstanceOf(restartedExecution)).as("a restart of the same job instance, not a new one")
                .isEqualTo(jobInstanceOf(interruptedExecution));
        long readAfterRestart = jdbc.sql("SELECT COALESCE(SUM(read_count), 0) FROM batch_step_execution "
                        + "WHERE job_execution_id = ? AND step_name LIKE 'accountRange:%'")
                .param(restartedExecution).query(Long.class).single();
        assertThat(readAfterRestart).as("the restart resumed after the committed chunks")
                .isLessThanOrEqualTo(totalAccounts - committed);

        String restartedStates = statesCsv();
        String restartedActions = actionsCsv();
        assertExactlyOneRowPerKey(totalAccounts);

        var rerun = api().post("/api/v1/runs?wait=true", "{\"asOf\":\"" + AS_OF + "\"}");
        assertThat(rerun.json().get("status").asString()).as(rerun.body()).isEqualTo("SUCCEEDED");
        assertThat(statesCsv()).isEqualTo(restartedStates);
        assertThat(actionsCsv()).isEqualTo(restartedActions);
        assertExactlyOneRowPerKey(totalAccounts);
    }

    private void assertExactlyOneRowPerKey(long totalAccounts) {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_state WHERE as_of = ?").param(AS_OF).query(Long.class).single())
                .isEqualTo(totalAccounts);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM run_decision WHERE as_of = ?").param(AS_OF).query(Long.class).single())
                .isEqualTo(totalAccounts);
        long actions = jdbc.sql("SELECT COUNT(*) FROM run_action WHERE as_of = ?").param(AS_OF).query(Long.class).single();
        long keys = jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT case_id, action FROM run_action WHERE as_of = ?) k")
                .param(AS_OF).query(Long.class).single();
        assertThat(actions).isPositive().isEqualTo(keys);
    }

    private String statesCsv() throws IOException {
        StringWriter out = new StringWriter();
        states.exportCsv(AS_OF, out);
        return out.toString();
    }

    private String actionsCsv() throws IOException {
        StringWriter out = new StringWriter();
        decisions.exportActionsCsv(AS_OF, out);
        return out.toString();
    }

    private long awaitCommittedStates(Process child, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            long n = jdbc.sql("SELECT COUNT(*) FROM account_state WHERE as_of = ? AND account_id LIKE 'KA-%'")
                    .param(AS_OF).query(Long.class).single();
            if (n >= atLeast) {
                return n;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the first run ended before it could be killed: " + log("first"));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no chunk committed in time: " + log("first"));
    }

    private long latestRunId() {
        return jdbc.sql("SELECT MAX(run_id) FROM daily_run WHERE as_of = ?").param(AS_OF).query(Long.class).single();
    }

    private String status(long runId) {
        return jdbc.sql("SELECT status FROM daily_run WHERE run_id = ?").param(runId).query(String.class).single();
    }

    private Long jobExecutionOf(long runId) {
        return jdbc.sql("SELECT job_execution_id FROM daily_run WHERE run_id = ?").param(runId).query(Long.class).single();
    }

    private long jobInstanceOf(long jobExecutionId) {
        return jdbc.sql("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?")
                .param(jobExecutionId).query(Long.class).single();
    }

    /** {@code java … RecoupApplication run --as-of …} against the test database, output to target/restart-it-*.log. */
    private Process child(String name) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, RecoupApplication.class.getName(), "run", "--as-of", AS_OF.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("RECOUP_DB_URL", System.getenv("RECOUP_TEST_PG_URL"));
        builder.environment().put("RECOUP_DB_USER", env("RECOUP_TEST_PG_USER", "recoup"));
        builder.environment().put("RECOUP_DB_PASSWORD", env("RECOUP_TEST_PG_PASSWORD", "recoup"));
        builder.redirectErrorStream(true).redirectOutput(logFile(name));
        return builder.start();
    }

    private static File logFile(String name) {
        return new File("target/restart-it-" + name + ".log");
    }

    private static String log(String name) {
        try {
            String text = Files.readString(logFile(name).toPath());
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * {@value #ACCOUNTS} consumer loans opened 2035-06-01 with 12 monthly instalments from 2035-07-01, a varying number
     * paid (so every stage occurs as of {@link #AS_OF}); every fifth account shares the previous one's borrower (a
     * two-account case); most borrowers have a mobile number; some accounts have a recent conversation.
     */
    private void generatePortfolio() {
        int n = ACCOUNTS;
        jdbc.sql("""
                INSERT INTO party (party_id, name, gender, time_zone, birth_date, occupation)
                SELECT 'KP-' || lpad(g::text, 7, '0'), 'Party ' || g, 'U', 'Asia/Shanghai',
                       DATE '1960-01-01' + (g % 15000),
                       (ARRAY['WHITE_COLLAR', 'WORKER', 'RETIREE', 'STUDENT', 'SME_OWNER'])[1 + g % 5]
                FROM generate_series(1, ?) g""").param(n).update();
        jdbc.sql("""
                INSERT INTO account (account_id, product, currency, principal_minor, open_date, penalty_rate_per_day,
                                     penalty_cap_minor, grace_days, jurisdiction, portfolio, creditor)
                SELECT 'KA-' || lpad(g::text, 7, '0'), 'CONSUMER_LOAN', 'CNY', 1200000, DATE '2035-06-01', 0.0005,
                       200000, 3, 'CN', 'restart-it', 'Example Creditor'
                FROM generate_series(1, ?) g""").param(n).update();
        jdbc.sql("""
                INSERT INTO account_party (account_id, party_id, role)
                SELECT 'KA-' || lpad(g::text, 7, '0'),
                       'KP-' || lpad((CASE WHEN g % 5 = 0 THEN g - 1 ELSE g END)::text, 7, '0'), 'BORROWER'
                FROM generate_series(1, ?) g""").param(n).update();
        jdbc.sql("""
                INSERT INTO contact_point (contact_point_id, party_id, type, contact_value)
                SELECT 'KM-' || lpad(g::text, 7, '0'), 'KP-' || lpad(g::text, 7, '0'), 'MOBILE', '+86138' || g
                FROM generate_series(1, ?) g WHERE g % 7 <> 0""").param(n).update();
        jdbc.sql("""
                INSERT INTO installment (account_id, seq, due_date, principal_minor, interest_minor, fee_minor)
                SELECT 'KA-' || lpad(g::text, 7, '0'), s, (DATE '2035-07-01' + (s - 1) * INTERVAL '1 month')::date,
                       100000, 6000, 0
                FROM generate_series(1, ?) g, generate_series(1, 12) s""").param(n).update();
        jdbc.sql("""
                INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel)
                SELECT 'KY-' || lpad(g::text, 7, '0') || '-' || s, 'KA-' || lpad(g::text, 7, '0'),
                       (DATE '2035-07-01' + (s - 1) * INTERVAL '1 month') + INTERVAL '2 hours',
                       CASE WHEN g % 11 = 0 THEN 50000 ELSE 106000 END, 'BANK_TRANSFER'
                FROM generate_series(1, ?) g, generate_series(1, 12) s
                WHERE s <= g % 13""").param(n).update();
        jdbc.sql("""
                INSERT INTO contact_attempt (contact_id, account_id, party_id, channel, attempted_at, outcome, disposition)
                SELECT 'KC-' || lpad(g::text, 7, '0'), 'KA-' || lpad(g::text, 7, '0'),
                       'KP-' || lpad((CASE WHEN g % 5 = 0 THEN g - 1 ELSE g END)::text, 7, '0'), 'CALL',
                       TIMESTAMP WITH TIME ZONE '2036-06-01 10:00:00+08' + (g % 10) * INTERVAL '1 day',
                       CASE WHEN g % 4 = 0 THEN 'NO_ANSWER' ELSE 'RIGHT_PARTY' END,
                       (ARRAY[NULL, 'REFUSED_TO_PAY', 'HARDSHIP', 'DISPUTE', 'CLAIMS_PAID', 'PROMISE'])[1 + g % 6]
                FROM generate_series(1, ?) g WHERE g % 3 = 0""").param(n).update();
        jdbc.sql("ANALYZE").update();
    }
}

package org.recoup.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;

/**
 * After a real daily run: new cases are routed to teams by bucket, and promises reach the queue as the shipped
 * strategy plans them — a broken promise comes back as a priority-90 call, a promise in force gets its SMS reminder
 * two days before the promised date and no call.
 */
class QueueRoutingIT extends IntegrationTest {

    private static final LocalDate AS_OF = LocalDate.of(2047, 3, 10);
    private static boolean ran;
    private static String early;
    private static String late;
    private static String broken;
    private static String reminded;

    @BeforeEach
    void runOnce() {
        if (ran) {
            return;
        }
        DebtFileFixture fixture = new DebtFileFixture(jdbc);
        early = overdue(fixture, AS_OF.minusDays(20));
        late = overdue(fixture, AS_OF.minusDays(75));
        broken = overdue(fixture, AS_OF.minusDays(12));
        promise(broken, AS_OF.minusDays(3));
        reminded = overdue(fixture, AS_OF.minusDays(12));
        promise(reminded, AS_OF.plusDays(2));
        var run = api().post("/api/v1/runs?wait=true", "{\"asOf\":\"" + AS_OF + "\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("status").asString()).isEqualTo("SUCCEEDED");
        ran = true;
    }

    private String overdue(DebtFileFixture fixture, LocalDate due) {
        String id = fixture.account(uniqueId("L")).installment(1, due.toString(), "1000.00", "50.00", "0").id();
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, 'MOBILE', ?)")
                .params(id + "-M", id + "-B", "+8613800000000").update();
        return id;
    }

    private void promise(String accountId, LocalDate due) {
        jdbc.sql("""
                INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, promised_at, created_by)
                VALUES (?, ?, ?, 50000, ?, ?, 'it')""")
                .params(uniqueId("PTP"), accountId, accountId + "-B", due,
                        Timestamp.from(OffsetDateTime.parse(AS_OF.minusDays(6) + "T11:00:00+08:00").toInstant()))
                .update();
    }

    private static String caseOf(String accountId) {
        return "C-" + accountId + "-B";
    }

    @Test
    void newCasesAreRoutedToTheTeamOfTheirBucketWithTheReasonInTheHistory() {
        assertThat(jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(caseOf(early))
                .query(String.class).single()).isEqualTo("early");
        assertThat(jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(caseOf(late))
                .query(String.class).single()).isEqualTo("late");
        Map<String, Object> history = jdbc.sql("SELECT seq, team, assigned_by, reason FROM case_assignment_history "
                + "WHERE case_id = ?").param(caseOf(late)).query().singleRow();
        assertThat(history.get("seq")).isEqualTo(1);
        assertThat(history.get("assigned_by")).isEqualTo("routing");
        assertThat((String) history.get("reason")).matches("routing v\\d+: bucket M3");
    }

    @Test
    void aBrokenPromiseReentersTheQueueAsAHighPriorityConfrontationCall() {
        Map<String, Object> row = jdbc.sql("SELECT pool, priority, rule_id, script, stage, bucket, available_at "
                + "FROM work_queue WHERE case_id = ?").param(caseOf(broken)).query().singleRow();

        assertThat(row.get("priority")).isEqualTo(90);
        assertThat(row.get("rule_id")).isEqualTo("broken-promise");
        assertThat(row.get("script")).isEqualTo("confront-promise-history");
        assertThat(row.get("pool")).isEqualTo("team:early");
        assertThat(row.get("bucket")).isEqualTo("M1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_queue WHERE pool = 'team:early' AND priority > 90 "
                + "AND case_id IN (?, ?, ?)").params(caseOf(early), caseOf(late), caseOf(reminded))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPromiseInForceGetsItsReminderTwoDaysBeforeTheDateAndNoCall() {
        Map<String, Object> sms = jdbc.sql("SELECT kind, template, status, planned_at FROM run_action "
                + "WHERE as_of = ? AND case_id = ? AND action = 'SMS'").params(AS_OF, caseOf(reminded)).query()
                .singleRow();

        assertThat(sms.get("kind")).isEqualTo("OUTBOX");
        assertThat(sms.get("template")).isEqualTo("ptp-reminder");
        assertThat(sms.get("status")).isEqualTo("PLANNED");
        OffsetDateTime plannedAt = jdbc.sql("SELECT planned_at FROM run_action WHERE as_of = ? AND case_id = ? "
                + "AND action = 'SMS'").params(AS_OF, caseOf(reminded)).query(OffsetDateTime.class).single();
        assertThat(plannedAt.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate())
                .isEqualTo(AS_OF).isEqualTo(AS_OF.plusDays(2).minusDays(2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_queue WHERE case_id = ?").param(caseOf(reminded))
                .query(Long.class).single()).as("a promise in force is not called").isZero();
    }
}

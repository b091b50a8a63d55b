package org.recoup.app.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what the daily run would have written for queue tests, straight into the tables: an open case with a
 * QUEUE action planned on a business date, and its assignment. Cases get ids of the test's own.
 */
final class QueueFixture {

    private final JdbcClient jdbc;

    QueueFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open case whose run planned a call at {@code plannedAt} with {@code priority}, assigned to {@code team}. */
    String queuedCase(String caseId, LocalDate asOf, int priority, Instant plannedAt, String team, String agent) {
        jdbc.sql("INSERT INTO collection_case (case_id, party_id, status, opened_on, updated_on) VALUES (?, ?, 'OPEN', ?, ?)")
                .params(caseId, caseId.substring(2), asOf, asOf).update();
        jdbc.sql("""
                INSERT INTO run_action (as_of, case_id, action, run_id, kind, party_id, channel, priority, script,
                                        rule_id, accounts, planned_at, status)
                VALUES (?, ?, 'CALL', 0, 'QUEUE', ?, 'CALL', ?, 'early-reminder', 'first-week-daily-call', ?, ?, 'PLANNED')""")
                .params(asOf, caseId, caseId.substring(2), priority, caseId + "-L", Timestamp.from(plannedAt)).update();
        if (team != null || agent != null) {
            jdbc.sql("INSERT INTO case_assignment (case_id, team, agent, assigned_at, assigned_by, reason) "
                            + "VALUES (?, ?, ?, ?, 'it', 'test')")
                    .params(caseId, team, agent, Timestamp.from(plannedAt)).update();
        }
        return caseId;
    }

    static Actor agent(String username, String team) {
        return new Actor(username, Role.AGENT, Tier.INTERMEDIATE, team, null);
    }
}

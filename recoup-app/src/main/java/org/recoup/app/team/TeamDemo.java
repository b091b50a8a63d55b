package org.recoup.app.team;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams part of the demo (first start only): skills and capacity for the demo agents, {@code lead} as lead of
 * {@code early}, this month's targets, the team pools placed with the agents, and one case escalated by an agent.
 * Deterministic; does nothing when the demo agents already have profiles.
 */
@Component
public class TeamDemo {

    private final JdbcClient jdbc;
    private final TeamAssignment assignment;
    private final Clock clock;

    TeamDemo(JdbcClient jdbc, TeamAssignment assignment, Clock clock) {
        this.jdbc = jdbc;
        this.assignment = assignment;
        this.clock = clock;
    }

    @Transactional
    public void prepare() {
        if (jdbc.sql("SELECT COUNT(*) FROM agent_profile WHERE username IN ('agent', 'agent2', 'senior')")
                .query(Long.class).single() > 0) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        profile("agent", "en,zh-CN", "CONSUMER_LOAN,CREDIT_CARD", 40, now);
        profile("agent2", "zh-CN", "CONSUMER_LOAN", 25, now);
        profile("senior", "en,zh-CN", "B2B_RECEIVABLE,CONSUMER_LOAN,CREDIT_CARD,PROPERTY_FEE", 60, now);
        jdbc.sql("UPDATE team SET lead_username = 'lead' WHERE team_id = 'early'").update();
        List<TeamAssignment.Result> placed = assignment.assignAll();
        java.time.LocalDate month = YearMonth.now(clock).atDay(1);
        target(month, "AGENT", "agent", 8_000_000L, 600, 60, now);
        target(month, "AGENT", "agent2", 5_000_000L, 500, 40, now);
        target(month, "AGENT", "senior", 15_000_000L, 400, 50, now);
        target(month, "TEAM", "early", 20_000_000L, null, null, now);
        target(month, "TEAM", "late", 30_000_000L, null, null, now);
        jdbc.sql("SELECT case_id FROM case_assignment WHERE agent = 'agent2' ORDER BY case_id FETCH FIRST 1 ROWS ONLY")
                .query(String.class).optional()
                .filter(caseId -> jdbc.sql("SELECT COUNT(*) FROM case_escalation WHERE open_case_id = ?").param(caseId)
                        .query(Long.class).single() == 0)
                .ifPresent(caseId -> jdbc.sql("INSERT INTO case_escalation (case_id, open_case_id, source, raised_by, "
                                + "raised_at, reason, status) VALUES (?, ?, 'AGENT', 'agent2', ?, ?, 'OPEN')")
                        .params(caseId, caseId, now, "debtor disputes the amount and asks for a supervisor").update());
        org.slf4j.LoggerFactory.getLogger(TeamDemo.class).info("Demo teams: profiles, targets; placed {}", placed);
    }

    private void profile(String user, String languages, String products, int capacity, Timestamp now) {
        jdbc.sql("INSERT INTO agent_profile (username, languages, products, capacity, updated_at, updated_by) "
                + "VALUES (?, ?, ?, ?, ?, 'demo')").params(user, languages, products, capacity, now).update();
    }

    private void target(java.time.LocalDate month, String scope, String subject, long amount, Integer contacts,
                        Integer promises, Timestamp now) {
        jdbc.sql("INSERT INTO collection_target (target_month, scope, subject, currency, amount_minor, contacts_target, "
                        + "promises_target, updated_at, updated_by) VALUES (?, ?, ?, 'CNY', ?, ?, ?, ?, 'demo')")
                .params(month, scope, subject, amount, contacts, promises, now).update();
    }
}

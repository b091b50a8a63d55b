package org.recoup.app.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.recoup.engine.compliance.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily run's planned messages ({@code run_action} kind OUTBOX, status PLANNED — or DEFERRED, whose
 * {@code planned_at} is when the gate expected to allow them) that are due and not yet in the outbox. The outbox's unique (run_as_of, case_id, run_action) makes each one a message at most once, however often
 * the run is rerun or this is called.
 */
@Component
class RunActions {

    static final String USER = "daily-run";

    /** One planned message: the first of the action's accounts is the one the message is about. */
    record Planned(LocalDate asOf, String caseId, String action, String partyId, Channel channel, String contactPointId,
                   String template, String accountId, Instant plannedAt) {
    }

    private final JdbcClient jdbc;

    RunActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Planned> due(LocalDate asOf, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT ra.as_of, ra.case_id, ra.action, ra.party_id, ra.channel, ra.contact_point_id, ra.template,
                               ra.accounts, ra.planned_at
                        FROM run_action ra
                        WHERE ra.as_of = ? AND ra.kind = 'OUTBOX' AND ra.status IN ('PLANNED', 'DEFERRED')
                          AND ra.channel IN ('SMS', 'EMAIL', 'LETTER')
                          AND (ra.planned_at IS NULL OR ra.planned_at <= ?)
                          AND NOT EXISTS (SELECT 1 FROM outbox_message o
                                          WHERE o.run_as_of = ra.as_of AND o.case_id = ra.case_id AND o.run_action = ra.action)
                        ORDER BY ra.priority DESC, ra.case_id, ra.action
                        FETCH FIRST ? ROWS ONLY""")
                .params(asOf, Timestamp.from(now), limit)
                .query((rs, n) -> {
                    Timestamp planned = rs.getTimestamp(9);
                    String accounts = rs.getString(8);
                    return new Planned(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                            accounts.contains(",") ? accounts.substring(0, accounts.indexOf(',')) : accounts,
                            planned == null ? null : planned.toInstant());
                })
                .list();
    }
}

package org.recoup.app.performance;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's KPI history: the imported contacts belong to no agent, so the demo agents ({@code agent}, {@code agent2},
 * {@code senior}) get a small deterministic set of past calls and SMS (14 days, 90 attempts, on the first borrowers
 * by account id, in each borrower's local working hours), then the aggregates of the last 30 days are maintained so
 * that every dashboard has data on first start. Loading the demo again adds nothing.
 */
@Component
public class PerformanceDemo {

    private static final List<String> AGENTS = List.of("agent", "agent2", "senior");
    private static final int ATTEMPTS = 90;

    private final JdbcClient jdbc;
    private final KpiAggregates aggregates;

    PerformanceDemo(JdbcClient jdbc, KpiAggregates aggregates) {
        this.jdbc = jdbc;
        this.aggregates = aggregates;
    }

    @Transactional
    public void load(LocalDate asOf) {
        record Borrower(String accountId, String partyId, String zone) {
        }
        List<Borrower> borrowers = jdbc.sql("""
                        SELECT ap.account_id, ap.party_id, p.time_zone FROM account_party ap
                        JOIN party p ON p.party_id = ap.party_id
                        WHERE ap.role = 'BORROWER' AND ap.account_id LIKE 'L-%' ORDER BY ap.account_id
                        FETCH FIRST 30 ROWS ONLY""")
                .query((rs, i) -> new Borrower(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        boolean loaded = jdbc.sql("SELECT COUNT(*) FROM contact_attempt WHERE contact_id = 'DEMO-KPI-0'")
                .query(Long.class).single() > 0;
        if (!loaded && !borrowers.isEmpty()) {
            for (int i = 0; i < ATTEMPTS; i++) {
                Borrower b = borrowers.get(i % borrowers.size());
                LocalDate day = asOf.minusDays(i % 14);
                LocalTime at = LocalTime.of(9 + (i * 7) % 10, (i * 13) % 60);
                boolean sms = i % 5 == 4;
                boolean reached = !sms && i % 3 == 0;
                jdbc.sql("""
                                INSERT INTO contact_attempt (contact_id, account_id, party_id, channel, attempted_at, outcome,
                                                             source, created_by, disposition)
                                VALUES (?, ?, ?, ?, ?, ?, 'API', ?, ?)""")
                        .params("DEMO-KPI-" + i, b.accountId(), b.partyId(), sms ? "SMS" : "CALL",
                                Timestamp.from(day.atTime(at).atZone(ZoneId.of(b.zone())).toInstant()),
                                sms ? "DELIVERED" : reached ? "RIGHT_PARTY" : "NO_ANSWER", AGENTS.get(i % AGENTS.size()),
                                reached && i % 2 == 0 ? "PROMISE" : null)
                        .update();
            }
        }
        aggregates.refresh(asOf.minusDays(29), asOf);
    }
}

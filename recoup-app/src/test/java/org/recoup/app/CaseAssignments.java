package org.recoup.app;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts cases in someone's scope for integration tests: {@code assignments.ofAccount("L-1").toAgent("team-x", "ann")}.
 * A case is every account of one borrower ({@code case_id = 'C-' || party_id}); one row per case (replaced).
 */
public final class CaseAssignments {

    private final JdbcClient jdbc;

    public CaseAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case of the account's borrower. */
    public Case ofAccount(String accountId) {
        String borrower = jdbc.sql("SELECT party_id FROM account_party WHERE account_id = ? AND role = 'BORROWER'")
                .param(accountId).query(String.class).list().getFirst();
        return new Case("C-" + borrower);
    }

    public final class Case {
        private final String caseId;

        Case(String caseId) {
            this.caseId = caseId;
        }

        public String id() {
            return caseId;
        }

        /** Assigned to one agent of a team. */
        public Case toAgent(String team, String agent) {
            return assign(team, agent, null);
        }

        /** In the team's queue, no agent yet. */
        public Case toTeam(String team) {
            return assign(team, null, null);
        }

        /** Placed with an agency (optionally still owned by a team). */
        public Case toAgency(String team, String agencyId) {
            return assign(team, null, agencyId);
        }

        /** Any combination: a team, one agent of it, an agency (each may be null). */
        public Case assign(String team, String agent, String agencyId) {
            jdbc.sql("DELETE FROM case_assignment WHERE case_id = ?").param(caseId).update();
            jdbc.sql("""
                            INSERT INTO case_assignment (case_id, team, agent, agency_id, assigned_at, assigned_by, reason)
                            VALUES (?, ?, ?, ?, ?, 'it', 'test')""")
                    .params(caseId, team, agent, agencyId, Timestamp.from(Instant.now())).update();
            return this;
        }
    }
}

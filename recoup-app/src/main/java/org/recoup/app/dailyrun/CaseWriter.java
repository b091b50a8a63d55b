package org.recoup.app.dailyrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.recoup.app.compliance.ContactGate;
import org.recoup.app.storage.RowSink;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Verdict;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The case-level work of one chunk of cases, inside the chunk's transaction: plans each case's actions
 * ({@link CasePlanner}, reaching the party as the account step chose), screens every planned contact with the compliance gate in one call, rewrites the chunk's
 * case range of {@code run_action} for the date, and opens or closes the cases in {@code collection_case}.
 */
class CaseWriter implements ItemWriter<CaseGroup> {

    static final String ACTION_COLUMNS = "as_of, case_id, action, run_id, kind, party_id, channel, contact_point_id, "
            + "priority, script, template, tier, rule_id, accounts, planned_at, status, reasons";

    private final DataSource dataSource;
    private final ContactGate gate;
    private final LocalDate asOf;
    private final long runId;

    CaseWriter(DataSource dataSource, ContactGate gate, LocalDate asOf, long runId) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.asOf = asOf;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends CaseGroup> chunk) throws SQLException {
        List<? extends CaseGroup> cases = chunk.getItems();
        if (cases.isEmpty()) {
            return;
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            List<CasePlanner.Planned> planned = new ArrayList<>();
            for (CaseGroup g : cases) {
                planned.addAll(CasePlanner.plan(g, CasePlanner.Reach.decode(g.reach()), asOf));
            }
            List<Object[]> rows = screen(planned);

            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM run_action WHERE as_of = ? AND case_id >= ? AND case_id <= ?")) {
                delete.setObject(1, asOf);
                delete.setString(2, cases.getFirst().caseId());
                delete.setString(3, cases.getLast().caseId());
                delete.executeUpdate();
            }
            RowSink.insert(c, "run_action", ACTION_COLUMNS, rows);
            maintainCases(c, cases);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Screens every contact in one call; blocked ones are deferred to nextAllowedAt when set, else dropped. */
    private List<Object[]> screen(List<CasePlanner.Planned> planned) {
        List<ContactRequest> requests = new ArrayList<>();
        List<Integer> screenedIndex = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            CasePlanner.Planned p = planned.get(i);
            if (p.channel() != null && p.dropReason() == null) {
                requests.add(new ContactRequest(p.accounts().getFirst(), p.partyId(), p.contactPointId(), p.channel(),
                        p.plannedAt(), null, List.of(), CasePlanner.purpose(p)));
                screenedIndex.add(i);
            }
        }
        List<Verdict> verdicts = requests.isEmpty() ? List.of() : gate.screen(requests, "DAILY_RUN " + runId);
        if (verdicts.size() != requests.size()) {
            throw new IllegalStateException("the contact gate answered " + verdicts.size() + " verdicts for "
                    + requests.size() + " requests");
        }
        Map<Integer, Verdict> byIndex = new HashMap<>();
        for (int k = 0; k < screenedIndex.size(); k++) {
            byIndex.put(screenedIndex.get(k), verdicts.get(k));
        }
        List<Object[]> rows = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            CasePlanner.Planned p = planned.get(i);
            CasePlanner.Outcome o = CasePlanner.outcome(p, byIndex.get(i));
            rows.add(new Object[] {asOf, p.caseId(), p.action().name(), runId, p.kind(), p.partyId(),
                p.channel() == null ? null : p.channel().name(), p.contactPointId(), p.treatment().priority(),
                p.treatment().script(), p.treatment().template(), p.treatment().tier(), p.ruleId(),
                truncate(String.join(",", p.accounts())), o.at(), o.status(), truncate(o.reasons())});
        }
        return rows;
    }

    /**
     * Opens a case on the first date one of its accounts is in collections and closes it on the date none is; a
     * rerun of the same date finds nothing to change.
     */
    private void maintainCases(Connection c, List<? extends CaseGroup> cases) throws SQLException {
        List<CaseGroup> withParty = cases.stream().filter(g -> g.partyId() != null).map(g -> (CaseGroup) g).toList();
        if (withParty.isEmpty()) {
            return;
        }
        Map<String, String[]> existing = new HashMap<>();
        String marks = String.join(", ", java.util.Collections.nCopies(withParty.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, status, opened_on, closed_on FROM collection_case "
                + "WHERE case_id IN (" + marks + ")")) {
            int i = 1;
            for (CaseGroup g : withParty) {
                ps.setString(i++, g.caseId());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        List<Object[]> opened = new ArrayList<>();
        try (PreparedStatement reopen = c.prepareStatement("UPDATE collection_case SET status = 'OPEN', opened_on = ?, "
                + "closed_on = NULL, updated_on = ? WHERE case_id = ?");
             PreparedStatement close = c.prepareStatement("UPDATE collection_case SET status = 'CLOSED', closed_on = ?, "
                     + "updated_on = ? WHERE case_id = ?")) {
            for (CaseGroup g : withParty) {
                String[] row = existing.get(g.caseId());
                boolean in = g.inCollections();
                if (in && row == null) {
                    opened.add(new Object[] {g.caseId(), g.partyId(), "OPEN", asOf, null, asOf});
                } else if (in && "CLOSED".equals(row[0]) && LocalDate.parse(row[2]).isBefore(asOf)) {
                    reopen.setObject(1, asOf);
                    reopen.setObject(2, asOf);
                    reopen.setString(3, g.caseId());
                    reopen.addBatch();
                } else if (!in && row != null && "OPEN".equals(row[0]) && !LocalDate.parse(row[1]).isAfter(asOf)) {
                    close.setObject(1, asOf);
                    close.setObject(2, asOf);
                    close.setString(3, g.caseId());
                    close.addBatch();
                }
            }
            reopen.executeBatch();
            close.executeBatch();
        }
        RowSink.insert(c, "collection_case", "case_id, party_id, status, opened_on, closed_on, updated_on", opened);
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}

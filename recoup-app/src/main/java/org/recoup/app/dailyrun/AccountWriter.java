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
import java.util.Set;
import javax.sql.DataSource;
import org.recoup.app.delinquency.AccountStates;
import org.recoup.app.storage.RowSink;
import org.recoup.app.strategy.StrategySet;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.Segment;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The decision pipeline of one chunk of accounts, inside the chunk's transaction: promise histories read set-based
 * for the chunk, every account assessed, segmented and decided, then the chunk's id range (first..last account) of
 * {@code account_state}, {@code run_decision} and {@code state_move} for the date deleted and rewritten — so a rerun
 * or a restart after a crash leaves exactly one row per account.
 */
class AccountWriter implements ItemWriter<AccountInput> {

    static final String DECISION_COLUMNS = "as_of, account_id, run_id, case_id, party_id, willingness, ability, grade, "
            + "quadrant, tags, strategy_id, strategy_version, experiment_id, arm, fired_rule, treatments, explanation, reach";

    private final DataSource dataSource;
    private final AccountStates states;
    private final PromiseFacts promises;
    private final HoldFacts holds;
    private final LocalDate asOf;
    private final LocalDate previous;
    private final long runId;
    private final DelinquencyPolicy policy;
    private final StrategySet strategies;
    private final RunTracker tracker;

    AccountWriter(DataSource dataSource, AccountStates states, PromiseFacts promises, HoldFacts holds, LocalDate asOf,
                  LocalDate previous, long runId, DelinquencyPolicy policy, StrategySet strategies, RunTracker tracker) {
        this.dataSource = dataSource;
        this.states = states;
        this.promises = promises;
        this.holds = holds;
        this.asOf = asOf;
        this.previous = previous;
        this.runId = runId;
        this.policy = policy;
        this.strategies = strategies;
        this.tracker = tracker;
    }

    @Override
    public void write(Chunk<? extends AccountInput> chunk) throws SQLException {
        List<? extends AccountInput> items = chunk.getItems();
        if (items.isEmpty()) {
            return;
        }
        List<String> ids = items.stream().map(AccountInput::accountId).toList();
        Map<String, PtpHistory> ptp = promises.histories(items.stream().map(AccountInput::snapshot).toList(), asOf);
        List<AccountDecision> decisions = new ArrayList<>(items.size());
        Map<String, Set<HoldType>> onHold = holds.of(items, asOf);
        for (AccountInput input : items) {
            decisions.add(AccountDecider.decide(input, asOf, policy, strategies, ptp.get(input.accountId()),
                    onHold.get(input.accountId())));
        }
        String first = ids.getFirst();
        String last = ids.getLast();
        states.replaceChunk(asOf, runId, first, last, decisions.stream().map(AccountDecision::state).toList());
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            delete(c, "run_decision", first, last);
            RowSink.insert(c, "run_decision", DECISION_COLUMNS, decisions.stream().map(this::decisionRow).toList());
            delete(c, "state_move", first, last);
            RowSink.insert(c, "state_move", "as_of, account_id, dimension, from_as_of, from_value, to_value",
                    moves(c, first, last, decisions));
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
        tracker.accountsDone(items.size());
    }

    private void delete(Connection c, String table, String first, String last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                + " WHERE as_of = ? AND account_id >= ? AND account_id <= ?")) {
            ps.setObject(1, asOf);
            ps.setString(2, first);
            ps.setString(3, last);
            ps.executeUpdate();
        }
    }

    private Object[] decisionRow(AccountDecision d) {
        Segment s = d.segment();
        String tags = String.join(",", s.tags().stream().map(Enum::name).toList());
        String treatments = String.join("\n", d.ruledTreatments().stream().map(AccountDecision.RuledTreatment::line).toList());
        return new Object[] {asOf, d.state().accountId(), runId, d.caseId(), d.partyId(), s.willingness().name(),
            s.ability().name(), s.grade().name(), s.quadrant().name(), tags, d.decision().strategyId(),
            d.decision().version(), d.experimentId(), d.decision().arm(), d.decision().firedRuleId(), treatments,
            String.join("\n", d.explanation()), d.reach()};
    }

    /** Bucket, grade and quadrant moves since the previous business date that has states, read set-based. */
    private List<Object[]> moves(Connection c, String first, String last, List<AccountDecision> decisions)
            throws SQLException {
        if (previous == null) {
            return List.of();
        }
        Map<String, String[]> before = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.account_id, s.bucket, d.grade, d.quadrant
                FROM account_state s LEFT JOIN run_decision d ON d.as_of = s.as_of AND d.account_id = s.account_id
                WHERE s.as_of = ? AND s.account_id >= ? AND s.account_id <= ?""")) {
            ps.setObject(1, previous);
            ps.setString(2, first);
            ps.setString(3, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    before.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (AccountDecision d : decisions) {
            String[] was = before.get(d.state().accountId());
            if (was == null) {
                continue;
            }
            move(rows, d, "BUCKET", was[0], d.state().bucket());
            move(rows, d, "GRADE", was[1], d.segment().grade().name());
            move(rows, d, "QUADRANT", was[2], d.segment().quadrant().name());
        }
        return rows;
    }

    private void move(List<Object[]> rows, AccountDecision d, String dimension, String from, String to) {
        if (from != null && !from.isBlank() && !from.equals(to)) {
            rows.add(new Object[] {asOf, d.state().accountId(), dimension, previous, from, to});
        }
    }

}

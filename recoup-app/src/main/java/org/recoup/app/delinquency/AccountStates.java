package org.recoup.app.delinquency;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.recoup.app.storage.RowSink;
import org.recoup.engine.delinquency.AgingBucket;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.delinquency.Overdue;
import org.recoup.engine.delinquency.RiskClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;

/**
 * Stored delinquency states, one per (business date, account): reading one, writing a run's states in bulk, and the
 * CSV export of a date.
 */
@Service
public class AccountStates {

    static final String COLUMNS = "as_of, account_id, run_id, currency, dpd, bucket, stage, aging_bucket, risk_class, "
            + "overdue_principal_minor, overdue_interest_minor, overdue_fees_minor, overdue_penalty_minor, "
            + "overdue_total_minor, outstanding_principal_minor, penalty_accrued_minor, unapplied_credit_minor, "
            + "oldest_unpaid_due_date, policy_version";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AccountStates(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public Optional<DelinquencyState> stored(String accountId, LocalDate asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_state WHERE as_of = ? AND account_id = ?")
                .params(asOf, accountId)
                .query((rs, i) -> read(rs))
                .optional();
    }

    public long count(LocalDate asOf) {
        return jdbc.sql("SELECT COUNT(*) FROM account_state WHERE as_of = ?").param(asOf).query(Long.class).single();
    }

    /**
     * Replaces, inside the caller's transaction, the states of {@code asOf} for the account ids from {@code first} to
     * {@code last} (inclusive, database order) with {@code states}: one chunk of a daily run, so that rerunning or
     * restarting it leaves exactly one state per account.
     */
    public void replaceChunk(LocalDate asOf, long runId, String first, String last, List<DelinquencyState> states) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM account_state WHERE as_of = ? AND "
                    + "account_id >= ? AND account_id <= ?")) {
                int i = 1;
                delete.setObject(i++, asOf);
                delete.setString(i++, first);
                delete.setString(i, last);
                delete.executeUpdate();
            }
            List<Object[]> rows = new ArrayList<>(states.size());
            for (DelinquencyState s : states) {
                rows.add(new Object[] {asOf, s.accountId(), runId, s.currency().getCurrencyCode(), s.dpd(), s.bucket(),
                    s.stage(), s.agingBucket().name(), s.riskClass().name(), s.overdue().principal(),
                    s.overdue().interest(), s.overdue().fees(), s.overdue().penalty(), s.overdue().total(),
                    s.outstandingPrincipal(), s.penaltyAccrued(), s.unappliedCredit(), s.oldestUnpaidDueDate(),
                    s.policyVersion()});
            }
            RowSink.insert(c, "account_state", COLUMNS, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("writing states of " + asOf + " up to " + last + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Writes the states of {@code asOf} as CSV (header + one row per account, amounts in major units). */
    public long exportCsv(LocalDate asOf, Writer out) throws IOException {
        out.write(StateCsv.HEADER);
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM account_state WHERE as_of = ? ORDER BY account_id")) {
                ps.setFetchSize(5_000);
                ps.setObject(1, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.write(StateCsv.row(read(rs)));
                        rows++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exporting states of " + asOf + " failed", e);
        }
        out.flush();
        return rows;
    }

    static DelinquencyState read(ResultSet rs) throws SQLException {
        java.sql.Date oldest = rs.getDate("oldest_unpaid_due_date");
        return new DelinquencyState(
                rs.getString("account_id"),
                rs.getDate("as_of").toLocalDate(),
                Currency.getInstance(rs.getString("currency").trim()),
                rs.getInt("dpd"),
                rs.getString("bucket"),
                rs.getString("stage"),
                AgingBucket.valueOf(rs.getString("aging_bucket")),
                RiskClass.valueOf(rs.getString("risk_class")),
                new Overdue(rs.getLong("overdue_principal_minor"), rs.getLong("overdue_interest_minor"),
                        rs.getLong("overdue_fees_minor"), rs.getLong("overdue_penalty_minor")),
                rs.getLong("outstanding_principal_minor"),
                rs.getLong("penalty_accrued_minor"),
                rs.getLong("unapplied_credit_minor"),
                oldest == null ? null : oldest.toLocalDate(),
                rs.getInt("policy_version"));
    }
}

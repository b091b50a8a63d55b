package org.recoup.app.delinquency;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.recoup.app.portfolio.IdRange;
import org.recoup.engine.delinquency.DelinquencyState;

/**
 * Writes one partition of a run's states in a single transaction: deletes the partition's rows of that date, then
 * streams the new ones — {@code COPY … FROM STDIN} on PostgreSQL, JDBC batches elsewhere. Nothing is visible until
 * {@link #commit()}; {@link #close()} without commit rolls back.
 */
public abstract sealed class StateWriter implements AutoCloseable {

    final Connection connection;
    final LocalDate asOf;
    final long runId;
    private boolean committed;

    StateWriter(Connection connection, LocalDate asOf, long runId) {
        this.connection = connection;
        this.asOf = asOf;
        this.runId = runId;
    }

    static StateWriter open(Connection c, LocalDate asOf, long runId, IdRange range) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM account_state WHERE as_of = ? AND "
                + range.condition("account_id"))) {
            delete.setObject(1, asOf);
            range.bind(delete, 2);
            delete.executeUpdate();
        }
        if (c.isWrapperFor(PGConnection.class)) {
            return new Copy(c, asOf, runId);
        }
        return new Batch(c, asOf, runId);
    }

    /**
     * Writes {@code states} on {@code c} inside the caller's transaction (no delete, no commit): a chunk of a daily run
     * step, whose transaction the step commits.
     */
    static void writeAll(Connection c, LocalDate asOf, long runId, Iterable<DelinquencyState> states) throws SQLException {
        StateWriter writer = c.isWrapperFor(PGConnection.class) ? new Copy(c, asOf, runId) : new Batch(c, asOf, runId);
        try {
            for (DelinquencyState s : states) {
                writer.write(s);
            }
            writer.flush();
        } catch (SQLException | RuntimeException e) {
            writer.abort();
            throw e;
        } finally {
            writer.release();
        }
    }

    void release() throws SQLException {
    }

    public abstract void write(DelinquencyState state);

    abstract void flush() throws SQLException;

    public void commit() {
        try {
            flush();
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw new IllegalStateException("writing states of " + asOf + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            if (!committed) {
                abort();
                connection.rollback();
            }
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the state writer failed", e);
        }
    }

    void abort() throws SQLException {
    }

    /** PostgreSQL: one COPY stream per partition, text format. */
    static final class Copy extends StateWriter {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 17);

        Copy(Connection c, LocalDate asOf, long runId) throws SQLException {
            super(c, asOf, runId);
            this.copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY account_state (" + AccountStates.COLUMNS + ") FROM STDIN");
        }

        @Override
        public void write(DelinquencyState s) {
            StringBuilder b = buffer;
            b.append(asOf).append('\t').append(escape(s.accountId())).append('\t').append(runId).append('\t')
                    .append(s.currency().getCurrencyCode()).append('\t').append(s.dpd()).append('\t')
                    .append(escape(s.bucket())).append('\t').append(escape(s.stage())).append('\t')
                    .append(s.agingBucket().name()).append('\t').append(s.riskClass().name()).append('\t')
                    .append(s.overdue().principal()).append('\t').append(s.overdue().interest()).append('\t')
                    .append(s.overdue().fees()).append('\t').append(s.overdue().penalty()).append('\t')
                    .append(s.overdue().total()).append('\t').append(s.outstandingPrincipal()).append('\t')
                    .append(s.penaltyAccrued()).append('\t').append(s.unappliedCredit()).append('\t')
                    .append(s.oldestUnpaidDueDate() == null ? "\\N" : s.oldestUnpaidDueDate().toString()).append('\t')
                    .append(s.policyVersion()).append('\n');
            if (b.length() > (1 << 17) - 512) {
                try {
                    send();
                } catch (SQLException e) {
                    throw new IllegalStateException("COPY of states failed", e);
                }
            }
        }

        private void send() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        void flush() throws SQLException {
            send();
            copy.endCopy();
        }

        @Override
        void abort() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        private static String escape(String value) {
            if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                return value;
            }
            return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    /** Other databases (H2): batched inserts. */
    static final class Batch extends StateWriter {
        private static final int BATCH = 1_000;
        private final PreparedStatement insert;
        private int pending;

        Batch(Connection c, LocalDate asOf, long runId) throws SQLException {
            super(c, asOf, runId);
            this.insert = c.prepareStatement("INSERT INTO account_state (" + AccountStates.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void write(DelinquencyState s) {
            try {
                PreparedStatement p = insert;
                p.setObject(1, asOf);
                p.setString(2, s.accountId());
                p.setLong(3, runId);
                p.setString(4, s.currency().getCurrencyCode());
                p.setInt(5, s.dpd());
                p.setString(6, s.bucket());
                p.setString(7, s.stage());
                p.setString(8, s.agingBucket().name());
                p.setString(9, s.riskClass().name());
                p.setLong(10, s.overdue().principal());
                p.setLong(11, s.overdue().interest());
                p.setLong(12, s.overdue().fees());
                p.setLong(13, s.overdue().penalty());
                p.setLong(14, s.overdue().total());
                p.setLong(15, s.outstandingPrincipal());
                p.setLong(16, s.penaltyAccrued());
                p.setLong(17, s.unappliedCredit());
                if (s.oldestUnpaidDueDate() == null) {
                    p.setNull(18, Types.DATE);
                } else {
                    p.setDate(18, Date.valueOf(s.oldestUnpaidDueDate()));
                }
                p.setInt(19, s.policyVersion());
                p.addBatch();
                if (++pending >= BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("inserting the state of " + s.accountId() + " failed", e);
            }
        }

        @Override
        void release() throws SQLException {
            insert.close();
        }

        @Override
        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

}

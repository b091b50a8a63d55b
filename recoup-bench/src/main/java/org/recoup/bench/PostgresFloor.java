package org.recoup.bench;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;

/**
 * The floor of the daily run: what PostgreSQL alone needs to hand over the run's inputs ({@code COPY (…) TO STDOUT}
 * of the same four queries the run reads, per partition, in parallel like the run) and to take its outputs
 * ({@code COPY … FROM STDIN} of the run's states into an identical table with the same primary key). The input queries
 * are {@link PortfolioReader#inputQueries}, so the floor always reads exactly what the run reads.
 */
final class PostgresFloor {

    private final String url;
    private final String user;
    private final String password;

    PostgresFloor(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Reads every input of every range, ranges in parallel; returns bytes read. */
    long readInputs(List<IdRange> ranges) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(ranges.size())) {
            List<Future<Long>> parts = new ArrayList<>();
            for (IdRange range : ranges) {
                parts.add(pool.submit(() -> {
                    long bytes = 0;
                    try (Connection c = connect()) {
                        for (String sql : PortfolioReader.inputQueries(range)) {
                            CountingSink sink = new CountingSink();
                            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + sql + ") TO STDOUT", sink);
                            bytes += sink.count;
                        }
                    }
                    return bytes;
                }));
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        }
    }

    /** The run's output of {@code asOf} as COPY text, per range (read once, not timed). */
    List<byte[]> outputs(LocalDate asOf, List<IdRange> ranges) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Connection c = connect()) {
            for (IdRange range : ranges) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM account_state WHERE as_of = DATE '"
                        + asOf + "' AND " + range.literalCondition("account_id") + ") TO STDOUT", bytes);
                out.add(bytes.toByteArray());
            }
        }
        return out;
    }

    void prepareOutputTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS account_state_floor");
            s.execute("CREATE TABLE account_state_floor (LIKE account_state INCLUDING ALL)");
        }
    }

    /** Writes the outputs into the floor table, ranges in parallel, each in its own transaction. */
    void writeOutputs(List<byte[]> outputs) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(outputs.size())) {
            List<Future<Long>> parts = new ArrayList<>();
            for (byte[] data : outputs) {
                parts.add(pool.submit(() -> {
                    try (Connection c = connect()) {
                        c.setAutoCommit(false);
                        long rows = c.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn("COPY account_state_floor FROM STDIN", new ByteArrayInputStream(data));
                        c.commit();
                        return rows;
                    }
                }));
            }
            for (Future<Long> f : parts) {
                f.get();
            }
        }
    }

    void dropOutputTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS account_state_floor");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

}

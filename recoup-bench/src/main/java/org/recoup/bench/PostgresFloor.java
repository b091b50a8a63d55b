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
import org.recoup.app.dailyrun.RunInputs;
import org.recoup.app.portfolio.PortfolioReader;

/**
 * The floor of the daily run: what PostgreSQL alone needs to hand over the run's inputs ({@code COPY (…) TO STDOUT}
 * of the same seven queries the run reads, per partition, in parallel like the run) and to take its outputs
 * ({@code COPY … FROM STDIN} of the run's states, decisions, moves and actions into identical tables with the same
 * keys). The input queries are {@link PortfolioReader#inputQueries} and {@link RunInputs#factQueries}, so the floor
 * always reads exactly what the run reads.
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

    /** The run's output tables, written by the floor into {@code <table>_floor} copies. */
    static final List<String> OUTPUT_TABLES = List.of("account_state", "run_decision", "state_move", "run_action");

    /**
     * Reads every input of every range (debt file and decision facts of {@code asOf}), ranges in parallel, then — when
     * {@code caseStep} — the case step's read of the decisions, split in as many parallel parts; returns bytes read.
     */
    long readInputs(List<IdRange> ranges, LocalDate asOf, boolean caseStep) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(ranges.size())) {
            List<Future<Long>> parts = new ArrayList<>();
            if (!caseStep) {
                for (IdRange range : ranges) {
                    List<String> queries = new ArrayList<>(PortfolioReader.inputQueries(range));
                    queries.addAll(RunInputs.factQueries(range, asOf));
                    parts.add(pool.submit(() -> copyOut(queries)));
                }
            } else {
                String all = RunInputs.caseStepQuery(asOf);
                for (int i = 0; i < ranges.size(); i++) {
                    // the same read split by account range (the run splits it by case range; the bytes are the same)
                    String part = all.replace("WHERE", "WHERE " + ranges.get(i).literalCondition("d.account_id") + " AND");
                    parts.add(pool.submit(() -> copyOut(List.of(part))));
                }
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        }
    }

    private long copyOut(List<String> queries) throws Exception {
        long bytes = 0;
        try (Connection c = connect()) {
            for (String sql : queries) {
                CountingSink sink = new CountingSink();
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + sql + ") TO STDOUT", sink);
                bytes += sink.count;
            }
        }
        return bytes;
    }

    /**
     * The run's outputs of {@code asOf} as COPY text spooled to files in {@code dir} (read once, not timed), one part
     * per range and table: account tables by account id range, the actions by line count.
     */
    List<Output> outputs(LocalDate asOf, List<IdRange> ranges, java.nio.file.Path dir) throws Exception {
        List<Output> out = new ArrayList<>();
        java.nio.file.Files.createDirectories(dir);
        try (Connection c = connect()) {
            for (String table : OUTPUT_TABLES.subList(0, 3)) {
                for (IdRange range : ranges) {
                    java.nio.file.Path file = dir.resolve(table + "-" + out.size() + ".copy");
                    try (OutputStream o = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM " + table
                                + " WHERE as_of = DATE '" + asOf + "' AND " + range.literalCondition("account_id")
                                + ") TO STDOUT", o);
                    }
                    out.add(new Output(table, file));
                }
            }
            long actions = 0;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM run_action WHERE as_of = DATE '"
                    + asOf + "'")) {
                rs.next();
                actions = rs.getLong(1);
            }
            for (int i = 0; i < ranges.size(); i++) {
                java.nio.file.Path file = dir.resolve("run_action-" + i + ".copy");
                try (OutputStream o = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM run_action WHERE as_of = DATE '"
                            + asOf + "' ORDER BY case_id, action OFFSET " + (actions * i / ranges.size()) + " LIMIT "
                            + (actions * (i + 1) / ranges.size() - actions * i / ranges.size()) + ") TO STDOUT", o);
                }
                out.add(new Output("run_action", file));
            }
        }
        return out;
    }

    /** One part of the outputs: COPY text for a table, in a file. */
    record Output(String table, java.nio.file.Path file) {
    }

    void prepareOutputTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : OUTPUT_TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table + "_floor");
                s.execute("CREATE TABLE " + table + "_floor (LIKE " + table + " INCLUDING ALL)");
            }
        }
    }

    /** Writes the outputs into the floor tables, one thread per range as the run, each part in its own transaction. */
    void writeOutputs(List<Output> outputs, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> parts = new ArrayList<>();
            for (Output part : outputs) {
                parts.add(pool.submit(() -> {
                    try (Connection c = connect()) {
                        c.setAutoCommit(false);
                        long rows = c.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn("COPY " + part.table() + "_floor FROM STDIN",
                                        new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(part.file()), 1 << 16));
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
            for (String table : OUTPUT_TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table + "_floor");
            }
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

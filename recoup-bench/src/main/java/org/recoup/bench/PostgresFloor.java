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
 * of the same seven queries the run reads, per partition, in parallel like the run; the case step's read; the
 * compliance gate's fact queries for the contacts the run planned) and to take its outputs ({@code COPY … FROM STDIN}
 * of the run's states, decisions, moves, actions and the gate's verdicts with their reasons into identical tables with
 * the same keys). The input queries are {@link PortfolioReader#inputQueries} and {@link RunInputs#factQueries}, so the
 * floor always reads exactly what the run reads.
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
    static final List<String> OUTPUT_TABLES = List.of("account_state", "run_decision", "state_move", "run_action",
            "compliance_verdict", "compliance_verdict_reason");

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

    /** Days the gate reads contact history back: the longest frequency window of the shipped profiles (7-in-7) + 2. */
    static final int GATE_HISTORY_DAYS = 7 + 2;

    /**
     * Untimed: the keys of the contacts the run with {@code source} screened ({@code compliance_verdict.source}, e.g.
     * {@code DAILY_RUN 42}), per account range {@code part} — what the gate's IN-lists hold, chunk by chunk: the
     * requests' accounts, parties (plus the accounts' borrowers) and contact points.
     */
    void prepareGateKeys(List<IdRange> ranges, String source) throws SQLException {
        StringBuilder part = new StringBuilder("CASE");
        for (int i = 0; i < ranges.size(); i++) {
            part.append(" WHEN ").append(ranges.get(i).literalCondition("account_id")).append(" THEN ").append(i);
        }
        part.append(" END");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            dropGateKeys(s);
            s.execute("CREATE TABLE floor_gate_request AS SELECT " + part + " AS part, account_id, party_id, "
                    + "contact_point_id, contact_at FROM compliance_verdict WHERE source = '" + source.replace("'", "''") + "'");
            s.execute("CREATE TABLE floor_gate_account AS SELECT DISTINCT part, account_id AS id FROM floor_gate_request");
            s.execute("CREATE TABLE floor_gate_party AS SELECT DISTINCT part, party_id AS id FROM floor_gate_request");
            s.execute("CREATE TABLE floor_gate_point AS SELECT DISTINCT part, contact_point_id AS id FROM floor_gate_request "
                    + "WHERE contact_point_id IS NOT NULL");
            s.execute("CREATE TABLE floor_gate_people AS SELECT part, id FROM floor_gate_party UNION "
                    + "SELECT a.part, ap.party_id FROM floor_gate_account a JOIN account_party ap ON ap.account_id = a.id "
                    + "AND ap.role = 'BORROWER'");
            s.execute("CREATE TABLE floor_gate_borrower AS SELECT DISTINCT a.part, ap.party_id AS id FROM floor_gate_account a "
                    + "JOIN account_party ap ON ap.account_id = a.id AND ap.role = 'BORROWER'");
            for (String t : GATE_KEY_TABLES) {
                s.execute("ANALYZE " + t);
            }
        }
    }

    private static final List<String> GATE_KEY_TABLES = List.of("floor_gate_request", "floor_gate_account",
            "floor_gate_party", "floor_gate_point", "floor_gate_people", "floor_gate_borrower");

    void dropGateKeys() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            dropGateKeys(s);
        }
    }

    private static void dropGateKeys(Statement s) throws SQLException {
        for (String t : GATE_KEY_TABLES) {
            s.execute("DROP TABLE IF EXISTS " + t);
        }
    }

    /**
     * The compliance gate's reads for the run's planned contacts, set-based per range as the gate issues them per
     * chunk ({@code GateFacts.load}: accounts, roles, parties, reachable borrowers, contact points, holds, windows,
     * pending promises, refusals, and the contact history by account, party and contact point since the earliest
     * request less the frequency horizon); the IN-lists are the key tables of {@link #prepareGateKeys}. Returns bytes.
     */
    long readGateFacts(List<IdRange> ranges) throws Exception {
        String since;
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT MIN(contact_at) - INTERVAL '" + GATE_HISTORY_DAYS + " days' FROM floor_gate_request")) {
            rs.next();
            since = rs.getString(1);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(ranges.size())) {
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                String a = "(SELECT id FROM floor_gate_account WHERE part = " + i + ")";
                String p = "(SELECT id FROM floor_gate_party WHERE part = " + i + ")";
                String pp = "(SELECT id FROM floor_gate_people WHERE part = " + i + ")";
                String b = "(SELECT id FROM floor_gate_borrower WHERE part = " + i + ")";
                String cp = "(SELECT id FROM floor_gate_point WHERE part = " + i + ")";
                String sinceLit = "TIMESTAMP WITH TIME ZONE '" + since + "'";
                List<String> queries = List.of(
                        "SELECT account_id, jurisdiction, portfolio FROM account WHERE account_id IN " + a,
                        "SELECT account_id, party_id, role FROM account_party WHERE account_id IN " + a,
                        "SELECT party_id, time_zone, deceased, bankrupt, incarcerated FROM party WHERE party_id IN " + pp,
                        "SELECT DISTINCT party_id FROM contact_point WHERE party_id IN " + b + " AND valid = TRUE AND consent = TRUE",
                        "SELECT contact_point_id, party_id, type, consent, valid, time_zone FROM contact_point "
                                + "WHERE contact_point_id IN " + cp,
                        "SELECT party_id, type, from_at, to_at, ended_at, reason, set_by FROM party_hold WHERE party_id IN " + p,
                        "SELECT party_id, recorded_at, window_start, window_end FROM party_contact_window WHERE party_id IN "
                                + p + " ORDER BY recorded_at, window_id",
                        "SELECT party_id, account_id, due_date, promised_at FROM promise WHERE party_id IN " + p
                                + " AND status = 'PENDING'",
                        "SELECT DISTINCT party_id FROM contact_attempt WHERE party_id IN " + p + " AND outcome = 'REFUSED_CONTACT'",
                        history("account_id", a, sinceLit), history("party_id", p, sinceLit),
                        history("contact_point_id", cp, sinceLit));
                parts.add(pool.submit(() -> copyOut(queries)));
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        }
    }

    private static String history(String column, String keys, String since) {
        return "SELECT contact_id, account_id, party_id, contact_point_id, channel, attempted_at, outcome "
                + "FROM contact_attempt WHERE " + column + " IN " + keys + " AND attempted_at >= " + since;
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
    List<Output> outputs(LocalDate asOf, List<IdRange> ranges, String gateSource, java.nio.file.Path dir) throws Exception {
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
            if (gateSource != null) {
                String src = "'" + gateSource.replace("'", "''") + "'";
                for (IdRange range : ranges) {
                    java.nio.file.Path file = dir.resolve("compliance_verdict-" + out.size() + ".copy");
                    try (OutputStream o = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM compliance_verdict WHERE source = "
                                + src + " AND " + range.literalCondition("account_id") + ") TO STDOUT", o);
                    }
                    out.add(new Output("compliance_verdict", file));
                    java.nio.file.Path reasons = dir.resolve("compliance_verdict_reason-" + out.size() + ".copy");
                    try (OutputStream o = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(reasons), 1 << 16)) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT r.* FROM compliance_verdict_reason r "
                                + "JOIN compliance_verdict v ON v.verdict_id = r.verdict_id WHERE v.source = " + src + " AND "
                                + range.literalCondition("v.account_id") + ") TO STDOUT", o);
                    }
                    out.add(new Output("compliance_verdict_reason", reasons));
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

package org.recoup.app.dailyrun;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into one table on a connection the caller owns, inside its transaction: {@code COPY … FROM STDIN}
 * (text format) on PostgreSQL, JDBC batches elsewhere. Values: String, Long/Integer, LocalDate, Instant or null.
 */
final class RowSink {

    private RowSink() {
    }

    static void insert(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (c.isWrapperFor(PGConnection.class)) {
            copy(c.unwrap(PGConnection.class), table, columns, rows);
        } else {
            batch(c, table, columns, rows);
        }
    }

    private static void copy(PGConnection pg, String table, String columns, List<Object[]> rows) throws SQLException {
        CopyIn copy = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        try {
            StringBuilder b = new StringBuilder(1 << 16);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        b.append('\t');
                    }
                    appendCopy(b, row[i]);
                }
                b.append('\n');
                if (b.length() > (1 << 16) - 1024) {
                    send(copy, b);
                }
            }
            send(copy, b);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder b) throws SQLException {
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    private static void appendCopy(StringBuilder b, Object value) {
        if (value == null) {
            b.append("\\N");
        } else if (value instanceof Instant instant) {
            b.append(instant); // ISO-8601 with Z: PostgreSQL reads it as UTC
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(ch);
                }
            }
        }
    }

    private static void batch(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        int n = rows.getFirst().length;
        String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < n; i++) {
                    Object v = row[i];
                    if (v instanceof Instant instant) {
                        ps.setTimestamp(i + 1, Timestamp.from(instant));
                    } else if (v instanceof LocalDate date) {
                        ps.setObject(i + 1, date);
                    } else {
                        ps.setObject(i + 1, v);
                    }
                }
                ps.addBatch();
                if (++pending == 1_000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }
}

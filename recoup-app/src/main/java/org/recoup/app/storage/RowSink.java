package org.recoup.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into one table on a connection the caller owns, inside its transaction: {@code COPY … FROM STDIN}
 * (text format) on PostgreSQL, JDBC batches elsewhere. Values: String, Long/Integer, LocalDate, Instant (written as a
 * UTC instant) or null.
 */
public final class RowSink {

    private RowSink() {
    }

    public static void insert(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
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
            CopyBuffer b = new CopyBuffer();
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        b.put('\t');
                    }
                    b.value(row[i]);
                }
                b.put('\n');
                if (b.size > CopyBuffer.FLUSH_AT) {
                    b.sendTo(copy);
                }
            }
            b.sendTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * COPY text-format bytes, encoded straight into UTF-8 (no intermediate String per buffer): backslash, tab, newline
     * and carriage return escaped, null as {@code \N}, an unpaired surrogate as {@code ?} (as String.getBytes does).
     */
    static final class CopyBuffer {

        static final int FLUSH_AT = (1 << 16) - 1024;

        byte[] bytes = new byte[1 << 16];
        int size;

        void put(char ascii) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) ascii;
        }

        void value(Object value) {
            if (value == null) {
                put('\\');
                put('N');
            } else if (value instanceof String s) {
                text(s);
            } else {
                text(value.toString()); // Instant: ISO-8601 with Z, read as UTC; LocalDate: ISO; numbers
            }
        }

        private void text(String s) {
            int n = s.length();
            if (bytes.length - size < n * 4 + 8) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n * 4 + 8));
            }
            byte[] a = bytes;
            int k = size;
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(i);
                if (ch < 0x80) {
                    switch (ch) {
                        case '\\' -> { a[k++] = '\\'; a[k++] = '\\'; }
                        case '\t' -> { a[k++] = '\\'; a[k++] = 't'; }
                        case '\n' -> { a[k++] = '\\'; a[k++] = 'n'; }
                        case '\r' -> { a[k++] = '\\'; a[k++] = 'r'; }
                        default -> a[k++] = (byte) ch;
                    }
                } else if (ch < 0x800) {
                    a[k++] = (byte) (0xC0 | (ch >> 6));
                    a[k++] = (byte) (0x80 | (ch & 0x3F));
                } else if (Character.isSurrogate(ch)) {
                    if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(ch, s.charAt(++i));
                        a[k++] = (byte) (0xF0 | (cp >> 18));
                        a[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        a[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        a[k++] = (byte) (0x80 | (cp & 0x3F));
                    } else {
                        a[k++] = '?';
                    }
                } else {
                    a[k++] = (byte) (0xE0 | (ch >> 12));
                    a[k++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                    a[k++] = (byte) (0x80 | (ch & 0x3F));
                }
            }
            size = k;
        }

        void sendTo(CopyIn copy) throws SQLException {
            if (size > 0) {
                copy.writeToCopy(bytes, 0, size);
                size = 0;
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

package org.recoup.app.portfolio;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a PostgreSQL staging table with {@code COPY … FROM STDIN} in text format, flushing a bounded
 * buffer every {@value #FLUSH_CHARS} characters, so memory does not grow with the file.
 */
final class ImportCopyWriter implements ImportStagingWriter {

    private static final int FLUSH_CHARS = 256 * 1024;

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private boolean finished;

    ImportCopyWriter(Connection connection, String table, List<String> columns) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (row_no, ok, " + String.join(", ", columns) + ") FROM STDIN");
    }

    @Override
    public void write(long rowNumber, boolean ok, Object[] values) throws SQLException {
        StringBuilder b = buffer;
        b.append(rowNumber).append('\t').append(ok ? 't' : 'f');
        for (Object value : values) {
            b.append('\t');
            append(b, value);
        }
        b.append('\n');
        if (b.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    private static void append(StringBuilder b, Object value) {
        switch (value) {
            case null -> b.append("\\N");
            case String s -> escape(b, s);
            case Boolean flag -> b.append(flag ? 't' : 'f');
            case Long n -> b.append(n.longValue());
            case Integer n -> b.append(n.intValue());
            case BigDecimal d -> b.append(d.toPlainString());
            default -> b.append(value);
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private static void escape(StringBuilder b, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void finish() throws SQLException {
        flush();
        copy.endCopy();
        finished = true;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!finished && copy.isActive()) {
                copy.cancelCopy();
            }
        } finally {
            connection.close();
        }
    }
}

package org.recoup.app.portfolio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Inserts rows into a staging table with JDBC batches (H2 and other databases without {@code COPY}). */
final class ImportBatchWriter implements ImportStagingWriter {

    private static final int BATCH = 2_000;

    private final Connection connection;
    private final PreparedStatement insert;
    private int pending;

    ImportBatchWriter(Connection connection, String table, List<String> columns) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        String placeholders = String.join(", ", Collections.nCopies(columns.size() + 2, "?"));
        this.insert = connection.prepareStatement("INSERT INTO " + table + " (row_no, ok, " + String.join(", ", columns)
                + ") VALUES (" + placeholders + ")");
    }

    @Override
    public void write(long rowNumber, boolean ok, Object[] values) throws SQLException {
        insert.setLong(1, rowNumber);
        insert.setBoolean(2, ok);
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 3, values[i]);
        }
        insert.addBatch();
        if (++pending == BATCH) {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        try {
            insert.close();
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}

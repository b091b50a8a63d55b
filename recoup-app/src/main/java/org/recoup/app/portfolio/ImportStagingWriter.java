package org.recoup.app.portfolio;

import java.sql.SQLException;

/**
 * Writes parsed rows into one staging table: PostgreSQL {@code COPY} ({@link ImportCopyWriter}) or JDBC batches
 * ({@link ImportBatchWriter}). Values are in staging column order; a writer owns its connection.
 */
interface ImportStagingWriter extends AutoCloseable {

    void write(long rowNumber, boolean ok, Object[] values) throws SQLException;

    /** Sends what is buffered and ends the load; rows are visible to other connections afterwards. */
    void finish() throws SQLException;

    /** Releases the connection; abandons the load when {@link #finish()} was not called. */
    @Override
    void close() throws SQLException;
}

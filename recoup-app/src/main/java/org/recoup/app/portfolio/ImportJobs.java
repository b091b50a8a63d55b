package org.recoup.app.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code import_job}, {@code import_job_file} and {@code import_error} tables: where an import's state survives. */
@Repository
class ImportJobs {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    long create(ImportMode mode, String requestedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO import_job (status, import_mode, requested_by, requested_at, heartbeat_at)"
                        + " VALUES ('RUNNING', ?, ?, ?, ?)")
                .params(mode.name(), truncate(requestedBy, 100), now, now)
                .update(key, "import_id");
        return key.getKeyAs(Number.class).longValue();
    }

    void phase(long id, String phase) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE import_job SET phase = ?, heartbeat_at = ?, started_at = COALESCE(started_at, ?)"
                        + " WHERE import_id = ?")
                .params(phase, now, now, id).update();
    }

    void file(long id, ImportFile file, String origin) {
        jdbc.sql("INSERT INTO import_job_file (import_id, file_name, file_no, origin) VALUES (?, ?, ?, ?)")
                .params(id, file.fileName(), file.ordinal(), truncate(origin, 300)).update();
    }

    void progress(long id, long processed) {
        jdbc.sql("UPDATE import_job SET processed = ?, heartbeat_at = ? WHERE import_id = ?")
                .params(processed, now(), id).update();
    }

    void progress(long id, long processed, ImportFile file, long rows, String encoding) {
        progress(id, processed);
        jdbc.sql("UPDATE import_job_file SET rows_read = ?, encoding = ? WHERE import_id = ? AND file_name = ?")
                .params(rows, encoding, id, file.fileName()).update();
    }

    void changed(long id, Map<ImportFile, Long> changed) {
        changed.forEach((file, rows) -> jdbc.sql(
                        "UPDATE import_job_file SET rows_changed = ? WHERE import_id = ? AND file_name = ?")
                .params(rows, id, file.fileName()).update());
    }

    void heartbeat(List<Long> ids) {
        OffsetDateTime now = now();
        for (Long id : ids) {
            jdbc.sql("UPDATE import_job SET heartbeat_at = ? WHERE import_id = ? AND status = 'RUNNING'")
                    .params(now, id).update();
        }
    }

    void finish(long id, ImportStatus status, long processed, long errorCount, String failure) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE import_job SET status = ?, phase = 'done', processed = ?, error_count = ?, failure = ?,"
                        + " finished_at = ?, heartbeat_at = ? WHERE import_id = ?")
                .params(status.name(), processed, errorCount, truncate(failure, 2000), now, now, id).update();
    }

    /** Ends an import that could not run (nothing read, nothing applied). */
    void fail(long id, String failure) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE import_job SET status = 'FAILED', phase = 'done', failure = ?, finished_at = ?, heartbeat_at = ?"
                        + " WHERE import_id = ? AND status = 'RUNNING'")
                .params(truncate(failure, 2000), now, now, id).update();
    }

    /** Imports still RUNNING whose heartbeat is older than {@code staleBefore}: their process is gone. */
    List<Long> stale(Instant staleBefore) {
        return jdbc.sql("SELECT import_id FROM import_job WHERE status = 'RUNNING' AND heartbeat_at < ?")
                .param(staleBefore.atOffset(ZoneOffset.UTC)).query(Long.class).list();
    }

    Optional<ImportResult> find(long id, int errorLimit) {
        return jdbc.sql("SELECT * FROM import_job WHERE import_id = ?").param(id)
                .query((rs, n) -> result(rs, errorLimit)).optional();
    }

    /** Every error of an import in reading order, streamed (PostgreSQL needs a transaction to use a cursor). */
    void errors(long id, Consumer<ImportError> consumer) {
        transactions.executeWithoutResult(status -> {
            JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
            streaming.setFetchSize(5_000);
            streaming.query("SELECT file_name, row_no, column_name, message FROM import_error WHERE import_id = ?"
                            + " ORDER BY file_no, row_no, error_no",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(error(rs)), id);
        });
    }

    private ImportResult result(ResultSet rs, int errorLimit) throws SQLException {
        long id = rs.getLong("import_id");
        List<ImportResult.FileSummary> files = jdbc.sql(
                        "SELECT file_name, origin, encoding, rows_read, rows_changed FROM import_job_file"
                                + " WHERE import_id = ? ORDER BY file_no")
                .param(id)
                .query((f, n) -> new ImportResult.FileSummary(f.getString("file_name"), f.getString("origin"),
                        f.getString("encoding"), f.getLong("rows_read"), (Long) f.getObject("rows_changed", Long.class)))
                .list();
        Map<String, Long> counts = new LinkedHashMap<>();
        files.forEach(f -> counts.put(f.file(), f.rows()));
        List<ImportError> errors = jdbc.sql("SELECT file_name, row_no, column_name, message FROM import_error"
                        + " WHERE import_id = ? ORDER BY file_no, row_no, error_no FETCH FIRST " + errorLimit + " ROWS ONLY")
                .param(id).query((e, n) -> error(e)).list();
        return new ImportResult(id,
                ImportStatus.valueOf(rs.getString("status")),
                ImportMode.valueOf(rs.getString("import_mode")),
                rs.getString("phase"),
                rs.getLong("processed"),
                counts,
                files,
                errors,
                rs.getLong("error_count"),
                rs.getString("failure"),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static ImportError error(ResultSet rs) throws SQLException {
        return new ImportError(rs.getString("file_name"), rs.getLong("row_no"), rs.getString("column_name"),
                rs.getString("message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

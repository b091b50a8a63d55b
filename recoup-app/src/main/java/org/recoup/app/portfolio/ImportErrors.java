package org.recoup.app.portfolio;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collects the errors of one import and stores every one of them in {@code import_error}, in batches, so a file with a
 * million bad rows does not need a million errors in memory. Keeps counts per file, which tell the checks which
 * staged rows to mark as not ok.
 */
final class ImportErrors implements Consumer<ImportError> {

    static final int OTHER_FILE = 99;
    private static final int BATCH = 1_000;
    private static final int MESSAGE_MAX = 1_000;

    private final JdbcTemplate jdbc;
    private final long importId;
    private final List<Object[]> pending = new ArrayList<>(BATCH);
    private final Map<ImportFile, Long> perFile = new EnumMap<>(ImportFile.class);
    private long count;

    ImportErrors(JdbcTemplate jdbc, long importId) {
        this.jdbc = jdbc;
        this.importId = importId;
    }

    @Override
    public void accept(ImportError error) {
        ImportFile file = ImportFile.byName(error.file()).filter(f -> f.fileName().equals(error.file())).orElse(null);
        if (file != null) {
            perFile.merge(file, 1L, Long::sum);
        }
        count++;
        String message = error.message().length() > MESSAGE_MAX ? error.message().substring(0, MESSAGE_MAX) : error.message();
        pending.add(new Object[] {importId, file == null ? OTHER_FILE : file.ordinal(), error.row(), count,
                truncate(error.file(), 200), error.column(), message});
        if (pending.size() == BATCH) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO import_error (import_id, file_no, row_no, error_no, file_name, column_name, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", pending);
        pending.clear();
    }

    long count() {
        return count;
    }

    long count(ImportFile file) {
        return perFile.getOrDefault(file, 0L);
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}

package org.recoup.app.portfolio;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state of an import, as {@code GET /api/v1/imports/{id}} shows it and {@link ImportService#importFiles} returns
 * it.
 *
 * @param id          the import id
 * @param status      RUNNING, SUCCEEDED (applied) or FAILED (rejected because of errors, or stopped by a failure)
 * @param mode        all-or-nothing or valid-only
 * @param phase       queued, staging, validating, applying or done
 * @param processed   data rows read so far, over all files
 * @param counts      data rows read per file, e.g. {@code {"accounts.csv": 1000}}
 * @param files       per file: where it came from, its detected encoding, rows read and rows inserted or changed
 * @param errors      the first {@value ImportService#ERRORS_SHOWN} errors, by file (contract order) and row; all of
 *                    them are in {@code GET /api/v1/imports/{id}/errors.csv}
 * @param errorCount  how many errors there are in all
 * @param failure     why the import stopped when it failed for another reason than invalid rows, else null
 */
public record ImportResult(
        long id,
        ImportStatus status,
        ImportMode mode,
        String phase,
        long processed,
        Map<String, Long> counts,
        List<FileSummary> files,
        List<ImportError> errors,
        long errorCount,
        String failure,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt) {

    /**
     * One file of the import.
     *
     * @param file     the contract name, e.g. {@code installments.csv}
     * @param origin   where it was read from, e.g. {@code portfolio.zip!data/installments.csv}
     * @param encoding the detected character encoding (UTF-8, GB18030, US-ASCII) or XLSX
     * @param rows     data rows read
     * @param changed  rows inserted or changed when applied (null until applied); 0 on an identical re-import
     */
    @Schema(name = "ImportFileSummary")
    public record FileSummary(String file, String origin, String encoding, long rows, Long changed) {
    }

    /** The import finished and its rows are in the database. */
    public boolean applied() {
        return status == ImportStatus.SUCCEEDED;
    }

    /** The import finished without applying anything. */
    public boolean failed() {
        return status == ImportStatus.FAILED;
    }

    public boolean finished() {
        return status != ImportStatus.RUNNING;
    }
}

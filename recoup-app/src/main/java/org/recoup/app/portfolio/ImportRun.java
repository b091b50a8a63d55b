package org.recoup.app.portfolio;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.recoup.app.portfolio.ImportChecks.Staged;
import org.recoup.app.portfolio.ImportRow.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One import from start to end: create the staging tables; stream each file once into them, checking every field;
 * run the set-based checks; apply in one transaction when there are no errors (or in valid-only mode); record the
 * outcome; drop the staging tables.
 */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    static final int PROGRESS_EVERY = 50_000;

    /** How a run ended. */
    enum Outcome { SUCCEEDED, REJECTED, FAILED }

    private final long id;
    private final ImportMode mode;
    private final ImportSource source;
    private final ImportProgress progress;
    private final ImportJobs jobs;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final ImportStaging.Dialect dialect;
    private final ImportProperties properties;
    private final MeterRegistry meters;

    private final ImportStaging staging;
    private final ImportErrors errors;
    private long processed;

    ImportRun(long id, ImportMode mode, ImportSource source, ImportProgress progress, ImportJobs jobs,
              DataSource dataSource, PlatformTransactionManager transactions, ImportStaging.Dialect dialect,
              ImportProperties properties, MeterRegistry meters) {
        this.id = id;
        this.mode = mode;
        this.source = source;
        this.progress = progress;
        this.jobs = jobs;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.dialect = dialect;
        this.properties = properties;
        this.meters = meters;
        this.staging = new ImportStaging(dataSource, dialect, id);
        this.errors = new ImportErrors(new JdbcTemplate(dataSource), id);
    }

    Outcome execute() {
        Outcome outcome;
        String failure = null;
        try {
            outcome = stageCheckApply();
        } catch (Exception | Error e) {
            log.error("import {} failed", id, e);
            outcome = Outcome.FAILED;
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                errors.flush();
            } catch (RuntimeException ignored) {
                // the failure is what gets reported
            }
        } finally {
            try {
                staging.drop();
            } catch (RuntimeException e) {
                log.warn("import {}: could not drop its staging tables", id, e);
            }
        }
        jobs.finish(id, outcome == Outcome.SUCCEEDED ? ImportStatus.SUCCEEDED : ImportStatus.FAILED, processed,
                errors.count(), failure);
        meters.counter("recoup.import.errors").increment(errors.count());
        progress.phase("done");
        return outcome;
    }

    private Outcome stageCheckApply() throws IOException, SQLException {
        long started = System.nanoTime();
        phase("staging");
        staging.create();
        Map<ImportFile, Staged> staged = new EnumMap<>(ImportFile.class);
        try (ImportInputs inputs = ImportInputs.resolve(source, errors)) {
            ImportDuplicateFilter duplicates = new ImportDuplicateFilter();
            for (ImportInputs.Input input : inputs.inputs()) {
                staged.put(input.file(), stage(input, duplicates));
            }
        }
        jobs.progress(id, processed);
        errors.flush();

        long stagedAt = System.nanoTime();
        log.info("import {}: read {} rows in {} ms", id, processed, (stagedAt - started) / 1_000_000);
        phase("validating");
        staging.analyze();
        new ImportChecks(dataSource, staging, errors, mode, id).run(staged);
        errors.flush();
        long checkedAt = System.nanoTime();
        log.info("import {}: checked in {} ms, {} errors", id, (checkedAt - stagedAt) / 1_000_000, errors.count());
        if (errors.count() > 0 && mode == ImportMode.ALL_OR_NOTHING) {
            log.info("import {} rejected: {} errors", id, errors.count());
            return Outcome.REJECTED;
        }

        phase("applying");
        Map<ImportFile, Long> stagedRows = new EnumMap<>(ImportFile.class);
        staged.forEach((file, s) -> stagedRows.put(file, s.rows()));
        Map<ImportFile, Long> changed = new ImportApply(dataSource, transactions, staging, dialect,
                properties.bulkThreshold()).apply(stagedRows);
        jobs.changed(id, changed);
        log.info("import {} applied in {} ms: read {}, changed {}, {} errors", id,
                (System.nanoTime() - checkedAt) / 1_000_000, stagedRows, changed, errors.count());
        return Outcome.SUCCEEDED;
    }

    /** Streams one file into its staging table, checking each field; returns what the set-based checks need. */
    private Staged stage(ImportInputs.Input input, ImportDuplicateFilter duplicates) throws IOException, SQLException {
        long started = System.nanoTime();
        ImportFile file = input.file();
        String name = file.fileName();
        jobs.file(id, file, input.origin());
        Counter rowsCounter = meters.counter("recoup.import.rows", "file", name);
        long rows = 0;
        long reported = 0;
        try (ImportRowReader reader = input.rows().open()) {
            String[] headerCells = reader.header();
            if (headerCells == null) {
                errors.accept(new ImportError(name, 1, null, "the file is empty, expected a header row with "
                        + String.join(", ", file.requiredColumns())));
                return new Staged(file, 0, List.of(), false, 0);
            }
            Header header = Header.of(headerCells);
            List<String> missing = header.missing(file.requiredColumns());
            if (!missing.isEmpty()) {
                for (String column : missing) {
                    errors.accept(new ImportError(name, 1, column, column + ": missing required column (the header has "
                            + String.join(", ", header.names()) + ")"));
                }
                return new Staged(file, 0, List.of(), false, 0);
            }
            ImportRowParser parser = ImportRowParser.of(file, header);
            int[] key = parser.keyPositions();
            ImportRow row = new ImportRow(name, errors);
            duplicates.reset();
            try (ImportStagingWriter writer = staging.writer(file)) {
                try {
                    String[] cells;
                    while ((cells = reader.next()) != null) {
                        row.reset(reader.rowNumber(), cells);
                        if (row.isBlank()) {
                            continue;
                        }
                        rows++;
                        processed++;
                        Object[] values = parser.parse(row);
                        if (values != null) {
                            writer.write(row.number(), row.ok(), values);
                            duplicates.add(values, key);
                        }
                        if (rows % PROGRESS_EVERY == 0) {
                            rowsCounter.increment(rows - reported);
                            reported = rows;
                            jobs.progress(id, processed, file, rows, reader.encoding());
                            progress.rows(name, rows);
                        }
                    }
                } catch (CharacterCodingException e) {
                    errors.accept(new ImportError(name, reader.rowNumber() + 1, null, "the file is not valid "
                            + reader.encoding() + " from this row on; save it as UTF-8 or GB18030"));
                } catch (IOException | IllegalStateException e) {
                    errors.accept(new ImportError(name, reader.rowNumber() + 1, null,
                            "cannot read the file from this row on: " + e.getMessage()));
                }
                writer.finish();
            }
            rowsCounter.increment(rows - reported);
            log.debug("import {}: staged {} rows of {} in {} ms", id, rows, name, (System.nanoTime() - started) / 1_000_000);
            jobs.progress(id, processed, file, rows, reader.encoding());
            progress.rows(name, rows);
            return new Staged(file, rows, List.copyOf(duplicates.candidates()), duplicates.overflowed(),
                    parser.maxDecimals());
        }
    }

    private void phase(String phase) {
        jobs.phase(id, phase);
        progress.phase(phase);
    }
}

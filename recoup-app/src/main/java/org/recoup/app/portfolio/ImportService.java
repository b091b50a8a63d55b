package org.recoup.app.portfolio;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Imports portfolios (contract §2): the Java API behind {@code POST /api/v1/imports}, the {@code recoup import}
 * command and the demo loader.
 *
 * <pre>{@code
 * ImportResult result = imports.importFiles(ImportSource.of(Path.of("portfolio.zip")), ImportMode.ALL_OR_NOTHING,
 *         (file, rows) -> System.err.printf("%s: %,d rows%n", file, rows));
 * if (!result.applied()) {
 *     result.errors().forEach(e -> System.err.println(e.file() + " row " + e.row() + ": " + e.message()));
 * }
 * }</pre>
 *
 * Each import streams every file once into per-import staging tables, checks fields row by row and everything else
 * set-based in SQL, and applies in one transaction, so memory does not grow with the portfolio and nothing is ever
 * half applied. Its state, counts and every error are kept in the database ({@link #find}, {@link #errors}).
 */
@Service
public class ImportService {

    /** How many errors an {@link ImportResult} carries; all of them are available through {@link #errors}. */
    public static final int ERRORS_SHOWN = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final Duration STALE_AFTER = Duration.ofMinutes(3);

    private final ImportJobs jobs;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final ImportProperties properties;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService heartbeat;
    private final Map<Long, Boolean> running = new ConcurrentHashMap<>();
    private volatile ImportStaging.Dialect dialect;

    ImportService(ImportJobs jobs, DataSource dataSource, PlatformTransactionManager transactions,
                  ImportProperties properties, MeterRegistry meters) {
        this.jobs = jobs;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), r -> {
                    Thread t = new Thread(r, "recoup-import-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recoup-import-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Imports synchronously in the calling thread and returns the outcome: {@link ImportResult#applied()} when the
     * rows are in the database, else the errors (the first {@value #ERRORS_SHOWN}; all through {@link #errors}).
     *
     * @param source   the files: a directory, a zip, a workbook, named files or streams
     * @param mode     {@link ImportMode#ALL_OR_NOTHING} (default) or {@link ImportMode#VALID_ONLY}
     * @param progress told about rows read and phases; {@link ImportProgress#NONE} for nothing
     */
    public ImportResult importFiles(ImportSource source, ImportMode mode, ImportProgress progress) {
        return importFiles(source, mode, progress, "system");
    }

    /** As {@link #importFiles(ImportSource, ImportMode, ImportProgress)}, recording who asked for it. */
    public ImportResult importFiles(ImportSource source, ImportMode mode, ImportProgress progress, String requestedBy) {
        long id = jobs.create(mode, requestedBy);
        return run(id, source, mode, progress);
    }

    /** The state of an import, with its first {@value #ERRORS_SHOWN} errors; empty for an unknown id. */
    public Optional<ImportResult> find(long id) {
        return jobs.find(id, ERRORS_SHOWN);
    }

    /** Every error of an import, by file (contract order) and row, streamed. */
    public void errors(long id, Consumer<ImportError> consumer) {
        jobs.errors(id, consumer);
    }

    // ---- asynchronous imports of the API ----------------------------------------------------------------------

    /** Records a new import, RUNNING from now on; its files go to {@link #uploadDirectory(long)}. */
    long register(ImportMode mode, String requestedBy) {
        return jobs.create(mode, requestedBy);
    }

    Path uploadDirectory(long id) throws IOException {
        return Files.createDirectories(properties.workDir().resolve(Long.toString(id)).toAbsolutePath());
    }

    /**
     * Queues a registered import on the bounded executor; its upload directory is deleted when it ends.
     *
     * @throws RejectedExecutionException when the queue is full (the import is then marked FAILED)
     */
    CompletableFuture<ImportResult> submit(long id, ImportSource source, ImportMode mode) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return run(id, source, mode, ImportProgress.NONE);
                } finally {
                    deleteUploads(id);
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            abandon(id, "too many imports are waiting; try again later");
            throw e;
        }
    }

    /** Ends a registered import that cannot run. */
    void abandon(long id, String failure) {
        jobs.fail(id, failure);
        deleteUploads(id);
    }

    private ImportResult run(long id, ImportSource source, ImportMode mode, ImportProgress progress) {
        running.put(id, Boolean.TRUE);
        Timer.Sample sample = Timer.start(meters);
        try {
            ImportRun.Outcome outcome = new ImportRun(id, mode, source, progress, jobs, dataSource, transactions,
                    dialect(), properties, meters).execute();
            sample.stop(meters.timer("recoup.import.duration", "outcome", outcome.name().toLowerCase(Locale.ROOT)));
        } finally {
            running.remove(id);
        }
        return find(id).orElseThrow();
    }

    private ImportStaging.Dialect dialect() {
        ImportStaging.Dialect d = dialect;
        if (d == null) {
            d = ImportStaging.Dialect.of(dataSource);
            dialect = d;
        }
        return d;
    }

    // ---- imports whose process died -------------------------------------------------------------------------------

    private void beat() {
        try {
            if (!running.isEmpty()) {
                jobs.heartbeat(new ArrayList<>(running.keySet()));
            }
            failInterruptedImports();
        } catch (RuntimeException e) {
            log.warn("import heartbeat failed", e);
        }
    }

    /**
     * Imports left RUNNING by a process that stopped (no heartbeat for minutes) are failed and their staging tables
     * dropped; checked at start and with every heartbeat, by whichever process is alive.
     */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedImports() {
        for (Long id : jobs.stale(Instant.now().minus(STALE_AFTER))) {
            if (running.containsKey(id)) {
                continue;
            }
            log.warn("import {} was interrupted (its process stopped); marking it FAILED", id);
            new ImportStaging(dataSource, dialect(), id).drop();
            jobs.fail(id, "interrupted: the process running it stopped");
            deleteUploads(id);
        }
    }

    private void deleteUploads(long id) {
        Path directory = properties.workDir().resolve(Long.toString(id));
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("could not delete the uploads of import {} in {}", id, directory, e);
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
    }
}

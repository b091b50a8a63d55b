package org.recoup.app.dailyrun;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.recoup.app.delinquency.AccountStates;
import org.recoup.app.delinquency.Delinquency;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.delinquency.StateWriter;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The daily run: assesses every account for a business date and stores the states. Runs one at a time, in the order
 * requested; inside a run the accounts are split into id ranges assessed in parallel, each range read as a stream
 * and written in its own transaction. Rerunning a date replaces that date's states (same inputs → identical states).
 */
@Service
public class DailyRuns {

    private static final Logger log = LoggerFactory.getLogger(DailyRuns.class);
    private static final long PROGRESS_EVERY = 20_000;

    private final JdbcClient jdbc;
    private final PortfolioReader portfolio;
    private final AccountStates states;
    private final DelinquencyPolicies policies;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int partitions;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("daily-run").factory());

    DailyRuns(JdbcClient jdbc, PortfolioReader portfolio, AccountStates states, DelinquencyPolicies policies, Clock clock,
              MeterRegistry meters, DailyRunProperties properties) {
        this.jdbc = jdbc;
        this.portfolio = portfolio;
        this.states = states;
        this.policies = policies;
        this.clock = clock;
        this.meters = meters;
        this.partitions = properties.effectivePartitions();
    }

    /**
     * Stops taking runs when the application closes; a run still going is interrupted and, like any run a stop cuts
     * short, marked FAILED at the next start (rerunning its date is always safe).
     */
    @PreDestroy
    void stop() throws InterruptedException {
        runs.shutdown();
        if (!runs.awaitTermination(5, TimeUnit.SECONDS)) {
            runs.shutdownNow();
        }
    }

    /** Runs left QUEUED or RUNNING by a stopped server did not finish: say so, so that they can be rerun. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        int interrupted = jdbc.sql("UPDATE daily_run SET status = 'FAILED', error = ?, finished_at = ? "
                        + "WHERE status IN ('QUEUED', 'RUNNING')")
                .params("interrupted: the server stopped before the run finished; run the date again",
                        Timestamp.from(clock.instant()))
                .update();
        if (interrupted > 0) {
            log.warn("{} daily run(s) were interrupted by a restart and are marked FAILED", interrupted);
        }
    }

    /** Queues a run of {@code asOf}; returns at once. */
    public RunView request(LocalDate asOf, String user) {
        long id = insert(asOf, user);
        runs.submit(() -> execute(id, asOf, RunProgress.NONE));
        return find(id).orElseThrow();
    }

    /** Queues a run and waits for it to finish. */
    public RunView runAndWait(LocalDate asOf, String user, RunProgress progress) {
        long id = insert(asOf, user);
        Future<?> done = runs.submit(() -> execute(id, asOf, progress));
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("daily run {} failed", id, e.getCause());
        }
        return find(id).orElseThrow();
    }

    public Optional<RunView> find(long id) {
        return jdbc.sql("SELECT * FROM daily_run WHERE run_id = ?").param(id).query((rs, i) -> view(rs)).optional();
    }

    public List<RunView> recent(int limit) {
        return jdbc.sql("SELECT * FROM daily_run ORDER BY run_id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .query((rs, i) -> view(rs)).list();
    }

    /** The latest successful run of a date, if any. */
    public Optional<RunView> latestSucceeded(LocalDate asOf) {
        return jdbc.sql("SELECT * FROM daily_run WHERE as_of = ? AND status = 'SUCCEEDED' ORDER BY run_id DESC "
                        + "FETCH FIRST 1 ROWS ONLY")
                .param(asOf).query((rs, i) -> view(rs)).optional();
    }

    private long insert(LocalDate asOf, String user) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO daily_run (as_of, status, requested_by, requested_at) VALUES (?, 'QUEUED', ?, ?)")
                .params(asOf, user, Timestamp.from(clock.instant()))
                .update(key, "run_id");
        return key.getKeyAs(Long.class) != null ? key.getKeyAs(Long.class) : key.getKey().longValue();
    }

    private void execute(long runId, LocalDate asOf, RunProgress progress) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            DelinquencyPolicy policy = policies.current();
            List<IdRange> ranges = portfolio.partition(partitions);
            long total = portfolio.count(IdRange.ALL);
            jdbc.sql("UPDATE daily_run SET status = 'RUNNING', started_at = ?, accounts_total = ?, policy_version = ? "
                            + "WHERE run_id = ?")
                    .params(Timestamp.from(clock.instant()), total, policy.version(), runId).update();
            log.info("daily run {} for {}: {} accounts in {} partition(s), policy v{}", runId, asOf, total,
                    ranges.size(), policy.version());
            AtomicLong done = new AtomicLong();
            runPartitions(runId, asOf, policy, ranges, done, total, progress);
            jdbc.sql("UPDATE daily_run SET status = 'SUCCEEDED', finished_at = ?, accounts_done = ? WHERE run_id = ?")
                    .params(Timestamp.from(clock.instant()), done.get(), runId).update();
            meters.counter("recoup.run.accounts").increment(done.get());
            outcome = "succeeded";
            log.info("daily run {} for {} succeeded: {} accounts", runId, asOf, done.get());
        } catch (RuntimeException e) {
            log.error("daily run {} for {} failed", runId, asOf, e);
            jdbc.sql("UPDATE daily_run SET status = 'FAILED', finished_at = ?, error = ? WHERE run_id = ?")
                    .params(Timestamp.from(clock.instant()), truncate(rootMessage(e)), runId).update();
        } finally {
            sample.stop(meters.timer("recoup.run.duration", "outcome", outcome));
        }
    }

    private void runPartitions(long runId, LocalDate asOf, DelinquencyPolicy policy, List<IdRange> ranges,
                               AtomicLong done, long total, RunProgress progress) {
        if (ranges.size() == 1) {
            runPartition(runId, asOf, policy, ranges.getFirst(), done, total, progress);
            return;
        }
        try (ExecutorService workers = Executors.newFixedThreadPool(ranges.size(),
                Thread.ofPlatform().name("daily-run-", 0).factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (IdRange range : ranges) {
                futures.add(workers.submit(() -> runPartition(runId, asOf, policy, range, done, total, progress)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("daily run interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private void runPartition(long runId, LocalDate asOf, DelinquencyPolicy policy, IdRange range, AtomicLong done,
                              long total, RunProgress progress) {
        try (StateWriter writer = states.openWriter(asOf, runId, range)) {
            portfolio.forEach(range, snapshot -> {
                writer.write(Delinquency.assess(snapshot, asOf, policy));
                long n = done.incrementAndGet();
                if (n % PROGRESS_EVERY == 0) {
                    progress.accounts(n, total);
                    jdbc.sql("UPDATE daily_run SET accounts_done = ? WHERE run_id = ? AND accounts_done < ?")
                            .params(n, runId, n).update();
                }
            });
            writer.commit();
        }
        progress.accounts(done.get(), total);
    }

    private RunView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        int policyVersion = rs.getInt("policy_version");
        Integer policy = rs.wasNull() ? null : policyVersion;
        return new RunView(rs.getLong("run_id"), rs.getDate("as_of").toLocalDate(),
                RunStatus.valueOf(rs.getString("status")), policy,
                new RunView.Counts(rs.getLong("accounts_total"), rs.getLong("accounts_done")),
                RunView.Timings.of(instant(rs, "requested_at"), instant(rs, "started_at"), instant(rs, "finished_at")),
                rs.getString("requested_by"), rs.getString("error"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}

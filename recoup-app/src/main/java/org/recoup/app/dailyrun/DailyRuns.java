package org.recoup.app.dailyrun;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.recoup.app.delinquency.AccountStates;
import org.recoup.app.delinquency.Delinquency;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.app.strategy.Strategies;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.annotation.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The daily run: for a business date, assesses, segments and decides every account and plans every case's actions
 * (the Spring Batch job of {@link DailyRunJob}). Runs one at a time, in the order requested; each request is a
 * {@code daily_run} row. Rerunning a date replaces that date's outputs (same inputs → identical outputs); a request
 * for a date whose last job execution did not complete restarts that execution where its partitions stopped.
 */
@Service
public class DailyRuns {

    private static final Logger log = LoggerFactory.getLogger(DailyRuns.class);

    private final JdbcClient jdbc;
    private final PortfolioReader portfolio;
    private final AccountStates states;
    private final DelinquencyPolicies policies;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int partitions;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunTracker tracker;
    private final Strategies strategies;
    private final ApplicationEventPublisher events;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("daily-run").factory());

    DailyRuns(JdbcClient jdbc, PortfolioReader portfolio, AccountStates states, DelinquencyPolicies policies, Clock clock,
              MeterRegistry meters, DailyRunProperties properties, JobOperator jobOperator, JobRepository jobRepository,
              Job dailyRunJob, RunTracker tracker, Strategies strategies, ApplicationEventPublisher events) {
        this.events = events;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = dailyRunJob;
        this.tracker = tracker;
        this.strategies = strategies;
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
    @Order(1)
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
            long total = portfolio.count(IdRange.ALL);
            String strategyVersions = String.join(", ", strategies.current().versions());
            jdbc.sql("UPDATE daily_run SET status = 'RUNNING', started_at = ?, accounts_total = ?, policy_version = ?, "
                            + "strategies = ? WHERE run_id = ?")
                    .params(Timestamp.from(clock.instant()), total, policy.version(), strategyVersions, runId).update();
            tracker.begin(runId, total, 0, progress);
            JobExecution interrupted = restartable(asOf);
            JobExecution execution;
            if (interrupted != null) {
                log.info("daily run {} for {}: restarting interrupted job execution {} ({} accounts, {} partitions)",
                        runId, asOf, interrupted.getId(), total, partitions);
                execution = jobOperator.restart(interrupted);
            } else {
                log.info("daily run {} for {}: {} accounts in {} partition(s), policy v{}, {}", runId, asOf, total,
                        partitions, policy.version(), strategyVersions);
                execution = jobOperator.start(job, new JobParametersBuilder()
                        .addString("asOf", asOf.toString())
                        .addLong("run", runId)
                        .toJobParameters());
            }
            execution = awaitEnd(execution);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("job execution " + execution.getId() + " ended " + execution.getStatus()
                        + failures(execution));
            }
            long done = states.count(asOf);
            jdbc.sql("UPDATE daily_run SET status = 'SUCCEEDED', finished_at = ?, accounts_done = ? WHERE run_id = ?")
                    .params(Timestamp.from(clock.instant()), done, runId).update();
            progress.accounts(done, total);
            meters.counter("recoup.run.accounts").increment(tracker.done());
            outcome = "succeeded";
            log.info("daily run {} for {} succeeded: {} accounts", runId, asOf, done);
            announce(runId, asOf);
        } catch (Exception e) {
            log.error("daily run {} for {} failed", runId, asOf, e);
            jdbc.sql("UPDATE daily_run SET status = 'FAILED', finished_at = ?, error = ? WHERE run_id = ?")
                    .params(Timestamp.from(clock.instant()), truncate(rootMessage(e)), runId).update();
        } finally {
            sample.stop(meters.timer("recoup.run.duration", "outcome", outcome));
        }
    }

    /** Tells listeners (the work queue) that the run completed; their failure does not undo the run. */
    private void announce(long runId, LocalDate asOf) {
        try {
            events.publishEvent(new RunCompleted(runId, asOf));
        } catch (RuntimeException e) {
            log.error("a listener of the completed daily run {} for {} failed", runId, asOf, e);
        }
    }

    /**
     * The last job execution of {@code asOf} when it did not complete (failed, stopped, or interrupted and recovered
     * at start): a new request for that date restarts it from its partitions' last committed chunks.
     */
    private JobExecution restartable(LocalDate asOf) {
        Long last = jdbc.sql("SELECT job_execution_id FROM daily_run WHERE as_of = ? AND job_execution_id IS NOT NULL "
                        + "ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY")
                .param(asOf).query(Long.class).optional().orElse(null);
        if (last == null) {
            return null;
        }
        JobExecution execution = jobRepository.getJobExecution(last);
        if (execution == null) {
            return null;
        }
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (latest == null) {
            return null;
        }
        if (latest.isRunning()) {
            throw new IllegalStateException("a run of " + asOf + " is in progress (job execution " + latest.getId()
                    + ")");
        }
        return latest.getStatus() == BatchStatus.FAILED || latest.getStatus() == BatchStatus.STOPPED ? latest : null;
    }

    private JobExecution awaitEnd(JobExecution execution) throws InterruptedException {
        JobExecution current = execution;
        while (current.isRunning()) { // the job operator runs jobs synchronously; this only guards an async one
            Thread.sleep(200);
            current = jobRepository.getJobExecution(current.getId());
        }
        return current;
    }

    private static String failures(JobExecution execution) {
        List<Throwable> all = execution.getAllFailureExceptions();
        return all.isEmpty() ? "" : ": " + rootMessage(all.getFirst());
    }

    /**
     * Job executions left running by a process that died (kill -9, power loss) are marked FAILED, as Spring Batch
     * requires before they can be restarted; the next request for their date restarts them.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void recoverInterruptedJobs() {
        for (JobExecution running : jobRepository.findRunningJobExecutions(DailyRunJob.JOB)) {
            log.warn("daily run job execution {} ({}) was interrupted; marking it FAILED so that it can be restarted",
                    running.getId(), running.getJobParameters());
            jobOperator.recover(running);
        }
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

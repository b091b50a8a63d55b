package org.recoup.app.dailyrun;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links the run request being executed (runs execute one at a time) to its Spring Batch execution and reports
 * progress: accounts written so far, to the caller's {@link RunProgress} and to the {@code daily_run} row.
 */
@Component
class RunTracker implements JobExecutionListener {

    private static final long PROGRESS_EVERY = 20_000;

    private final JdbcClient jdbc;
    private volatile long runId;
    private volatile RunProgress progress = RunProgress.NONE;
    private volatile long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();

    RunTracker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void begin(long requestId, long accounts, long alreadyDone, RunProgress callback) {
        runId = requestId;
        total = accounts;
        progress = callback;
        done.set(alreadyDone);
        reported.set(alreadyDone);
    }

    long runId() {
        return runId;
    }

    long done() {
        return done.get();
    }

    @Override
    public void beforeJob(JobExecution execution) {
        jdbc.sql("UPDATE daily_run SET job_execution_id = ? WHERE run_id = ?").params(execution.getId(), runId).update();
    }

    void accountsDone(int n) {
        long now = done.addAndGet(n);
        long last = reported.get();
        if (now - last >= PROGRESS_EVERY && reported.compareAndSet(last, now)) {
            progress.accounts(now, total);
            jdbc.sql("UPDATE daily_run SET accounts_done = ? WHERE run_id = ? AND accounts_done < ?")
                    .params(now, runId, now).update();
        }
    }
}

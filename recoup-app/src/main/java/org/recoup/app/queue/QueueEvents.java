package org.recoup.app.queue;

import java.time.Clock;
import java.time.Instant;
import org.recoup.app.dailyrun.RunCompleted;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.workbench.OutcomeRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the queue in step with the rest of Recoup: after each completed run, routes the new cases and rebuilds the
 * queue (in the run's thread, so that a caller waiting for the run finds the queue built), then announces
 * {@link CasesRouted}; when an outcome is recorded,
 * releases the case (inside the recording transaction) and schedules its follow-up.
 */
@Component
class QueueEvents {

    private static final Logger log = LoggerFactory.getLogger(QueueEvents.class);

    private final CaseRouting routing;
    private final WorkQueue queue;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final DelinquencyPolicies delinquency;
    private final TransactionTemplate transaction;
    private final PlannerStatistics statistics;
    private final ApplicationEventPublisher events;

    QueueEvents(CaseRouting routing, WorkQueue queue, Clock clock, JdbcClient jdbc, DelinquencyPolicies delinquency,
                PlatformTransactionManager transactions, PlannerStatistics statistics,
                ApplicationEventPublisher events) {
        this.statistics = statistics;
        this.events = events;
        this.routing = routing;
        this.queue = queue;
        this.clock = clock;
        this.jdbc = jdbc;
        this.delinquency = delinquency;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Routes and rebuilds in one transaction, from the case facts computed once. */
    @EventListener
    void runCompleted(RunCompleted run) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        long[] counts = transaction.execute(tx -> {
            // the run has just bulk-written its outputs: plan the joins below on their real sizes
            statistics.refresh("run_action");
            statistics.refresh("collection_case");
            CaseDimensions.refresh(jdbc, delinquency.current(), run.asOf());
            statistics.refresh("queue_case_facts");
            int routedCases = routing.routeFromFacts(now);
            return new long[] {routedCases, queue.rebuildFromFacts(run.asOf(), now)};
        });
        long routed = counts[0];
        long rows = counts[1];
        log.info("work queue rebuilt from run {} ({}): {} new case(s) routed, {} case(s) queued in {} ms", run.runId(),
                run.asOf(), routed, rows, (System.nanoTime() - started) / 1_000_000);
        events.publishEvent(new CasesRouted(run.asOf(), now));
    }

    @EventListener
    void outcomeRecorded(OutcomeRecorded outcome) {
        queue.outcome(outcome.caseId(), outcome.username(), outcome.disposition(), outcome.followUpAt(), outcome.at());
    }
}

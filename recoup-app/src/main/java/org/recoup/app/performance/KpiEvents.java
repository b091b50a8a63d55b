package org.recoup.app.performance;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After each completed daily run: maintains the KPI aggregates of its business date and the day before (late
 * records of yesterday count), then sends the management report of the date (once per date).
 */
@Component
class KpiEvents {

    private static final Logger log = LoggerFactory.getLogger(KpiEvents.class);

    private final KpiAggregates aggregates;
    private final ManagementReports reports;

    KpiEvents(KpiAggregates aggregates, ManagementReports reports) {
        this.aggregates = aggregates;
        this.reports = reports;
    }

    /** A failure here is logged, not thrown: the run has succeeded and its caller must not see a KPI problem. */
    @EventListener
    void runCompleted(RunCompleted run) {
        try {
            maintainAndReport(run);
        } catch (RuntimeException e) {
            log.error("KPI aggregates / management report after run {} ({}) failed; rebuild with POST "
                    + "/api/v1/kpis/contacts/refresh", run.runId(), run.asOf(), e);
        }
    }

    private void maintainAndReport(RunCompleted run) {
        long started = System.nanoTime();
        KpiAggregates.Maintained m = aggregates.refresh(run.asOf().minusDays(1), run.asOf());
        log.info("KPI aggregates of {}..{} maintained after run {} in {} ms: {} contact, {} promise, {} payment, "
                        + "{} compliance, {} arm row(s)", m.from(), m.to(), run.runId(),
                (System.nanoTime() - started) / 1_000_000, m.contactRows(), m.promiseRows(), m.paymentRows(),
                m.complianceRows(), m.armRows());
        ManagementReports.Outcome outcome = reports.send(run.asOf());
        log.info("management report of {}: {}", run.asOf(), outcome);
    }
}

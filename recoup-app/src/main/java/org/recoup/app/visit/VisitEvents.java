package org.recoup.app.visit;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After each completed run: the cases whose strategy asked for a visit get a visit request (once per case). */
@Component
class VisitEvents {

    private static final Logger log = LoggerFactory.getLogger(VisitEvents.class);

    private final Visits visits;

    VisitEvents(Visits visits) {
        this.visits = visits;
    }

    @EventListener
    void runCompleted(RunCompleted run) {
        int created = visits.requestFromRun(run.asOf());
        if (created > 0) {
            log.info("run {} ({}): {} visit request(s) from VISIT_REVIEW tasks", run.runId(), run.asOf(), created);
        }
    }
}

package org.recoup.app.plan;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After each completed daily run, checks the running plans against the states the run just computed. */
@Component
class PlanEvents {

    private static final Logger log = LoggerFactory.getLogger(PlanEvents.class);

    private final Plans plans;

    PlanEvents(Plans plans) {
        this.plans = plans;
    }

    @EventListener
    void runCompleted(RunCompleted run) {
        Plans.Monitored m = plans.monitor(run.asOf());
        if (m.checked() > 0) {
            log.info("plans checked after run {} ({}): {} active, {} completed, {} broken ({} reverted)", run.runId(),
                    run.asOf(), m.checked(), m.completed(), m.broken(), m.reverted());
        }
    }
}

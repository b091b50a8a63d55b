package org.recoup.app.legal;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After each completed run: cases whose strategy asked for a legal review get a PROPOSED legal matter. */
@Component
class LegalEvents {

    private static final Logger log = LoggerFactory.getLogger(LegalEvents.class);

    private final LegalMatters matters;

    LegalEvents(LegalMatters matters) {
        this.matters = matters;
    }

    @EventListener
    void runCompleted(RunCompleted run) {
        int created = matters.proposeFromRun(run.asOf());
        if (created > 0) {
            log.info("run {} ({}): {} legal matter(s) proposed from LEGAL_REVIEW tasks", run.runId(), run.asOf(), created);
        }
    }
}

package org.recoup.app.agency;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After each completed run: recalls the placements whose term has ended by the run's date, then — when the rules say
 * {@code placeAfterRun} — places the run's AGENCY_REVIEW cases by rule.
 */
@Component
class AgencyEvents {

    private static final Logger log = LoggerFactory.getLogger(AgencyEvents.class);

    private final Placements placements;
    private final PlacementRules rules;

    AgencyEvents(Placements placements, PlacementRules rules) {
        this.placements = placements;
        this.rules = rules;
    }

    @EventListener
    void runCompleted(RunCompleted run) {
        try {
            afterRun(run);
        } catch (RuntimeException e) {
            // the run itself succeeded: a failed recall must not turn it into a failure; the next run retries
            log.error("agencies after run {} ({}): recall or placement failed, retried after the next run", run.runId(),
                    run.asOf(), e);
        }
    }

    private void afterRun(RunCompleted run) {
        var recalled = placements.recallDue(run.asOf());
        int placed = Boolean.TRUE.equals(rules.current().placeAfterRun())
                ? placements.placeByRules(Placements.SYSTEM, run.asOf(), null).size() : 0;
        if (!recalled.isEmpty() || placed > 0) {
            log.info("agencies after run {} ({}): {} placement(s) recalled at term end, {} case(s) placed by rule",
                    run.runId(), run.asOf(), recalled.size(), placed);
        }
    }
}

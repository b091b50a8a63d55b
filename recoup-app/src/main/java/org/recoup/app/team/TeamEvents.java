package org.recoup.app.team;

import org.recoup.app.queue.CasesRouted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After each run's routing: the strategy's escalations join the supervisors' queue, then each team's pool is placed
 * with its agents.
 */
@Component
class TeamEvents {

    private static final Logger log = LoggerFactory.getLogger(TeamEvents.class);

    private final TeamAssignment assignment;
    private final Escalations escalations;

    TeamEvents(TeamAssignment assignment, Escalations escalations) {
        this.assignment = assignment;
        this.escalations = escalations;
    }

    @EventListener
    void casesRouted(CasesRouted routed) {
        int escalated = escalations.importStrategyEscalations(routed.asOf(), routed.at());
        var results = assignment.assignAll();
        log.info("teams after run {}: {} escalation(s) from the strategy; placed {}", routed.asOf(), escalated, results);
    }
}

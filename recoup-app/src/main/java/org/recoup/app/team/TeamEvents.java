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
        // the run and its routing are committed: a failure here must not fail the run; both steps can be redone
        // (escalations are imported once per date, placement on demand)
        try {
            int escalated = escalations.importStrategyEscalations(routed.asOf(), routed.at());
            log.info("teams after run {}: {} escalation(s) from the strategy", routed.asOf(), escalated);
        } catch (RuntimeException e) {
            log.error("teams after run {}: importing the strategy's escalations failed", routed.asOf(), e);
        }
        try {
            log.info("teams after run {}: placed {}", routed.asOf(), assignment.assignAll());
        } catch (RuntimeException e) {
            log.error("teams after run {}: placing the team pools failed; retry with POST "
                    + "/api/v1/teams/{teamId}/assignment-runs", routed.asOf(), e);
        }
    }
}

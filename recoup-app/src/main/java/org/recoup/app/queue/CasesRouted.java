package org.recoup.app.queue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published after a completed run's new cases were routed to team pools and the work queue was rebuilt (committed), in
 * the run's thread: the moment to place the team pools' cases with agents.
 *
 * @param asOf the business date of the run
 * @param at   when the routing happened
 */
public record CasesRouted(LocalDate asOf, Instant at) {
}

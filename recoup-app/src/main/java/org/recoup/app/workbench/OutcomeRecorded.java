package org.recoup.app.workbench;

import java.time.Instant;

/**
 * Published (inside the recording transaction) when an agent has recorded the outcome of working a case: the queue
 * releases the agent's lock on it and, when {@code followUpAt} is set, offers the case again from that instant.
 *
 * @param caseId      the case worked
 * @param username    who worked it
 * @param disposition the disposition code recorded (e.g. RIGHT_PARTY_CONTACT, NO_ANSWER, PROMISE)
 * @param followUpAt  when to offer the case again, or null to leave that to the next daily run
 * @param at          when the outcome was recorded
 */
public record OutcomeRecorded(String caseId, String username, String disposition, Instant followUpAt, Instant at) {
}

package org.recoup.app.compliance;

import java.util.List;

import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Verdict;
import org.springframework.stereotype.Component;

/**
 * The compliance feature's public API for batch callers (the daily run's outbox and queue): screens planned contacts
 * with the same policy as {@code POST /api/v1/compliance/check}, reserving nothing, and audits every verdict.
 */
@Component
public class ContactGate {

    /**
     * Screens planned contacts, loading their facts set-based. The answer has one verdict per request, in order.
     * Requests in one call are checked as if each earlier ALLOWed one had happened (so a batch cannot plan past a cap).
     *
     * @param source who plans them, for the audit (e.g. {@code "DAILY_RUN 42"})
     */
    public List<Verdict> screen(List<ContactRequest> requests, String source) {
        // Placeholder until the gate is wired (issue 4): allows everything.
        return requests.stream().map(r -> new Verdict(Verdict.Decision.ALLOW, List.of(), null, "none", 0)).toList();
    }
}

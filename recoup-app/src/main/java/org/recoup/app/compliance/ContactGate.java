package org.recoup.app.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactHistory;
import org.recoup.engine.compliance.ContactHistory.Attempt;
import org.recoup.engine.compliance.ContactPolicy;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.ContentLint;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.ReasonCode;
import org.recoup.engine.compliance.Verdict;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compliance feature's public API for batch callers (the daily run's outbox and queue): screens planned contacts
 * with the same policy as {@code POST /api/v1/compliance/check}, reserving nothing, and audits every verdict.
 * <p>
 * Two ways of reading history, both in this class:
 * <ul>
 * <li><b>check</b> (contract §5, replayable): only attempts strictly before the request's instant count;</li>
 * <li><b>gate</b> ({@link #screen} and recording a contact): every recorded attempt from the profile's horizon on
 * counts, those at or after the request's instant as if made just before it. Two concurrent contacts at the same
 * instant, or contacts recorded out of time order, therefore cannot together exceed a cap.</li>
 * </ul>
 */
@Component
public class ContactGate {

    private final GateFacts facts;
    private final VerdictAudit audit;
    private final JsonMapper json;
    private final Clock clock;

    ContactGate(GateFacts facts, VerdictAudit audit, JsonMapper json, ObjectProvider<Clock> clock) {
        this.facts = facts;
        this.audit = audit;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Screens planned contacts, loading their facts set-based. The answer has one verdict per request, in order.
     * Requests in one call are checked as if each earlier ALLOWed one had happened (so a batch cannot plan past a cap).
     * A request naming an unknown account, party or contact point is blocked ({@code CONTACT_POINT_INVALID}, rule
     * {@code gate.request}) rather than failing the batch.
     *
     * @param source who plans them, for the audit (e.g. {@code "DAILY_RUN 42"})
     */
    public List<Verdict> screen(List<ContactRequest> requests, String source) {
        if (requests.isEmpty()) {
            return List.of();
        }
        GateFacts.Snapshot snapshot = facts.load(requests);
        List<Decided> decided = decide(snapshot, true, true);
        List<Verdict> verdicts = new ArrayList<>(decided.size());
        List<VerdictAudit.Entry> entries = new ArrayList<>(decided.size());
        Instant now = clock.instant();
        for (Decided d : decided) {
            Verdict v = d.verdict() != null ? d.verdict() : problemVerdict(d.problem());
            verdicts.add(v);
            entries.add(new VerdictAudit.Entry(UUID.randomUUID().toString(), now, source, null, d.request(), v,
                    d.factsJson(), null, null));
        }
        audit.insert(entries);
        return verdicts;
    }

    /**
     * What {@code POST /api/v1/compliance/check} answers for each of {@code requests}, each on its own (contract §5:
     * only attempts strictly before the request's instant count, nothing reserved), loading the facts set-based; one
     * verdict per request, in order, each audited. For replaying a plan: a contact the daily run planned must be
     * allowed by this check at its planned instant. A request naming an unknown account, party or contact point is
     * blocked ({@code CONTACT_POINT_INVALID}, rule {@code gate.request}).
     *
     * @param source who checks, for the audit (e.g. {@code "RECHECK"})
     */
    public List<Verdict> check(List<ContactRequest> requests, String source) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Decided> decided = decide(facts.load(requests), false, false);
        List<Verdict> verdicts = new ArrayList<>(decided.size());
        List<VerdictAudit.Entry> entries = new ArrayList<>(decided.size());
        Instant now = clock.instant();
        for (Decided d : decided) {
            Verdict v = d.verdict() != null ? d.verdict() : problemVerdict(d.problem());
            verdicts.add(v);
            entries.add(new VerdictAudit.Entry(UUID.randomUUID().toString(), now, source, null, d.request(), v,
                    d.factsJson(), null, null));
        }
        audit.insert(entries);
        return verdicts;
    }

    /**
     * What the gate would answer now for each request, without auditing or reserving anything (contract §5 check
     * reading: only attempts before the request's instant count): for a page that offers only the contacts the law
     * allows and shows why the others are not. An unknown account, party or contact point is blocked
     * ({@code CONTACT_POINT_INVALID}). One verdict per request, in order.
     */
    public List<Verdict> preview(List<ContactRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return decide(facts.load(requests), false, false).stream()
                .map(d -> d.verdict() != null ? d.verdict() : problemVerdict(d.problem())).toList();
    }

    /**
     * The holds in force at {@code at} on each of {@code partyIds} (absent: none), read set-based — what the daily run
     * reads for segmentation (an open complaint, a dispute).
     */
    public Map<String, Set<HoldType>> holdsInForce(Collection<String> partyIds, Instant at) {
        return partyIds.isEmpty() ? Map.of() : facts.holdsInForce(partyIds, at);
    }

    /** A verdict with its audit id. */
    record Checked(String verdictId, Verdict verdict) {
    }

    /** {@code POST /api/v1/compliance/check}: decides and audits one request; reserves nothing. */
    Checked check(ContactRequest request, String templateId, String username) {
        GateFacts.Snapshot snapshot = facts.load(List.of(request));
        Decided d = decide(snapshot, false, false).getFirst();
        if (d.problem() != null) {
            throw unprocessable(d.problem());
        }
        String verdictId = UUID.randomUUID().toString();
        audit.insert(List.of(new VerdictAudit.Entry(verdictId, clock.instant(), "API_CHECK", username, request,
                d.verdict(), d.factsJson(), templateId, null)));
        return new Checked(verdictId, d.verdict());
    }

    /** Decides one request inside the caller's transaction with the gate's reading of history; audits nothing. */
    Decided decideForRecording(ContactRequest request) {
        Decided d = decide(facts.load(List.of(request)), true, false).getFirst();
        if (d.problem() != null) {
            throw unprocessable(d.problem());
        }
        return d;
    }

    void audit(List<VerdictAudit.Entry> entries) {
        audit.insert(entries);
    }

    Clock clock() {
        return clock;
    }

    /** One decided request: a verdict and the facts it used, or the problem that prevented a decision. */
    record Decided(ContactRequest request, Verdict verdict, GateFacts.Problem problem, String factsJson) {
    }

    private List<Decided> decide(GateFacts.Snapshot snapshot, boolean gate, boolean seeEarlierAllowed) {
        ContentLint lint = ContentLint.defaults();
        List<Decided> out = new ArrayList<>(snapshot.facts().size());
        Map<String, List<Attempt>> plannedByAccount = new HashMap<>();
        Map<String, List<Attempt>> plannedByParty = new HashMap<>();
        Map<String, List<Attempt>> plannedByPoint = new HashMap<>();
        for (GateFacts.Facts f : snapshot.facts()) {
            ContactRequest r = f.request();
            if (f.problem() != null) {
                out.add(new Decided(r, null, f.problem(), problemFacts(f.problem())));
                continue;
            }
            List<Attempt> history = snapshot.recorded(r);
            if (seeEarlierAllowed) {
                java.util.Set<Attempt> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (List<Attempt> list : new List[] {plannedByAccount.get(r.accountId()), plannedByParty.get(r.partyId()),
                        r.contactPointId() == null ? null : plannedByPoint.get(r.contactPointId())}) {
                    if (list != null) {
                        for (Attempt a : list) {
                            if (mine.add(a)) {
                                history.add(a);
                            }
                        }
                    }
                }
            }
            if (gate) {
                Instant justBefore = r.at().minusNanos(1);
                for (int i = 0; i < history.size(); i++) {
                    Attempt a = history.get(i);
                    if (!a.at().isBefore(r.at())) {
                        history.set(i, new Attempt(a.accountId(), a.partyId(), a.contactPointId(), a.channel(), justBefore,
                                a.outcome()));
                    }
                }
            }
            Verdict verdict = ContactPolicy.evaluate(r, f.party(), f.point(), f.holds(), new ContactHistory(history),
                    f.profile(), lint);
            out.add(new Decided(r, verdict, null, json.writeValueAsString(GateFacts.describe(f, history.size()))));
            if (seeEarlierAllowed && verdict.allowed()) {
                Attempt planned = new Attempt(r.accountId(), r.partyId(), r.contactPointId(), r.channel(), r.at(),
                        assumedOutcome(r.channel(), f.party().role().isLiable()));
                plannedByAccount.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(planned);
                plannedByParty.computeIfAbsent(r.partyId(), k -> new ArrayList<>()).add(planned);
                if (r.contactPointId() != null) {
                    plannedByPoint.computeIfAbsent(r.contactPointId(), k -> new ArrayList<>()).add(planned);
                }
            }
        }
        return out;
    }

    /**
     * What a planned contact is counted as before it happens: the outcome that counts against the most caps (a call
     * is assumed to connect, a message to be sent, a visit to meet someone).
     */
    static Outcome assumedOutcome(Channel channel, boolean liable) {
        return switch (channel) {
            case CALL -> liable ? Outcome.RIGHT_PARTY : Outcome.THIRD_PARTY;
            case VISIT -> Outcome.VISITED;
            default -> Outcome.SENT;
        };
    }

    private static Verdict problemVerdict(GateFacts.Problem problem) {
        return new Verdict(Verdict.Decision.BLOCK, List.of(new Verdict.Reason(ReasonCode.CONTACT_POINT_INVALID,
                problem.message(), "gate.request")), null, "none", 0);
    }

    private String problemFacts(GateFacts.Problem problem) {
        return json.writeValueAsString(Map.of("problem", problem.code(), "field", problem.field()));
    }

    static ApiProblem unprocessable(GateFacts.Problem problem) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, problem.code(), problem.field(), problem.message());
    }
}

package org.recoup.app.visit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.compliance.ContactGate;
import org.recoup.app.compliance.Contacts;
import org.recoup.app.document.Documents;
import org.recoup.app.document.StoredDocument;
import org.recoup.app.promise.PromiseDesk;
import org.recoup.app.promise.PromiseView;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.visit.Region;
import org.recoup.engine.visit.RoutePlan;
import org.recoup.engine.visit.Stop;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field visits: a request (from a strategy's {@code VISIT_REVIEW} task or an agent with a reason) at the address of a
 * case's party; a supervisor approves it with a schedule and at least two staff (the compliance gate, channel VISIT,
 * must allow the visit at that instant in the debtor's time zone) or rejects it; the staff report it — whom they met,
 * the outcome, a promise (through the promise desk), photos and recordings by SHA-256 — and never collect cash.
 */
@Service
public class Visits {

    /** An agent's request. */
    public record NewRequest(String accountId, String partyId, String contactPointId, String reason, Double lat,
                             Double lon) {
    }

    /** A supervisor's decision: APPROVE with a schedule and staff, or REJECT. */
    public record Decision(String decision, OffsetDateTime scheduledAt, List<String> staff, String team, String note) {
    }

    /** A visit report. {@code cashCollected} must be stated and false. */
    public record NewReport(OffsetDateTime visitedAt, String met, String metPartyId, String metDescription,
                            String outcome, NewPromise promise, Boolean cashCollected, List<NewEvidence> evidence,
                            String note) {
    }

    public record NewPromise(BigDecimal amount, LocalDate dueDate, PaymentChannel channel) {
    }

    public record NewEvidence(String sha256, String name, String kind, String documentId) {
    }

    /** The answer of a request or report: created now, or the original of a retry. */
    public record Result(boolean created, VisitView visit) {
    }

    static final List<String> OUTCOMES = List.of("PROMISE", "ACKNOWLEDGED", "REFUSED", "HARDSHIP", "DISPUTE",
            "MOVED_AWAY", "NOT_FOUND", "LOCATED", "OTHER");
    static final int MIN_STAFF = 2;
    /** The staff assigned to a visit see it (and report it) even when its case is not in their own scope. */
    private static final String ON_STAFF = "EXISTS (SELECT 1 FROM visit_staff vs WHERE vs.visit_id = v.visit_id "
            + "AND vs.username = ?)";

    private final JdbcClient jdbc;
    private final CaseScope scope;
    private final ContactGate gate;
    private final Contacts contacts;
    private final PromiseDesk promises;
    private final Documents documents;
    private final Clock clock;

    Visits(JdbcClient jdbc, CaseScope scope, ContactGate gate, Contacts contacts, PromiseDesk promises,
           Documents documents, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.gate = gate;
        this.contacts = contacts;
        this.promises = promises;
        this.documents = documents;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** An agent's (or supervisor's) request for a visit to a case; {@code clientKey} makes a retry answer the original. */
    @Transactional
    public Result request(Actor actor, String caseId, NewRequest body, String clientKey) {
        requireCase(actor, caseId);
        if (clientKey != null) {
            Optional<String> known = jdbc.sql("SELECT visit_id FROM visit WHERE requested_by = ? AND client_key = ?")
                    .params(actor.username(), clientKey).query(String.class).optional();
            if (known.isPresent()) {
                return new Result(false, view(known.get()));
            }
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            throw ApiProblem.badRequest("INVALID_VISIT", "reason", "a reason of 1–1000 characters is required");
        }
        if ((body.lat() == null) != (body.lon() == null) || body.lat() != null
                && (body.lat() < -90 || body.lat() > 90 || body.lon() < -180 || body.lon() > 180)) {
            throw ApiProblem.badRequest("INVALID_VISIT", body.lat() == null ? "lat" : "lon",
                    "give both lat (−90..90) and lon (−180..180) or neither");
        }
        String borrower = caseId.substring(2);
        String accountId = body.accountId();
        List<String> accounts = jdbc.sql("SELECT account_id FROM account_party WHERE party_id = ? AND role = 'BORROWER' "
                + "ORDER BY account_id").param(borrower).query(String.class).list();
        if (accountId == null || accountId.isBlank()) {
            if (accounts.isEmpty()) {
                throw ApiProblem.notFound("case", caseId);
            }
            accountId = accounts.getFirst();
        } else if (!accounts.contains(accountId)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "ACCOUNT_NOT_IN_CASE", "accountId",
                    "account " + accountId + " is not an account of case " + caseId);
        }
        String partyId = body.partyId() == null || body.partyId().isBlank() ? borrower : body.partyId();
        if (jdbc.sql("SELECT COUNT(*) FROM account_party WHERE account_id = ? AND party_id = ?")
                .params(accountId, partyId).query(Long.class).single() == 0) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "PARTY_NOT_ON_ACCOUNT", "partyId",
                    "party " + partyId + " is not a party of account " + accountId);
        }
        Address address = address(partyId, body.contactPointId());
        String id = "V-" + UUID.randomUUID();
        Instant now = clock.instant();
        Region region = Region.of(address.value());
        try {
            jdbc.sql("""
                            INSERT INTO visit (visit_id, case_id, account_id, party_id, contact_point_id, address, city,
                                               district, lat, lon, source, reason, status, requested_by, requested_at,
                                               client_key)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AGENT', ?, 'REQUESTED', ?, ?, ?)""")
                    .params(id, caseId, accountId, partyId, address.id(), address.value(), region.city(),
                            region.district(), body.lat(), body.lon(), reason, actor.username(), Timestamp.from(now),
                            clientKey)
                    .update();
        } catch (DuplicateKeyException concurrentRetry) {
            throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT", "Idempotency-Key",
                    "another request with this Idempotency-Key was stored at the same time; retry to read it");
        }
        return new Result(true, view(id));
    }

    /**
     * After a run: one visit request per case whose run asked for a visit ({@code run_action} TASK VISIT_REVIEW) and
     * that has no request still open (REQUESTED or APPROVED) — to the party and ADDRESS contact point the run chose,
     * else the borrower's first valid address (none: the request says so and a supervisor cannot schedule it blindly). Returns how many
     * were created. A rerun of the date creates none twice.
     */
    @Transactional
    public int requestFromRun(LocalDate asOf) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT ra.case_id, ra.accounts, COALESCE(ra.party_id, cc.party_id) AS party_id,
                               COALESCE((SELECT cp.contact_point_id FROM contact_point cp
                                         WHERE cp.contact_point_id = ra.contact_point_id AND cp.type = 'ADDRESS'),
                                        (SELECT MIN(cp.contact_point_id) FROM contact_point cp
                                         WHERE cp.party_id = COALESCE(ra.party_id, cc.party_id) AND cp.type = 'ADDRESS'
                                           AND cp.valid)) AS point_id,
                               ra.rule_id
                        FROM run_action ra JOIN collection_case cc ON cc.case_id = ra.case_id
                        WHERE ra.as_of = ? AND ra.kind = 'TASK' AND ra.action = 'VISIT_REVIEW' AND ra.status <> 'DROPPED'
                          AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.case_id = ra.case_id
                                          AND (v.status IN ('REQUESTED', 'APPROVED') OR v.run_as_of = ra.as_of))
                        ORDER BY ra.case_id""")
                .param(asOf).query().listOfRows();
        Instant now = clock.instant();
        int created = 0;
        for (Map<String, Object> r : rows) {
            String pointId = (String) r.get("point_id");
            String address = pointId == null ? null : jdbc.sql("SELECT contact_value FROM contact_point WHERE "
                    + "contact_point_id = ?").param(pointId).query(String.class).single();
            Region region = Region.of(address);
            String accountId = ((String) r.get("accounts")).split(",")[0];
            created += jdbc.sql("""
                            INSERT INTO visit (visit_id, case_id, account_id, party_id, contact_point_id, address, city,
                                               district, source, run_as_of, reason, status, requested_by, requested_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUN', ?, ?, 'REQUESTED', 'system', ?)""")
                    .params("V-" + UUID.randomUUID(), r.get("case_id"), accountId, r.get("party_id"), pointId, address,
                            region.city(), region.district(), asOf,
                            "strategy rule " + r.get("rule_id") + " asked for a visit (run of " + asOf + ")",
                            Timestamp.from(now))
                    .update();
        }
        return created;
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /** Approves (with schedule and staff, through the compliance gate) or rejects a requested visit. */
    @Transactional
    public VisitView decide(Actor actor, String visitId, Decision d) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_AN_APPROVER", null,
                    "only a supervisor or an administrator approves visits");
        }
        Row visit = row(actor, visitId);
        jdbc.sql("SELECT visit_id FROM visit WHERE visit_id = ? FOR UPDATE").param(visitId).query(String.class).single();
        String status = jdbc.sql("SELECT status FROM visit WHERE visit_id = ?").param(visitId).query(String.class).single();
        if (!"REQUESTED".equals(status)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "VISIT_ALREADY_DECIDED", null,
                    "visit " + visitId + " is " + status + "; only a REQUESTED visit can be approved or rejected");
        }
        String note = d.note() == null ? null : d.note().strip();
        Instant now = clock.instant();
        if ("REJECT".equals(d.decision())) {
            if (note == null || note.isEmpty()) {
                throw ApiProblem.badRequest("INVALID_DECISION", "note", "a rejection needs a note saying why");
            }
            jdbc.sql("UPDATE visit SET status = 'REJECTED', decided_by = ?, decided_at = ?, decision_note = ? "
                    + "WHERE visit_id = ?").params(actor.username(), Timestamp.from(now), note, visitId).update();
            return view(visitId);
        }
        if (!"APPROVE".equals(d.decision())) {
            throw ApiProblem.badRequest("INVALID_DECISION", "decision", "decision must be APPROVE or REJECT");
        }
        if (visit.contactPointId() == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NO_ADDRESS", "contactPointId",
                    "visit " + visitId + " has no address: add an ADDRESS contact point to the party and request again, "
                            + "or reject it");
        }
        List<String> staff = d.staff() == null ? List.of()
                : d.staff().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (staff.size() < MIN_STAFF) {
            throw ApiProblem.badRequest("VISIT_STAFF_MINIMUM", "staff", "a visit needs at least " + MIN_STAFF
                    + " different staff assigned, " + staff.size() + " named");
        }
        for (String s : staff) {
            boolean active = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ? AND enabled")
                    .param(s).query(Long.class).single() > 0;
            if (!active) {
                throw ApiProblem.badRequest("UNKNOWN_STAFF", "staff", "no active user is called '" + s + "'");
            }
        }
        if (d.scheduledAt() == null) {
            throw ApiProblem.badRequest("INVALID_DECISION", "scheduledAt", "an approval needs the visit's date and time");
        }
        Instant at = d.scheduledAt().toInstant();
        if (at.isBefore(now.minusSeconds(300))) {
            throw ApiProblem.badRequest("INVALID_DECISION", "scheduledAt", "a visit cannot be scheduled in the past");
        }
        Verdict verdict = gate.screen(List.of(new ContactRequest(visit.accountId(), visit.partyId(),
                visit.contactPointId(), Channel.VISIT, at, null, staff, Purpose.COLLECTION)), "VISIT " + visitId).getFirst();
        if (!verdict.allowed()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "VISIT_BLOCKED", "scheduledAt",
                    "the compliance gate does not allow this visit at " + d.scheduledAt() + ": "
                            + verdict.reasons().stream().map(r -> r.code() + " (" + r.message() + ")")
                            .collect(Collectors.joining("; "))
                            + (verdict.nextAllowedAt() == null ? "" : "; next allowed at " + verdict.nextAllowedAt()));
        }
        String team = d.team() != null && !d.team().isBlank() ? d.team().strip()
                : jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(visit.caseId())
                .query(String.class).optional().orElse(null);
        if (team == null) {
            throw ApiProblem.badRequest("INVALID_DECISION", "team", "the case has no team: name the team that visits");
        }
        ZoneId zone = zone(jdbc.sql("SELECT time_zone FROM party WHERE party_id = ?").param(visit.partyId())
                .query(String.class).single());
        jdbc.sql("""
                        UPDATE visit SET status = 'APPROVED', decided_by = ?, decided_at = ?, decision_note = ?, team = ?,
                                         scheduled_at = ?, visit_day = ? WHERE visit_id = ?""")
                .params(actor.username(), Timestamp.from(now), note, team, Timestamp.from(at),
                        at.atZone(zone).toLocalDate(), visitId)
                .update();
        for (String s : staff) {
            jdbc.sql("INSERT INTO visit_staff (visit_id, username) VALUES (?, ?)").params(visitId, s).update();
        }
        return view(visitId);
    }

    // ------------------------------------------------------------------------------------------------ reports

    /**
     * Records the report of an approved visit, once: a retry with the same body answers the original, another body
     * 409. Refused when it claims cash was collected (cash is never collected on a visit: payments go through the
     * normal channels).
     */
    @Transactional
    public Result report(Actor actor, String visitId, NewReport body) {
        Row visit = row(actor, visitId);
        if (body.cashCollected() == null) {
            throw ApiProblem.badRequest("INVALID_REPORT", "cashCollected",
                    "state that no cash was collected (cashCollected: false): visits never collect cash");
        }
        if (body.cashCollected()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CASH_COLLECTION_FORBIDDEN", "cashCollected",
                    "staff must not collect cash on a visit: the debtor pays through the normal channels "
                            + "(bank transfer, WeChat, Alipay, the branch); the report is refused");
        }
        String hash = hash(body);
        jdbc.sql("SELECT visit_id FROM visit WHERE visit_id = ? FOR UPDATE").param(visitId).query(String.class).single();
        Optional<String> earlier = jdbc.sql("SELECT request_hash FROM visit_report WHERE visit_id = ?").param(visitId)
                .query(String.class).optional();
        if (earlier.isPresent()) {
            if (earlier.get().equals(hash)) {
                return new Result(false, view(visitId));
            }
            throw new ApiProblem(HttpStatus.CONFLICT, "VISIT_ALREADY_REPORTED", null,
                    "visit " + visitId + " was already reported with other content");
        }
        String status = jdbc.sql("SELECT status FROM visit WHERE visit_id = ?").param(visitId).query(String.class).single();
        if (!"APPROVED".equals(status)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "VISIT_NOT_APPROVED", null,
                    "visit " + visitId + " is " + status + "; only an APPROVED visit can be reported");
        }
        List<String> staff = staff(visitId);
        if (!staff.contains(actor.username()) && actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_VISIT_STAFF", null,
                    "only the staff assigned to visit " + visitId + " (" + String.join(", ", staff) + ") report it");
        }
        if (body.visitedAt() == null) {
            throw ApiProblem.badRequest("INVALID_REPORT", "visitedAt", "when the visit took place is required");
        }
        if (body.visitedAt().toInstant().isAfter(clock.instant().plusSeconds(300))) {
            throw ApiProblem.badRequest("INVALID_REPORT", "visitedAt", "a visit is reported after it took place; "
                    + body.visitedAt() + " is in the future");
        }
        String met = body.met() == null ? "" : body.met();
        String metParty = null;
        String metDescription = body.metDescription() == null ? null : body.metDescription().strip();
        switch (met) {
            case "PARTY" -> {
                metParty = body.metPartyId() == null ? visit.partyId() : body.metPartyId();
                boolean onAccount = jdbc.sql("SELECT COUNT(*) FROM account_party WHERE account_id = ? AND party_id = ?")
                        .params(visit.accountId(), metParty).query(Long.class).single() > 0;
                if (!onAccount) {
                    throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "PARTY_NOT_ON_ACCOUNT", "metPartyId",
                            "party " + metParty + " is not a party of account " + visit.accountId());
                }
            }
            case "THIRD_PARTY" -> {
                if (metDescription == null || metDescription.isEmpty()) {
                    throw ApiProblem.badRequest("INVALID_REPORT", "metDescription",
                            "say whom the staff met (e.g. neighbour, building manager)");
                }
            }
            case "NOBODY" -> {
            }
            default -> throw ApiProblem.badRequest("INVALID_REPORT", "met", "met must be PARTY, THIRD_PARTY or NOBODY");
        }
        if (body.outcome() == null || !OUTCOMES.contains(body.outcome())) {
            throw ApiProblem.badRequest("INVALID_REPORT", "outcome", "outcome must be one of " + OUTCOMES);
        }
        if (("PROMISE".equals(body.outcome()) || "ACKNOWLEDGED".equals(body.outcome())) && !"PARTY".equals(met)) {
            throw ApiProblem.badRequest("INVALID_REPORT", "outcome",
                    body.outcome() + " needs the party met in person (met: PARTY)");
        }
        if ("PROMISE".equals(body.outcome()) != (body.promise() != null)) {
            throw ApiProblem.badRequest("INVALID_REPORT", "promise",
                    "a PROMISE outcome needs the promise (amount, dueDate) and only it carries one");
        }
        List<NewEvidence> evidence = body.evidence() == null ? List.of() : body.evidence();
        Map<String, NewEvidence> bySha = new LinkedHashMap<>();
        for (int i = 0; i < evidence.size(); i++) {
            NewEvidence e = evidence.get(i);
            String field = "evidence[" + i + "]";
            if (e == null || e.sha256() == null || !e.sha256().matches("[0-9a-fA-F]{64}")) {
                throw ApiProblem.badRequest("INVALID_REPORT", field + ".sha256", "must be 64 hexadecimal digits (a SHA-256)");
            }
            if (e.name() == null || e.name().isBlank() || e.name().length() > 300) {
                throw ApiProblem.badRequest("INVALID_REPORT", field + ".name", "a file name of 1–300 characters is required");
            }
            String kind = e.kind() == null ? "OTHER" : e.kind();
            if (!List.of("PHOTO", "RECORDING", "OTHER").contains(kind)) {
                throw ApiProblem.badRequest("INVALID_REPORT", field + ".kind", "kind must be PHOTO, RECORDING or OTHER");
            }
            if (e.documentId() != null) {
                StoredDocument doc = documents.find(e.documentId()).filter(x -> visit.caseId().equals(x.caseId()))
                        .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_DOCUMENT",
                                field + ".documentId", "document " + e.documentId() + " is not a document of this case"));
                if (!doc.sha256().equalsIgnoreCase(e.sha256())) {
                    throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "EVIDENCE_HASH_MISMATCH", field + ".sha256",
                            "document " + e.documentId() + " has SHA-256 " + doc.sha256() + ", not " + e.sha256());
                }
            }
            bySha.putIfAbsent(e.sha256().toLowerCase(), new NewEvidence(e.sha256().toLowerCase(), e.name().strip(), kind,
                    e.documentId()));
        }
        Instant at = body.visitedAt().toInstant();
        Contacts.Recorded contact = contacts.record(new Contacts.Attempt("visit-" + visitId, visit.accountId(),
                metParty != null ? metParty : visit.partyId(), visit.contactPointId(), Channel.VISIT, at,
                "NOBODY".equals(met) ? Outcome.NOT_MET : Outcome.VISITED, null, Purpose.COLLECTION), staff,
                actor.username());
        if (contact.isBlocked()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "VISIT_BLOCKED", "visitedAt",
                    "the compliance gate does not allow a visit at " + body.visitedAt() + ": "
                            + contact.blocked().reasons().stream().map(r -> r.code() + " (" + r.message() + ")")
                            .collect(Collectors.joining("; ")));
        }
        String promiseId = null;
        if (body.promise() != null) {
            NewPromise p = body.promise();
            PromiseView promise = promises.capture(visit.accountId(), actor.username(), "visit-" + visitId, metParty,
                    p.amount(), p.dueDate(), p.channel());
            promiseId = promise.promiseId();
        }
        jdbc.sql("""
                        INSERT INTO visit_report (visit_id, met, met_party_id, met_description, outcome, promise_id,
                                                  contact_id, note, request_hash, reported_by, reported_at, visited_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(visitId, met, metParty, metDescription, body.outcome(), promiseId, contact.contactId(),
                        body.note(), hash, actor.username(), Timestamp.from(clock.instant()), Timestamp.from(at))
                .update();
        for (NewEvidence e : bySha.values()) {
            jdbc.sql("INSERT INTO visit_evidence (visit_id, sha256, name, kind, document_id) VALUES (?, ?, ?, ?, ?)")
                    .params(visitId, e.sha256(), e.name(), e.kind(), e.documentId()).update();
        }
        jdbc.sql("UPDATE visit SET status = 'REPORTED' WHERE visit_id = ?").param(visitId).update();
        return new Result(true, view(visitId));
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The visits the actor may see, newest first; {@code status} null: all. */
    public List<VisitView> list(Actor actor, String status, int limit) {
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "v.case_id");
        List<Object> params = new ArrayList<>(filter.params());
        params.add(actor.username());
        String where = "(" + filter.sql() + " OR " + ON_STAFF + ")";
        if (status != null && !status.isBlank()) {
            where += " AND v.status = ?";
            params.add(status);
        }
        params.add(limit);
        List<String> ids = jdbc.sql("SELECT v.visit_id FROM visit v WHERE " + where
                        + " ORDER BY v.requested_at DESC, v.visit_id FETCH FIRST ? ROWS ONLY")
                .params(params).query(String.class).list();
        return ids.stream().map(this::view).toList();
    }

    /** The time zone of the visited party (form times are in it). */
    public ZoneId zoneOf(Actor actor, String visitId) {
        Row row = row(actor, visitId);
        return zone(jdbc.sql("SELECT time_zone FROM party WHERE party_id = ?").param(row.partyId())
                .query(String.class).single());
    }

    public VisitView find(Actor actor, String visitId) {
        row(actor, visitId);
        return view(visitId);
    }

    /** A team's route for a day: approved (and reported) visits of that day, grouped by region, nearest next. */
    public List<RouteGroup> route(Actor actor, String team, LocalDate day) {
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "v.case_id");
        List<Object> params = new ArrayList<>(List.of(team, day));
        params.addAll(filter.params());
        params.add(actor.username());
        List<String> ids = jdbc.sql("SELECT v.visit_id FROM visit v WHERE v.team = ? AND v.visit_day = ? "
                        + "AND v.status IN ('APPROVED', 'REPORTED') AND (" + filter.sql() + " OR " + ON_STAFF + ")")
                .params(params).query(String.class).list();
        Map<String, VisitView> views = new LinkedHashMap<>();
        ids.forEach(id -> views.put(id, view(id)));
        List<Stop> stops = views.values().stream()
                .map(v -> new Stop(v.visitId(), new Region(v.city(), v.district()), v.lat(), v.lon())).toList();
        List<RouteGroup> groups = new ArrayList<>();
        int position = 0;
        for (RoutePlan.Group g : RoutePlan.plan(stops)) {
            List<RouteStop> legs = new ArrayList<>();
            for (RoutePlan.Leg leg : g.legs()) {
                VisitView v = views.get(leg.stop().visitId());
                legs.add(new RouteStop(++position, v, leg.stop().located(),
                        leg.kmFromPrevious() == null ? null : Math.round(leg.kmFromPrevious() * 100) / 100.0));
            }
            groups.add(new RouteGroup(g.region().city(), g.region().district(), legs));
        }
        return groups;
    }

    /** One region of a route. */
    public record RouteGroup(String city, String district, List<RouteStop> stops) {
    }

    /** A stop: its place in the day's order, the visit, whether it was ordered by coordinates, the leg in km. */
    public record RouteStop(int position, VisitView visit, boolean located, Double kmFromPrevious) {
    }

    // ------------------------------------------------------------------------------------------------ internals

    record Row(String visitId, String caseId, String accountId, String partyId, String contactPointId) {
    }

    private record Address(String id, String value) {
    }

    private Row row(Actor actor, String visitId) {
        Row row = jdbc.sql("SELECT visit_id, case_id, account_id, party_id, contact_point_id FROM visit WHERE visit_id = ?")
                .param(visitId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> ApiProblem.notFound("visit", visitId));
        if (!scope.maySeeCase(actor, row.caseId()) && !staff(visitId).contains(actor.username())) {
            throw ApiProblem.notFound("visit", visitId);
        }
        return row;
    }

    private void requireCase(Actor actor, String caseId) {
        boolean exists = caseId != null && caseId.startsWith("C-") && jdbc.sql(
                        "SELECT COUNT(*) FROM account_party WHERE party_id = ? AND role = 'BORROWER'")
                .param(caseId.substring(2)).query(Long.class).single() > 0;
        if (!exists || !scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
    }

    private Address address(String partyId, String contactPointId) {
        if (contactPointId != null && !contactPointId.isBlank()) {
            return jdbc.sql("SELECT contact_point_id, contact_value FROM contact_point WHERE contact_point_id = ? "
                            + "AND party_id = ? AND type = 'ADDRESS'")
                    .params(contactPointId, partyId)
                    .query((rs, n) -> new Address(rs.getString(1), rs.getString(2))).optional()
                    .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_AN_ADDRESS",
                            "contactPointId", "contact point " + contactPointId + " is not an ADDRESS of party "
                            + partyId));
        }
        return jdbc.sql("SELECT contact_point_id, contact_value FROM contact_point WHERE party_id = ? "
                        + "AND type = 'ADDRESS' AND valid ORDER BY contact_point_id FETCH FIRST 1 ROWS ONLY")
                .param(partyId)
                .query((rs, n) -> new Address(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NO_ADDRESS", "contactPointId",
                        "party " + partyId + " has no valid ADDRESS contact point to visit"));
    }

    private List<String> staff(String visitId) {
        return jdbc.sql("SELECT username FROM visit_staff WHERE visit_id = ? ORDER BY username").param(visitId)
                .query(String.class).list();
    }

    VisitView view(String visitId) {
        List<String> staff = staff(visitId);
        List<VisitView.Evidence> evidence = jdbc.sql("SELECT sha256, name, kind, document_id FROM visit_evidence "
                        + "WHERE visit_id = ? ORDER BY name, sha256").param(visitId)
                .query((rs, n) -> new VisitView.Evidence(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
        VisitView.Report report = jdbc.sql("SELECT * FROM visit_report WHERE visit_id = ?").param(visitId)
                .query((rs, n) -> new VisitView.Report(rs.getString("met"), rs.getString("met_party_id"),
                        rs.getString("met_description"), rs.getString("outcome"), rs.getString("promise_id"),
                        rs.getString("contact_id"), rs.getString("note"), instant(rs, "visited_at"),
                        rs.getString("reported_by"), instant(rs, "reported_at"), false, evidence))
                .optional().orElse(null);
        return jdbc.sql("SELECT * FROM visit WHERE visit_id = ?").param(visitId)
                .query((rs, n) -> new VisitView(rs.getString("visit_id"), rs.getString("case_id"),
                        rs.getString("account_id"), rs.getString("party_id"), rs.getString("contact_point_id"),
                        rs.getString("address"), rs.getString("city"), rs.getString("district"), dbl(rs, "lat"),
                        dbl(rs, "lon"), rs.getString("source"),
                        rs.getDate("run_as_of") == null ? null : rs.getDate("run_as_of").toLocalDate(),
                        rs.getString("reason"), rs.getString("status"), rs.getString("requested_by"),
                        instant(rs, "requested_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
                        rs.getString("decision_note"), rs.getString("team"), instant(rs, "scheduled_at"),
                        rs.getDate("visit_day") == null ? null : rs.getDate("visit_day").toLocalDate(), staff, report))
                .single();
    }

    /** The party's zone; a missing or unreadable one counts as China's. */
    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneId.of("Asia/Shanghai") : ZoneId.of(id.strip());
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static String hash(NewReport r) {
        String canonical = String.join("|", String.valueOf(r.visitedAt() == null ? null : r.visitedAt().toInstant()),
                String.valueOf(r.met()), String.valueOf(r.metPartyId()), String.valueOf(r.metDescription()),
                String.valueOf(r.outcome()),
                r.promise() == null ? "-" : r.promise().amount().stripTrailingZeros().toPlainString() + "/"
                        + r.promise().dueDate() + "/" + r.promise().channel(),
                String.valueOf(r.note()),
                r.evidence() == null ? "-" : r.evidence().stream()
                        .map(e -> e == null ? "null" : String.valueOf(e.sha256()).toLowerCase() + ":" + e.name() + ":"
                                + e.kind() + ":" + e.documentId())
                        .sorted().collect(Collectors.joining(",")));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the legal feature: visits whose report records an acknowledgement of the debt, per account. */
    public List<Acknowledgement> acknowledgements(List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT v.account_id, v.visit_id, r.visited_at FROM visit v JOIN visit_report r ON r.visit_id = v.visit_id
                        WHERE r.outcome = 'ACKNOWLEDGED' AND v.account_id IN (:ids)""")
                .param("ids", accountIds)
                .query((rs, n) -> new Acknowledgement(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** A debt acknowledged in person on a visit. */
    public record Acknowledgement(String accountId, String visitId, Instant at) {
    }
}

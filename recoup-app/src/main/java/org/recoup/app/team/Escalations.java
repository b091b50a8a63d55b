package org.recoup.app.team;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisors' escalation queue. A case lands in it when a person who works it escalates it with a reason, or when
 * the strategy planned an {@code ESCALATE} task for it (imported after each run). A case is in the queue at most once
 * at a time. Supervisors (and administrators) — nobody else — see the queue and resolve an escalation: assign the case
 * up a tier (to an agent of a higher tier than its holder), hand it over to a team or channel, or close it with a note.
 */
@Service
public class Escalations {

    /** An escalation as the queue shows it; {@code holder*} is who holds the case now. */
    public record Escalation(long id, String caseId, String source, LocalDate asOf, String raisedBy, Instant raisedAt,
                             String reason, String status, String resolution, String resolvedBy, Instant resolvedAt,
                             String resolutionNote, String holderTeam, String holderAgent, String holderTier) {
    }

    /** Raise: the reason is required. */
    public record RaiseRequest(String reason) {
    }

    /** Resolve: {@code action} ASSIGN (with {@code agent}), HANDOVER (with {@code team}) or CLOSE; {@code note} required. */
    public record ResolveRequest(String action, String agent, String team, String note) {
    }

    private static final List<String> TIERS = List.of("JUNIOR", "INTERMEDIATE", "SENIOR");

    private final JdbcClient jdbc;
    private final CaseScope scope;
    private final CaseRouting routing;
    private final TeamDirectory teams;
    private final Clock clock;

    Escalations(JdbcClient jdbc, CaseScope scope, CaseRouting routing, TeamDirectory teams, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.routing = routing;
        this.teams = teams;
        this.clock = clock;
    }

    @Transactional
    public Escalation raise(Actor actor, String caseId, RaiseRequest request) {
        if (!scope.maySeeCase(actor, caseId) || actor.role() == Role.COMPLIANCE) {
            throw ApiProblem.notFound("case", caseId);
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ApiProblem.badRequest("REASON_REQUIRED", "reason", "reason is required: say why the case needs a supervisor");
        }
        if (request.reason().strip().length() > 500) {
            throw ApiProblem.badRequest("INVALID_ESCALATION", "reason", "reason is at most 500 characters");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM collection_case WHERE case_id = ?").param(caseId).query(Long.class)
                .single() == 0) {
            throw ApiProblem.notFound("case", caseId);
        }
        try {
            jdbc.sql("INSERT INTO case_escalation (case_id, open_case_id, source, raised_by, raised_at, reason, status) "
                            + "VALUES (?, ?, 'AGENT', ?, ?, ?, 'OPEN')")
                    .params(caseId, caseId, actor.username(), Timestamp.from(clock.instant()), request.reason().strip())
                    .update();
        } catch (DuplicateKeyException alreadyOpen) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ALREADY_ESCALATED", "caseId",
                    "case " + caseId + " is already in the escalation queue");
        }
        return openOf(caseId);
    }

    /**
     * Adds the cases the strategy asked to escalate on {@code asOf} (PLANNED {@code ESCALATE} tasks) that are not in
     * the queue already and were not escalated by the strategy for that date before (a rerun adds nothing).
     */
    @Transactional
    public int importStrategyEscalations(LocalDate asOf, Instant now) {
        return jdbc.sql("""
                        INSERT INTO case_escalation (case_id, open_case_id, source, as_of, raised_by, raised_at, reason, status)
                        SELECT ra.case_id, ra.case_id, 'STRATEGY', ra.as_of, 'strategy', ?,
                               SUBSTRING('strategy rule ' || COALESCE(ra.rule_id, '?') || ' (tier '
                                         || COALESCE(ra.tier, '-') || ')' FROM 1 FOR 500), 'OPEN'
                        FROM run_action ra
                        WHERE ra.as_of = ? AND ra.kind = 'TASK' AND ra.action = 'ESCALATE' AND ra.status = 'PLANNED'
                          AND NOT EXISTS (SELECT 1 FROM case_escalation e WHERE e.open_case_id = ra.case_id)
                          AND NOT EXISTS (SELECT 1 FROM case_escalation e WHERE e.case_id = ra.case_id
                                          AND e.source = 'STRATEGY' AND e.as_of = ra.as_of)""")
                .params(Timestamp.from(now), asOf).update();
    }

    /** The newest 500 escalations of the status (newest first: what was raised today is never pushed off the page). */
    public List<Escalation> list(Actor actor, String status) {
        requireSupervisor(actor);
        String s = status == null || status.isBlank() ? "OPEN" : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!s.equals("OPEN") && !s.equals("RESOLVED")) {
            throw ApiProblem.badRequest("INVALID_STATUS", "status", "status must be OPEN or RESOLVED");
        }
        return jdbc.sql(SELECT + " WHERE e.status = ? ORDER BY e.raised_at DESC, e.escalation_id DESC FETCH FIRST 500 ROWS ONLY")
                .param(s).query((rs, i) -> map(rs)).list();
    }

    public Escalation get(Actor actor, long id) {
        requireSupervisor(actor);
        return find(id);
    }

    @Transactional
    public Escalation resolve(Actor actor, long id, ResolveRequest request) {
        requireSupervisor(actor);
        Escalation e = find(id);
        if (request == null || request.note() == null || request.note().isBlank()) {
            throw ApiProblem.badRequest("NOTE_REQUIRED", "note", "note is required: say how the escalation was resolved");
        }
        String note = request.note().strip();
        if (note.length() > 400) {
            throw ApiProblem.badRequest("INVALID_RESOLUTION", "note", "note is at most 400 characters");
        }
        String action = request.action() == null ? "" : request.action().strip().toUpperCase(java.util.Locale.ROOT);
        String resolution;
        switch (action) {
            case "ASSIGN" -> {
                String agent = request.agent() == null || request.agent().isBlank() ? null : request.agent().strip();
                if (agent == null) {
                    throw ApiProblem.badRequest("INVALID_RESOLUTION", "agent", "agent is required to assign up a tier");
                }
                String tier = jdbc.sql("SELECT tier FROM app_user WHERE username = ? AND enabled = TRUE").param(agent)
                        .query(String.class).optional().orElse(null);
                if (e.holderTier() != null && (tier == null || TIERS.indexOf(tier) <= TIERS.indexOf(e.holderTier()))) {
                    throw ApiProblem.badRequest("INVALID_RESOLUTION", "agent", "'" + agent + "' (" + tier
                            + ") is not of a higher tier than the holder " + e.holderAgent() + " (" + e.holderTier() + ")");
                }
                routing.assign(actor, e.caseId(), new CaseRouting.Assignment(null, agent, null, "escalation #" + id
                        + " assigned up a tier: " + note));
                resolution = "ASSIGNED";
            }
            case "HANDOVER" -> {
                String team = request.team() == null || request.team().isBlank() ? null : request.team().strip();
                if (team == null || !teams.exists(team)) {
                    throw ApiProblem.badRequest("INVALID_RESOLUTION", "team", "team is required: a team or channel");
                }
                routing.assign(actor, e.caseId(), new CaseRouting.Assignment(team, null, null, "escalation #" + id
                        + " handed over: " + note));
                resolution = "HANDED_OVER";
            }
            case "CLOSE" -> resolution = "CLOSED";
            default -> throw ApiProblem.badRequest("INVALID_RESOLUTION", "action",
                    "action must be ASSIGN, HANDOVER or CLOSE");
        }
        int updated = jdbc.sql("UPDATE case_escalation SET status = 'RESOLVED', open_case_id = NULL, resolution = ?, "
                        + "resolved_by = ?, resolved_at = ?, resolution_note = ? WHERE escalation_id = ? AND status = 'OPEN'")
                .params(resolution, actor.username(), Timestamp.from(clock.instant()), note, id).update();
        if (updated == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ALREADY_RESOLVED", null, "escalation " + id + " is already resolved");
        }
        return find(id);
    }

    private static void requireSupervisor(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "the escalation queue is for supervisors");
        }
    }

    private static final String SELECT = """
            SELECT e.escalation_id, e.case_id, e.source, e.as_of, e.raised_by, e.raised_at, e.reason, e.status,
                   e.resolution, e.resolved_by, e.resolved_at, e.resolution_note, a.team, a.agent, u.tier
            FROM case_escalation e LEFT JOIN case_assignment a ON a.case_id = e.case_id
            LEFT JOIN app_user u ON u.username = a.agent""";

    private Escalation find(long id) {
        return jdbc.sql(SELECT + " WHERE e.escalation_id = ?").param(id).query((rs, i) -> map(rs)).optional()
                .orElseThrow(() -> ApiProblem.notFound("escalation", String.valueOf(id)));
    }

    private Escalation openOf(String caseId) {
        return jdbc.sql(SELECT + " WHERE e.open_case_id = ?").param(caseId).query((rs, i) -> map(rs)).single();
    }

    private static Escalation map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp resolved = rs.getTimestamp(11);
        return new Escalation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), resolved == null ? null : resolved.toInstant(), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15));
    }
}

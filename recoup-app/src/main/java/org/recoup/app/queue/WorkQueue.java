package org.recoup.app.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' work queue ({@code work_queue}): rebuilt set-based after every completed run, popped by "next case"
 * with a lock per agent, released by outcomes and by the agent. Priority: the strategy priority of the rule that
 * planned the call (broken promises 90, payday follow-ups 55, first-week calls 60…), raised to at least the
 * configured follow-up priority (70) when an agent scheduled a follow-up; a case is offered from its
 * {@code available_at}: the planned call time (10:00 in the party's zone; 15:30 for business receivables, PRACTICE
 * best hours), the compliance gate's {@code nextAllowedAt} for deferred calls, or the follow-up time, whichever is
 * latest. Ties go to the case that has waited longest, then by case id.
 *
 * <p>Two agents never hold the same case: a case is claimed by a conditional {@code UPDATE … WHERE locked_until IS
 * NULL OR locked_until <= now}, which both H2 and PostgreSQL evaluate on the latest committed row under its row lock;
 * statements run in auto-commit so that a claim is visible to the others at once.
 */
@Service
public class WorkQueue {

    /** The priority an agent's follow-up is offered at (at least): above routine calls, below broken promises. */
    static final int FOLLOW_UP_PRIORITY = 70;
    private static final int CANDIDATES = 32;
    /** A claim lost means another agent won a case, so rounds only repeat while others make progress. */
    private static final int ROUNDS = 50;

    /** What "next case" hands an agent. */
    public record NextCase(String caseId, int priority, String reason, String script, String stage, String bucket,
                           Instant availableAt, Instant lockedUntil) {
    }

    /** Depth of one team's queue (or one stage of it) at an instant. */
    public record Depth(String stage, long waitingNow, long waitingLaterToday, long locked) {
    }

    /** A team's queue: totals and by stage. {@code team} is empty for cases routed to nobody. */
    public record TeamDepth(String team, long waitingNow, long waitingLaterToday, long locked, List<Depth> byStage) {
    }

    /** Filters of "next case"; null means any. */
    public record Filter(String stage, String segment) {
        public static final Filter NONE = new Filter(null, null);
    }

    private final JdbcClient jdbc;
    private final QueueRouting routing;
    private final DelinquencyPolicies delinquency;
    private final CaseScope scope;
    private final PlannerStatistics statistics;

    WorkQueue(JdbcClient jdbc, QueueRouting routing, DelinquencyPolicies delinquency, CaseScope scope,
              PlannerStatistics statistics) {
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.routing = routing;
        this.delinquency = delinquency;
        this.scope = scope;
    }

    static String pool(String team, String agent, String agencyId) {
        if (agent != null) {
            return "agent:" + agent;
        }
        if (agencyId != null) {
            return "agency:" + agencyId;
        }
        return team != null ? "team:" + team : "none";
    }

    private static final String POOL_SQL = "CASE WHEN a.agent IS NOT NULL THEN 'agent:' || a.agent "
            + "WHEN a.agency_id IS NOT NULL THEN 'agency:' || a.agency_id "
            + "WHEN a.team IS NOT NULL THEN 'team:' || a.team ELSE 'none' END";

    /**
     * Rebuilds the queue from the QUEUE actions {@code asOf}'s run planned (PLANNED, or DEFERRED with a time) and the
     * follow-ups agents scheduled, keeping the rows agents hold locked at {@code now}; closed cases leave the queue.
     * Set-based: a handful of statements whatever the size of the book. Returns the number of rows in the queue.
     * (The rows kept are few, so "not already queued" is an uncorrelated NOT IN, which PostgreSQL evaluates once, not a
     * NOT EXISTS probing the table being inserted into row by row.)
     */
    @Transactional
    public long rebuild(LocalDate asOf, Instant now) {
        CaseDimensions.refresh(jdbc, delinquency.current(), asOf);
        statistics.refresh("queue_case_facts");
        return rebuildFromFacts(asOf, now);
    }

    /** The rebuild from {@code queue_case_facts} as last refreshed (by the caller, in the same transaction). */
    long rebuildFromFacts(LocalDate asOf, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("DELETE FROM queue_follow_up WHERE case_id IN (SELECT case_id FROM collection_case "
                + "WHERE status = 'CLOSED')").update();
        jdbc.sql("DELETE FROM work_queue WHERE locked_until IS NULL OR locked_until <= ? OR case_id IN "
                + "(SELECT case_id FROM collection_case WHERE status = 'CLOSED')").param(at).update();
        String best = "CASE WHEN ra.status = 'PLANNED' AND ra.rule_id LIKE 'b2b-%' "
                + "THEN ra.planned_at + INTERVAL '330' MINUTE ELSE ra.planned_at END";
        List<Object> params = new ArrayList<>();
        params.add(FOLLOW_UP_PRIORITY);
        params.add(asOf);
        jdbc.sql("INSERT INTO work_queue (case_id, pool, team, agent, source, as_of, run_id, priority, "
                        + "strategy_priority, rule_id, script, stage, bucket, grade, quadrant, available_at) "
                        + "SELECT ra.case_id, " + POOL_SQL + ", a.team, a.agent, "
                        + "CASE WHEN f.case_id IS NULL THEN 'RUN' ELSE 'FOLLOW_UP' END, ra.as_of, ra.run_id, "
                        + "CASE WHEN f.case_id IS NULL THEN ra.priority ELSE GREATEST(ra.priority, ?) END, ra.priority, "
                        + "ra.rule_id, ra.script, d.stage, d.bucket, d.grade, d.quadrant, "
                        + "CASE WHEN f.due_at IS NOT NULL AND f.due_at > " + best + " THEN f.due_at ELSE " + best + " END "
                        + "FROM run_action ra "
                        + "JOIN collection_case cc ON cc.case_id = ra.case_id AND cc.status = 'OPEN' "
                        + "LEFT JOIN case_assignment a ON a.case_id = ra.case_id "
                        + "LEFT JOIN queue_follow_up f ON f.case_id = ra.case_id "
                        + "LEFT JOIN queue_case_facts d ON d.case_id = ra.case_id "
                        + "WHERE ra.as_of = ? AND ra.kind = 'QUEUE' AND ra.status IN ('PLANNED', 'DEFERRED') "
                        + "AND ra.planned_at IS NOT NULL "
                        + "AND ra.case_id NOT IN (SELECT w.case_id FROM work_queue w)")
                .params(params).update();
        List<Object> followUps = new ArrayList<>();
        followUps.add(FOLLOW_UP_PRIORITY);
        jdbc.sql("INSERT INTO work_queue (case_id, pool, team, agent, source, as_of, run_id, priority, "
                        + "strategy_priority, rule_id, script, stage, bucket, grade, quadrant, available_at) "
                        + "SELECT f.case_id, " + POOL_SQL + ", a.team, a.agent, 'FOLLOW_UP', NULL, NULL, ?, 0, "
                        + "NULL, NULL, d.stage, d.bucket, d.grade, d.quadrant, f.due_at "
                        + "FROM queue_follow_up f "
                        + "JOIN collection_case cc ON cc.case_id = f.case_id AND cc.status = 'OPEN' "
                        + "LEFT JOIN case_assignment a ON a.case_id = f.case_id "
                        + "LEFT JOIN queue_case_facts d ON d.case_id = f.case_id "
                        + "WHERE f.case_id NOT IN (SELECT w.case_id FROM work_queue w)")
                .params(followUps).update();
        statistics.refresh("work_queue"); // "next case" plans against it at once
        return jdbc.sql("SELECT COUNT(*) FROM work_queue").query(Long.class).single();
    }

    /** The pools whose cases the actor works; empty for roles that do not work the queue. */
    static List<String> pools(Actor actor) {
        return switch (actor.role()) {
            case AGENT, TEAM_LEAD -> actor.team() == null ? List.of("agent:" + actor.username())
                    : List.of("agent:" + actor.username(), "team:" + actor.team());
            case AGENCY -> actor.agencyId() == null ? List.of() : List.of("agency:" + actor.agencyId());
            case ADMIN, SUPERVISOR, COMPLIANCE -> List.of();
        };
    }

    /**
     * Pops the highest-priority case the actor may work now and locks it to them for the configured minutes. An agent
     * who still holds a lock gets that case again (renewed): one case at a time, released by an outcome or by the
     * agent. Empty when nothing waits.
     */
    public Optional<NextCase> next(Actor actor, Filter filter, Instant now) {
        List<String> pools = pools(actor);
        if (pools.isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_A_QUEUE_USER", null,
                    "the work queue is for agents, team leads and agency users");
        }
        Timestamp at = Timestamp.from(now);
        Instant until = now.plus(Duration.ofMinutes(routing.current().lockMinutes()));
        Optional<NextCase> held = jdbc.sql("SELECT * FROM work_queue WHERE locked_by = ? AND locked_until > ? "
                        + "ORDER BY locked_until DESC FETCH FIRST 1 ROWS ONLY")
                .params(actor.username(), at).query((rs, i) -> row(rs)).optional();
        if (held.isPresent()) {
            jdbc.sql("UPDATE work_queue SET locked_until = ? WHERE case_id = ? AND locked_by = ?")
                    .params(Timestamp.from(until), held.get().caseId(), actor.username()).update();
            return held.map(h -> withLock(h, until));
        }
        StringBuilder arm = new StringBuilder("SELECT case_id, priority, available_at FROM work_queue WHERE pool = ? "
                + "AND available_at <= ? AND (locked_until IS NULL OR locked_until <= ?)");
        List<Object> armParams = new ArrayList<>();
        armParams.add(at);
        armParams.add(at);
        if (filter.stage() != null && !filter.stage().isBlank()) {
            arm.append(" AND stage = ?");
            armParams.add(filter.stage());
        }
        if (filter.segment() != null && !filter.segment().isBlank()) {
            arm.append(" AND (grade = ? OR quadrant = ?)");
            armParams.add(filter.segment());
            armParams.add(filter.segment());
        }
        arm.append(" ORDER BY priority DESC, available_at, case_id FETCH FIRST " + CANDIDATES + " ROWS ONLY");
        StringBuilder sql = new StringBuilder("SELECT case_id FROM (");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            sql.append(i == 0 ? "(" : " UNION ALL (").append(arm).append(")");
            params.add(pools.get(i));
            params.addAll(armParams);
        }
        sql.append(") c ORDER BY priority DESC, available_at, case_id FETCH FIRST " + CANDIDATES + " ROWS ONLY");
        String inPools = String.join(", ", pools.stream().map(p -> "?").toList());
        for (int round = 0; round < ROUNDS; round++) {
            List<String> candidates = jdbc.sql(sql.toString()).params(params).query(String.class).list();
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (String caseId : claimOrder(candidates)) {
                List<Object> claim = new ArrayList<>(List.of(actor.username(), Timestamp.from(until), caseId, at, at));
                claim.addAll(pools);
                int won = jdbc.sql("UPDATE work_queue SET locked_by = ?, locked_until = ? WHERE case_id = ? "
                                + "AND (locked_until IS NULL OR locked_until <= ?) AND available_at <= ? "
                                + "AND pool IN (" + inPools + ")")
                        .params(claim).update();
                if (won == 1) {
                    return jdbc.sql("SELECT * FROM work_queue WHERE case_id = ?").param(caseId)
                            .query((rs, i) -> row(rs)).optional();
                }
            }
        }
        return Optional.empty(); // every candidate was taken by others in every round: the caller may ask again
    }

    /**
     * The order in which to try the candidates: the best first (an agent alone always gets the highest-priority case),
     * then the others starting at a random one, so that agents who lost the best to a colleague at the same instant
     * spread over the next ones instead of all queueing on the same row.
     */
    static List<String> claimOrder(List<String> candidates) {
        if (candidates.size() <= 2) {
            return candidates;
        }
        int start = 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(candidates.size() - 1);
        List<String> order = new ArrayList<>(candidates.size());
        order.add(candidates.get(0));
        order.addAll(candidates.subList(start, candidates.size()));
        order.addAll(candidates.subList(1, start));
        return order;
    }

    /** The case the actor holds locked at {@code now}, if any. */
    public Optional<NextCase> held(Actor actor, Instant now) {
        return jdbc.sql("SELECT * FROM work_queue WHERE locked_by = ? AND locked_until > ? "
                        + "ORDER BY locked_until DESC FETCH FIRST 1 ROWS ONLY")
                .params(actor.username(), Timestamp.from(now)).query((rs, i) -> row(rs)).optional();
    }

    /** Who holds the case locked at {@code now}, if anyone. */
    public Optional<String> lockHolder(String caseId, Instant now) {
        return jdbc.sql("SELECT locked_by FROM work_queue WHERE case_id = ? AND locked_until > ?")
                .params(caseId, Timestamp.from(now)).query(String.class).optional();
    }

    /**
     * Releases the actor's lock on the case (it is offered again at once). Supervisors and administrators may release
     * anyone's lock. 404 when the case is out of the actor's scope, 409 when another agent holds it; releasing a case
     * nobody holds is a no-op.
     */
    public void release(Actor actor, String caseId, Instant now) {
        if (!scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
        int released = actor.seesEveryCase()
                ? jdbc.sql("UPDATE work_queue SET locked_by = NULL, locked_until = NULL WHERE case_id = ?")
                        .param(caseId).update()
                : jdbc.sql("UPDATE work_queue SET locked_by = NULL, locked_until = NULL WHERE case_id = ? "
                        + "AND (locked_by = ? OR locked_until IS NULL OR locked_until <= ?)")
                        .params(caseId, actor.username(), Timestamp.from(now)).update();
        if (released == 0 && lockHolder(caseId, now).isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "LOCKED_BY_ANOTHER", null,
                    "case " + caseId + " is being worked by another agent");
        }
    }

    /** Extends the actor's lock on the case by the configured minutes from {@code now}; false when they do not hold it. */
    public Optional<Instant> renew(Actor actor, String caseId, Instant now) {
        Instant until = now.plus(Duration.ofMinutes(routing.current().lockMinutes()));
        int renewed = jdbc.sql("UPDATE work_queue SET locked_until = ? WHERE case_id = ? AND locked_by = ? "
                        + "AND locked_until > ?")
                .params(Timestamp.from(until), caseId, actor.username(), Timestamp.from(now)).update();
        return renewed == 1 ? Optional.of(until) : Optional.empty();
    }

    /**
     * An outcome was recorded for the case: its lock is released; with a follow-up the case is offered again from
     * then (at least at the follow-up priority), without one it leaves the queue until the next run plans it again.
     * The follow-up is kept apart so that the next rebuild keeps it; the next outcome replaces it.
     */
    @Transactional
    public void outcome(String caseId, String username, String disposition, Instant followUpAt, Instant at) {
        jdbc.sql("DELETE FROM queue_follow_up WHERE case_id = ?").param(caseId).update();
        if (followUpAt == null) {
            jdbc.sql("DELETE FROM work_queue WHERE case_id = ?").param(caseId).update();
            return;
        }
        jdbc.sql("INSERT INTO queue_follow_up (case_id, due_at, username, disposition, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(caseId, Timestamp.from(followUpAt), username,
                        disposition == null ? null : disposition.substring(0, Math.min(40, disposition.length())),
                        Timestamp.from(at))
                .update();
        int updated = jdbc.sql("UPDATE work_queue SET locked_by = NULL, locked_until = NULL, available_at = ?, "
                        + "source = 'FOLLOW_UP', priority = GREATEST(priority, ?) WHERE case_id = ?")
                .params(Timestamp.from(followUpAt), FOLLOW_UP_PRIORITY, caseId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO work_queue (case_id, pool, team, agent, source, priority, strategy_priority, "
                            + "available_at) SELECT cc.case_id, " + POOL_SQL + ", a.team, a.agent, 'FOLLOW_UP', ?, 0, ? "
                            + "FROM collection_case cc LEFT JOIN case_assignment a ON a.case_id = cc.case_id "
                            + "WHERE cc.case_id = ? AND cc.status = 'OPEN'")
                    .params(FOLLOW_UP_PRIORITY, Timestamp.from(followUpAt), caseId).update();
        }
    }

    /** What waits for the actor: now and later today (in {@code zone}). */
    public Depth waitingFor(Actor actor, Instant now, ZoneId zone) {
        List<String> pools = pools(actor);
        if (pools.isEmpty()) {
            return new Depth(null, 0, 0, 0);
        }
        List<Object> params = new ArrayList<>(depthParams(now, zone));
        params.addAll(pools);
        return jdbc.sql("SELECT " + DEPTH_COLUMNS + " FROM work_queue WHERE pool IN ("
                        + String.join(", ", pools.stream().map(p -> "?").toList()) + ")")
                .params(params)
                .query((rs, i) -> new Depth(null, rs.getLong("waiting_now"), rs.getLong("later_today"),
                        rs.getLong("locked")))
                .single();
    }

    private static final String DEPTH_COLUMNS =
            "COALESCE(SUM(CASE WHEN (locked_until IS NULL OR locked_until <= ?) AND available_at <= ? THEN 1 ELSE 0 END), 0) "
                    + "AS waiting_now, "
                    + "COALESCE(SUM(CASE WHEN (locked_until IS NULL OR locked_until <= ?) AND available_at > ? "
                    + "AND available_at < ? THEN 1 ELSE 0 END), 0) AS later_today, "
                    + "COALESCE(SUM(CASE WHEN locked_until > ? THEN 1 ELSE 0 END), 0) AS locked";

    private static List<Object> depthParams(Instant now, ZoneId zone) {
        Timestamp at = Timestamp.from(now);
        Timestamp endOfDay = Timestamp.from(LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant());
        return List.of(at, at, at, at, endOfDay, at);
    }

    /**
     * Queue depth per team and stage at {@code now}: waiting now, waiting later today (in {@code zone}), locked.
     * Supervisors and administrators see every team, a team lead their own; others are refused.
     */
    public List<TeamDepth> depth(Actor actor, Instant now, ZoneId zone) {
        String team;
        switch (actor.role()) {
            case ADMIN, SUPERVISOR -> team = null;
            case TEAM_LEAD -> {
                if (actor.team() == null) {
                    return List.of();
                }
                team = actor.team();
            }
            default -> throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                    "queue depth is for supervisors, team leads and administrators");
        }
        List<Object> params = new ArrayList<>(depthParams(now, zone));
        if (team != null) {
            params.add(team);
        }
        List<Object[]> rows = jdbc.sql("SELECT COALESCE(team, '') AS team, COALESCE(stage, '') AS stage, "
                        + DEPTH_COLUMNS + " FROM work_queue" + (team != null ? " WHERE team = ?" : "")
                        + " GROUP BY COALESCE(team, ''), COALESCE(stage, '') ORDER BY 1, 2")
                .params(params)
                .query((rs, i) -> new Object[] {rs.getString("team"), new Depth(rs.getString("stage"),
                        rs.getLong("waiting_now"), rs.getLong("later_today"), rs.getLong("locked"))})
                .list();
        Map<String, List<Depth>> byTeam = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byTeam.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Depth) r[1]);
        }
        if (team != null && byTeam.isEmpty()) {
            byTeam.put(team, List.of());
        }
        List<TeamDepth> out = new ArrayList<>();
        byTeam.forEach((t, stages) -> out.add(new TeamDepth(t,
                stages.stream().mapToLong(Depth::waitingNow).sum(),
                stages.stream().mapToLong(Depth::waitingLaterToday).sum(),
                stages.stream().mapToLong(Depth::locked).sum(), List.copyOf(stages))));
        return out;
    }

    private static NextCase withLock(NextCase c, Instant until) {
        return new NextCase(c.caseId(), c.priority(), c.reason(), c.script(), c.stage(), c.bucket(), c.availableAt(),
                until);
    }

    private static NextCase row(ResultSet rs) throws SQLException {
        String source = rs.getString("source");
        String rule = rs.getString("rule_id");
        String reason = "FOLLOW_UP".equals(source) ? (rule == null ? "follow-up" : "follow-up, " + rule) : rule;
        return new NextCase(rs.getString("case_id"), rs.getInt("priority"), reason, rs.getString("script"),
                rs.getString("stage"), rs.getString("bucket"), instant(rs, "available_at"), instant(rs, "locked_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

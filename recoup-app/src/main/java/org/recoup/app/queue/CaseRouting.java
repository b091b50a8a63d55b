package org.recoup.app.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works a case: after each completed run, open cases without an owner are routed to a team by the bucket of their
 * most overdue account ({@link QueueRouting}); supervisors and team leads (re)assign a case to a team, an agent or an
 * agency. Every change is appended to {@code case_assignment_history} with who made it and why.
 */
@Service
public class CaseRouting {

    /** A (re)assignment request; {@code reason} is required. */
    public record Assignment(String team, String agent, String agencyId, String reason) {
    }

    /** The owner of a case after a change. */
    public record Assigned(String caseId, String team, String agent, String agencyId, Instant assignedAt,
                           String assignedBy, String reason) {
    }

    private final JdbcClient jdbc;
    private final QueueRouting routing;
    private final DelinquencyPolicies delinquency;
    private final Clock clock;
    private final PlannerStatistics statistics;

    CaseRouting(JdbcClient jdbc, QueueRouting routing, DelinquencyPolicies delinquency, Clock clock,
                PlannerStatistics statistics) {
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.routing = routing;
        this.delinquency = delinquency;
        this.clock = clock;
    }

    /**
     * Routes every open case of {@code asOf} that has no assignment yet to the team of the first route it matches (by
     * bucket, and optionally stage, segment and product); cases no route matches stay unassigned. Returns the number of cases routed. Set-based: two statements.
     */
    @Transactional
    public int routeNewCases(LocalDate asOf, Instant now) {
        CaseDimensions.refresh(jdbc, delinquency.current(), asOf);
        statistics.refresh("queue_case_facts");
        return routeFromFacts(now);
    }

    /**
     * Routing from {@code queue_case_facts} as last refreshed (by the caller, in the same transaction): marks the open
     * cases without an assignment with their team, then appends their history (seq 1: assignment rows are never
     * deleted, so a case without one has no history) and their assignment. No statement reads the table it writes.
     */
    int routeFromFacts(Instant now) {
        QueueRouting.Versioned config = routing.current();
        List<Object> params = new ArrayList<>();
        StringBuilder team = new StringBuilder("CASE");
        for (QueueRouting.Route r : config.routes()) {
            List<String> conditions = new ArrayList<>();
            in(conditions, params, "bucket", r.buckets());
            in(conditions, params, "stage", r.stages());
            in(conditions, params, "grade", r.segments());
            if (!r.products().isEmpty()) {
                StringBuilder exists = new StringBuilder("EXISTS (SELECT 1 FROM collection_case pc JOIN account_party pp "
                        + "ON pp.party_id = pc.party_id AND pp.role = 'BORROWER' JOIN account pa ON pa.account_id = "
                        + "pp.account_id WHERE pc.case_id = queue_case_facts.case_id AND pa.product IN (");
                for (int i = 0; i < r.products().size(); i++) {
                    exists.append(i == 0 ? "" : ", ").append("CAST(? AS VARCHAR(20))");
                    params.add(r.products().get(i));
                }
                conditions.add(exists.append("))").toString());
            }
            team.append(" WHEN ").append(String.join(" AND ", conditions)).append(" THEN CAST(? AS VARCHAR(100))");
            params.add(r.team());
        }
        team.append(" END");
        int routable = jdbc.sql("UPDATE queue_case_facts SET route_team = " + team + " WHERE NOT EXISTS "
                        + "(SELECT 1 FROM case_assignment a WHERE a.case_id = queue_case_facts.case_id) AND EXISTS "
                        + "(SELECT 1 FROM collection_case cc WHERE cc.case_id = queue_case_facts.case_id "
                        + "AND cc.status = 'OPEN')")
                .params(params).update();
        if (routable == 0) {
            return 0;
        }
        String reason = "routing v" + config.version() + ": bucket ";
        jdbc.sql("INSERT INTO case_assignment_history (case_id, seq, team, agent, agency_id, assigned_at, assigned_by, "
                        + "reason) SELECT case_id, 1, route_team, NULL, NULL, ?, 'routing', "
                        + "CAST(? AS VARCHAR(100)) || bucket FROM queue_case_facts WHERE route_team IS NOT NULL")
                .params(Timestamp.from(now), reason).update();
        int routedCases = jdbc.sql("INSERT INTO case_assignment (case_id, team, agent, agency_id, assigned_at, "
                        + "assigned_by, reason) SELECT case_id, route_team, NULL, NULL, ?, 'routing', "
                        + "CAST(? AS VARCHAR(100)) || bucket FROM queue_case_facts WHERE route_team IS NOT NULL")
                .params(Timestamp.from(now), reason).update();
        if (routedCases > 1000) {
            statistics.refresh("case_assignment");
            statistics.refresh("case_assignment_history");
        }
        return routedCases;
    }

    /**
     * (Re)assigns a case: supervisors and administrators to anyone; a team lead only cases of their team, within their
     * team. An agent named without a team takes the agent's team; an agent with a capacity is never given more open cases
     * than it (409 AGENT_AT_CAPACITY). The work queue follows at once; a lock in progress is
     * kept until its agent releases it.
     */
    @Transactional
    public Assigned assign(Actor actor, String caseId, Assignment request) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR && actor.role() != Role.TEAM_LEAD) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                    "only supervisors, team leads and administrators assign cases");
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ApiProblem.badRequest("REASON_REQUIRED", "reason", "reason is required: say why the case changes hands");
        }
        if (request.reason().length() > 500) {
            throw ApiProblem.badRequest("INVALID_ASSIGNMENT", "reason", "reason is at most 500 characters");
        }
        String team = blankToNull(request.team());
        String agent = blankToNull(request.agent());
        String agency = blankToNull(request.agencyId());
        if (team == null && agent == null && agency == null) {
            throw ApiProblem.badRequest("INVALID_ASSIGNMENT", "team", "name a team, an agent or an agency");
        }
        if (team != null && team.length() > 100) {
            throw ApiProblem.badRequest("INVALID_ASSIGNMENT", "team", "team is at most 100 characters");
        }
        if (agency != null && agency.length() > 64) {
            throw ApiProblem.badRequest("INVALID_ASSIGNMENT", "agencyId", "agencyId is at most 64 characters");
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM collection_case WHERE case_id = ?").param(caseId)
                .query(Long.class).single() > 0;
        String currentTeam = jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(caseId)
                .query(String.class).optional().orElse(null);
        boolean lead = actor.role() == Role.TEAM_LEAD;
        if (!exists || (lead && (actor.team() == null || !actor.team().equals(currentTeam)))) {
            throw ApiProblem.notFound("case", caseId);
        }
        if (agent != null) {
            var user = jdbc.sql("SELECT role, team FROM app_user WHERE username = ? AND enabled = TRUE").param(agent)
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                    .orElseThrow(() -> ApiProblem.badRequest("INVALID_ASSIGNMENT", "agent",
                            "agent '" + agent + "' is not an active user"));
            if (!Role.AGENT.name().equals(user[0]) && !Role.TEAM_LEAD.name().equals(user[0])) {
                throw ApiProblem.badRequest("INVALID_ASSIGNMENT", "agent", "'" + agent + "' is not an agent");
            }
            if (team == null) {
                team = user[1];
            } else if (!team.equals(user[1])) {
                throw ApiProblem.badRequest("INVALID_ASSIGNMENT", "agent",
                        "agent '" + agent + "' works in team '" + user[1] + "', not '" + team + "'");
            }
        }
        if (lead && (team == null || !team.equals(actor.team()) || agency != null)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "team",
                    "a team lead assigns cases within their own team only");
        }
        if (agent != null) {
            requireRoom(agent, caseId);
        }
        Instant now = clock.instant();
        String reason = request.reason().strip();
        int updated = jdbc.sql("UPDATE case_assignment SET team = ?, agent = ?, agency_id = ?, assigned_at = ?, "
                        + "assigned_by = ?, reason = ? WHERE case_id = ?")
                .params(team, agent, agency, Timestamp.from(now), actor.username(), reason, caseId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO case_assignment (case_id, team, agent, agency_id, assigned_at, assigned_by, reason) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(caseId, team, agent, agency, Timestamp.from(now), actor.username(), reason).update();
        }
        jdbc.sql("INSERT INTO case_assignment_history (case_id, seq, team, agent, agency_id, assigned_at, assigned_by, "
                        + "reason) SELECT CAST(? AS VARCHAR(70)), 1 + COALESCE(MAX(seq), 0), CAST(? AS VARCHAR(100)), "
                        + "CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(64)), ?, CAST(? AS VARCHAR(100)), "
                        + "CAST(? AS VARCHAR(500)) FROM case_assignment_history "
                        + "WHERE case_id = ?")
                .params(caseId, team, agent, agency, Timestamp.from(now), actor.username(), reason, caseId).update();
        jdbc.sql("UPDATE work_queue SET pool = ?, team = ?, agent = ? WHERE case_id = ?")
                .params(WorkQueue.pool(team, agent, agency), team, agent, caseId).update();
        return new Assigned(caseId, team, agent, agency, now, actor.username(), reason);
    }

    private static void in(List<String> conditions, List<Object> params, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST(? AS VARCHAR(20))");
            params.add(values.get(i));
        }
        conditions.add(sql.append(")").toString());
    }

    /**
     * An agent with a capacity ({@code agent_profile}) never holds more open cases than it: the profile row is locked
     * for the rest of the transaction, so two assignments to the same agent are counted one after the other.
     */
    private void requireRoom(String agent, String caseId) {
        Integer capacity = jdbc.sql("SELECT capacity FROM agent_profile WHERE username = ? FOR UPDATE").param(agent)
                .query(Integer.class).optional().orElse(null);
        if (capacity == null) {
            return;
        }
        long held = jdbc.sql("SELECT COUNT(*) FROM case_assignment a JOIN collection_case cc ON cc.case_id = a.case_id "
                        + "AND cc.status = 'OPEN' WHERE a.agent = ? AND a.case_id <> ?")
                .params(agent, caseId).query(Long.class).single();
        if (held >= capacity) {
            throw new ApiProblem(HttpStatus.CONFLICT, "AGENT_AT_CAPACITY", "agent", "agent '" + agent + "' already holds "
                    + held + " open case(s), the most their capacity (" + capacity + ") allows");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

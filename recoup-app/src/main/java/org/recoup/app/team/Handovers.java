package org.recoup.app.team;

import java.time.Instant;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handover (换手) of a case to another agent, back to a team's pool or to a channel pool (visit, legal, agency-review),
 * always with a reason, and the full history of who held a case. Who may hand over what:
 * <ul>
 *   <li>supervisors and administrators: any case, to anyone;</li>
 *   <li>a team lead: cases of their team, to an agent of their team, to their team's pool or to a channel;</li>
 *   <li>an agent: only a case they hold, to a colleague of their team, to their team's pool or to a channel (to go up a
 *       tier they escalate the case instead).</li>
 * </ul>
 * Every handover is a {@link CaseRouting#assign} by the person handing over, so the history names them.
 */
@Service
public class Handovers {

    /** Hand a case to {@code toAgent} or to {@code toTeam} (a team or a channel pool); {@code reason} is required. */
    public record HandoverRequest(String toAgent, String toTeam, String reason) {
    }

    /** One line of a case's history: who held it from when, who made the change and why. */
    public record HistoryEntry(int seq, String team, String agent, String agencyId, Instant assignedAt,
                               String assignedBy, String reason) {
    }

    private final JdbcClient jdbc;
    private final CaseRouting routing;
    private final CaseScope scope;
    private final TeamDirectory teams;

    Handovers(JdbcClient jdbc, CaseRouting routing, CaseScope scope, TeamDirectory teams) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.scope = scope;
        this.teams = teams;
    }

    @Transactional
    public CaseRouting.Assigned handOver(Actor actor, String caseId, HandoverRequest request) {
        if (!scope.maySeeCase(actor, caseId) || actor.role() == Role.AGENCY || actor.role() == Role.COMPLIANCE) {
            throw ApiProblem.notFound("case", caseId);
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ApiProblem.badRequest("REASON_REQUIRED", "reason", "reason is required: say why the case changes hands");
        }
        String toAgent = blankToNull(request.toAgent());
        String toTeam = blankToNull(request.toTeam());
        if ((toAgent == null) == (toTeam == null)) {
            throw ApiProblem.badRequest("INVALID_HANDOVER", "toAgent", "name either toAgent or toTeam");
        }
        String kind = toTeam == null ? null : teams.kind(toTeam);
        if (toTeam != null && kind == null) {
            throw ApiProblem.badRequest("INVALID_HANDOVER", "toTeam", "no team or channel '" + toTeam + "'");
        }
        String[] holder = jdbc.sql("SELECT team, agent FROM case_assignment WHERE case_id = ?").param(caseId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElse(new String[] {null, null});
        if (actor.role() == Role.AGENT && !actor.username().equals(holder[1])) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                    "an agent hands over only cases they hold; ask your team lead");
        }
        if (actor.role() == Role.AGENT || actor.role() == Role.TEAM_LEAD) {
            boolean ownPool = toTeam != null && toTeam.equals(actor.team());
            boolean channel = "CHANNEL".equals(kind);
            if (toTeam != null && !ownPool && !channel) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "toTeam",
                        "hand over to your own team's pool or to a channel; moving a case to another team is for "
                                + "supervisors");
            }
            if (toAgent != null) {
                String agentTeam = jdbc.sql("SELECT team FROM app_user WHERE username = ? AND enabled = TRUE")
                        .param(toAgent).query(String.class).optional().orElse(null);
                if (agentTeam == null || !agentTeam.equals(actor.team())) {
                    throw ApiProblem.badRequest("INVALID_HANDOVER", "toAgent",
                            "'" + toAgent + "' is not an active member of your team");
                }
            }
        }
        // the permission rules above are this feature's; CaseRouting records the change under the person's name
        Actor acting = new Actor(actor.username(), Role.SUPERVISOR, actor.tier(), actor.team(), null);
        return routing.assign(acting, caseId, new CaseRouting.Assignment(toTeam, toAgent, null,
                "handover: " + request.reason().strip()));
    }

    public List<HistoryEntry> history(Actor actor, String caseId) {
        if (!scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
        return jdbc.sql("SELECT seq, team, agent, agency_id, assigned_at, assigned_by, reason "
                        + "FROM case_assignment_history WHERE case_id = ? ORDER BY seq")
                .param(caseId)
                .query((rs, i) -> new HistoryEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

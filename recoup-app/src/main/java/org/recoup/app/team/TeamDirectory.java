package org.recoup.app.team;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams and channel pools ({@code team}), their members ({@code app_user.team}) and each agent's skills and capacity
 * ({@code agent_profile}). Administrators and supervisors edit everything; a team lead edits the skills and capacity of
 * their own team's members.
 */
@Service
public class TeamDirectory {

    static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    static final Set<String> PRODUCTS = Set.of("CONSUMER_LOAN", "CREDIT_CARD", "B2B_RECEIVABLE", "PROPERTY_FEE");

    /** A team or channel pool. */
    public record Team(String teamId, String name, String kind, String lead, List<Member> members) {
    }

    /** A member of a team: role, tier, skills, capacity (null: no profile, not auto-assigned) and open cases held. */
    public record Member(String username, String role, String tier, List<String> languages, List<String> products,
                         Integer capacity, long openCases) {
    }

    /** What a team is saved as. */
    public record TeamRequest(String name, String kind, String lead) {
    }

    /** An agent's skills and capacity. */
    public record ProfileRequest(List<String> languages, List<String> products, Integer capacity) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TeamDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Team> teams(Actor actor) {
        List<String[]> rows = jdbc.sql("SELECT team_id, name, kind, lead_username FROM team ORDER BY kind DESC, team_id")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        return rows.stream()
                .filter(r -> actor.role() != Role.TEAM_LEAD || r[0].equals(actor.team()))
                .map(r -> new Team(r[0], r[1], r[2], r[3], members(r[0]))).toList();
    }

    public Team team(Actor actor, String teamId) {
        return teams(actor).stream().filter(t -> t.teamId().equals(teamId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("team", teamId));
    }

    public boolean exists(String teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM team WHERE team_id = ?").param(teamId).query(Long.class).single() > 0;
    }

    public String kind(String teamId) {
        return jdbc.sql("SELECT kind FROM team WHERE team_id = ?").param(teamId).query(String.class).optional()
                .orElse(null);
    }

    List<Member> members(String teamId) {
        return jdbc.sql("""
                        SELECT u.username, u.role, u.tier, p.languages, p.products, p.capacity,
                               (SELECT COUNT(*) FROM case_assignment a JOIN collection_case cc ON cc.case_id = a.case_id
                                 AND cc.status = 'OPEN' WHERE a.agent = u.username) AS open_cases
                        FROM app_user u LEFT JOIN agent_profile p ON p.username = u.username
                        WHERE u.team = ? AND u.enabled = TRUE AND u.role IN ('AGENT', 'TEAM_LEAD')
                        ORDER BY u.username""")
                .param(teamId)
                .query((rs, i) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3),
                        split(rs.getString(4)), split(rs.getString(5)),
                        rs.getObject(6) == null ? null : rs.getInt(6), rs.getLong(7)))
                .list();
    }

    @Transactional
    public Team saveTeam(Actor actor, String teamId, TeamRequest request) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "only supervisors and administrators edit teams");
        }
        if (teamId == null || !teamId.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw ApiProblem.badRequest("INVALID_TEAM", "teamId",
                    "teamId: lower-case letters, digits and '-', at most 100 characters");
        }
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw ApiProblem.badRequest("INVALID_TEAM", "name", "name is required (at most 200 characters)");
        }
        String kind = request.kind() == null || request.kind().isBlank() ? "TEAM" : request.kind().strip();
        if (!kind.equals("TEAM") && !kind.equals("CHANNEL")) {
            throw ApiProblem.badRequest("INVALID_TEAM", "kind", "kind must be TEAM or CHANNEL");
        }
        String lead = request.lead() == null || request.lead().isBlank() ? null : request.lead().strip();
        if (lead != null) {
            String role = jdbc.sql("SELECT role FROM app_user WHERE username = ? AND enabled = TRUE").param(lead)
                    .query(String.class).optional().orElse(null);
            if (!Role.TEAM_LEAD.name().equals(role) && !Role.SUPERVISOR.name().equals(role)) {
                throw ApiProblem.badRequest("INVALID_TEAM", "lead", "lead '" + lead
                        + "' must be an active team lead or supervisor");
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE team SET name = ?, kind = ?, lead_username = ?, updated_at = ?, updated_by = ? "
                        + "WHERE team_id = ?")
                .params(request.name().strip(), kind, lead, now, actor.username(), teamId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO team (team_id, name, kind, lead_username, updated_at, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(teamId, request.name().strip(), kind, lead, now, actor.username()).update();
        }
        return team(actor, teamId);
    }

    /** Sets an agent's skills and capacity; a team lead only for members of their own team. */
    @Transactional
    public Member saveProfile(Actor actor, String username, ProfileRequest request) {
        String[] user = jdbc.sql("SELECT role, team FROM app_user WHERE username = ?").param(username)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(() -> ApiProblem.notFound("agent", username));
        boolean manager = actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR;
        boolean ownLead = actor.role() == Role.TEAM_LEAD && actor.team() != null && actor.team().equals(user[1]);
        if (!manager && !ownLead) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                    "only supervisors, administrators and the agent's own team lead set skills and capacity");
        }
        if (!Role.AGENT.name().equals(user[0]) && !Role.TEAM_LEAD.name().equals(user[0])) {
            throw ApiProblem.badRequest("INVALID_PROFILE", "username", "'" + username + "' is not an agent");
        }
        if (request == null || request.capacity() == null || request.capacity() < 0 || request.capacity() > 10000) {
            throw ApiProblem.badRequest("INVALID_PROFILE", "capacity",
                    "capacity is required: the most open cases the agent holds, 0 to 10000");
        }
        String languages = join(request.languages(), LANGUAGES, "languages");
        String products = join(request.products(), PRODUCTS, "products");
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE agent_profile SET languages = ?, products = ?, capacity = ?, updated_at = ?, "
                        + "updated_by = ? WHERE username = ?")
                .params(languages, products, request.capacity(), now, actor.username(), username).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO agent_profile (username, languages, products, capacity, updated_at, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(username, languages, products, request.capacity(), now, actor.username()).update();
        }
        return members(user[1]).stream().filter(m -> m.username().equals(username)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("agent", username));
    }

    private static String join(List<String> values, Set<String> allowed, String field) {
        if (values == null) {
            throw ApiProblem.badRequest("INVALID_PROFILE", field, field + " is required (a list, may be empty)");
        }
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            if (!allowed.contains(v)) {
                throw ApiProblem.badRequest("INVALID_PROFILE", field + "[" + i + "]", field + "[" + i + "]: '" + v
                        + "' is not one of " + String.join(", ", new TreeSet<>(allowed)));
            }
            out.add(v);
        }
        return String.join(",", out);
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}

package org.recoup.app.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.engine.assignment.AgentSlot;
import org.recoup.engine.assignment.Balancer;
import org.recoup.engine.assignment.CaseToPlace;
import org.recoup.engine.assignment.Placement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places the cases waiting in a team's pool (assigned to the team, to no agent and no agency) with the team's agents
 * who have a profile: skills must match (the debtor's language, every product of the case), capacity is never
 * exceeded, the least loaded agent goes first ({@link Balancer}); what nobody has room for stays in the pool. Cases are
 * taken by queue priority, then case id. Each placement goes through {@link CaseRouting#assign} (history and work queue
 * in step), by the user {@code assignment}.
 *
 * <p>The debtor's language comes from the jurisdiction of the case's accounts: CN → zh-CN, US and UK → en (the debt
 * file has no language of its own). Concurrent runs for one team are serialized by a lock on the team's row; each
 * assignment also locks the agent's profile row, so a handover at the same time cannot push an agent over capacity.
 */
@Service
public class TeamAssignment {

    static final String USER = "assignment";
    private static final Actor SYSTEM = new Actor(USER, Role.SUPERVISOR, null, null, null);
    private static final Map<String, String> LANGUAGE_OF_JURISDICTION = Map.of("CN", "zh-CN", "US", "en", "UK", "en");

    /**
     * What one team's placement did: how many agents with a profile the team has, how many cases were placed and how
     * many stay in the pool.
     */
    public record Result(String team, int agents, int placed, int leftInPool) {
    }

    private final JdbcClient jdbc;
    private final CaseRouting routing;

    TeamAssignment(JdbcClient jdbc, CaseRouting routing) {
        this.jdbc = jdbc;
        this.routing = routing;
    }

    /** Every team (kind TEAM) in id order. */
    @Transactional
    public List<Result> assignAll() {
        List<String> teams = jdbc.sql("SELECT team_id FROM team WHERE kind = 'TEAM' ORDER BY team_id")
                .query(String.class).list();
        List<Result> results = new ArrayList<>();
        for (String t : teams) {
            results.add(assignPool(t));
        }
        return results;
    }

    @Transactional
    public Result assignPool(String team) {
        if (jdbc.sql("SELECT team_id FROM team WHERE team_id = ? AND kind = 'TEAM' FOR UPDATE").param(team)
                .query(String.class).optional().isEmpty()) {
            throw org.recoup.app.api.ApiProblem.notFound("team", team);
        }
        List<String> members = jdbc.sql("SELECT username FROM agent_profile WHERE username IN (SELECT username FROM "
                        + "app_user WHERE team = ? AND enabled = TRUE AND role = 'AGENT') ORDER BY username FOR UPDATE")
                .param(team).query(String.class).list();
        if (members.isEmpty()) {
            // nobody to place with: count the pool cheaply (by the team index) rather than read it
            long pooled = jdbc.sql("SELECT COUNT(*) FROM case_assignment a JOIN collection_case cc ON cc.case_id = "
                            + "a.case_id AND cc.status = 'OPEN' WHERE a.team = ? AND a.agent IS NULL AND a.agency_id IS NULL")
                    .param(team).query(Long.class).single();
            return new Result(team, 0, 0, (int) pooled);
        }
        List<String> waiting = jdbc.sql("""
                        SELECT a.case_id FROM case_assignment a
                        JOIN collection_case cc ON cc.case_id = a.case_id AND cc.status = 'OPEN'
                        LEFT JOIN work_queue w ON w.case_id = a.case_id
                        WHERE a.team = ? AND a.agent IS NULL AND a.agency_id IS NULL
                        ORDER BY COALESCE(w.priority, 0) DESC, a.case_id""")
                .param(team).query(String.class).list();
        if (waiting.isEmpty()) {
            return new Result(team, members.size(), 0, 0);
        }
        List<AgentSlot> agents = jdbc.sql("""
                        SELECT p.username, p.languages, p.products, p.capacity,
                               (SELECT COUNT(*) FROM case_assignment a JOIN collection_case cc ON cc.case_id = a.case_id
                                 AND cc.status = 'OPEN' WHERE a.agent = p.username) AS held
                        FROM agent_profile p JOIN app_user u ON u.username = p.username
                        WHERE u.team = ? AND u.enabled = TRUE AND u.role = 'AGENT' ORDER BY p.username""")
                .param(team)
                .query((rs, i) -> new AgentSlot(rs.getString(1), Set.copyOf(TeamDirectory.split(rs.getString(2))),
                        Set.copyOf(TeamDirectory.split(rs.getString(3))), rs.getInt(4), rs.getInt(5)))
                .list();
        Map<String, String> language = new HashMap<>();
        Map<String, Set<String>> products = new HashMap<>();
        jdbc.sql("""
                        SELECT a.case_id, ac.product, ac.jurisdiction FROM case_assignment a
                        JOIN collection_case cc ON cc.case_id = a.case_id AND cc.status = 'OPEN'
                        JOIN account_party ap ON ap.party_id = cc.party_id AND ap.role = 'BORROWER'
                        JOIN account ac ON ac.account_id = ap.account_id
                        WHERE a.team = ? AND a.agent IS NULL AND a.agency_id IS NULL
                        ORDER BY a.case_id, ac.account_id""")
                .param(team)
                .query(rs -> {
                    String caseId = rs.getString(1);
                    products.computeIfAbsent(caseId, k -> new TreeSet<>()).add(rs.getString(2));
                    language.putIfAbsent(caseId, LANGUAGE_OF_JURISDICTION.get(rs.getString(3)));
                });
        List<CaseToPlace> cases = waiting.stream()
                .map(id -> new CaseToPlace(id, language.get(id), products.getOrDefault(id, Set.of()))).toList();
        Placement placement = Balancer.place(cases, agents);
        Map<String, CaseToPlace> byId = new LinkedHashMap<>();
        cases.forEach(c -> byId.put(c.caseId(), c));
        for (Placement.Placed p : placement.placed()) {
            CaseToPlace c = byId.get(p.caseId());
            routing.assign(SYSTEM, p.caseId(), new CaseRouting.Assignment(team, p.agent(), null,
                    "auto-assignment: skills " + (c.language() == null ? "any language" : c.language()) + " / "
                            + String.join("+", c.products()) + ", least loaded with room"));
        }
        return new Result(team, agents.size(), placement.placed().size(), placement.overflow().size());
    }
}

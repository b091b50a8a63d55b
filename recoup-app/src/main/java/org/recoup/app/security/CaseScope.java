package org.recoup.app.security;

import java.util.List;
import java.util.Optional;

import org.recoup.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which cases a user may see (no IDOR): administrators, supervisors and compliance officers see every case; a team
 * lead the cases of their team; an agent the cases assigned to them and the unassigned cases of their team's queue
 * (a case placed with an agency is not in the in-house queue); an agency user only the cases placed with their agency. A case is every account of one borrower party
 * ({@code case_id = 'C-' || party_id}); an account or party is in scope when its case is. Callers answer 404 for a
 * case out of scope, so that its existence is not revealed.
 */
@Service
public class CaseScope {

    private static final String CURRENT_ACTOR = CaseScope.class.getName() + ".currentActor";

    private final JdbcClient jdbc;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    public CaseScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The signed-in user as an {@link Actor}, or empty when nobody (or an unknown user) is signed in. Read once per
     * HTTP request: the scope check before the handler and the handler itself share it.
     */
    public Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!trust.isAuthenticated(authentication)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CURRENT_ACTOR, RequestAttributes.SCOPE_REQUEST) instanceof Actor known
                && known.username().equals(authentication.getName())) {
            return Optional.of(known);
        }
        Optional<Actor> actor = actor(authentication.getName());
        if (request != null) {
            actor.ifPresent(a -> request.setAttribute(CURRENT_ACTOR, a, RequestAttributes.SCOPE_REQUEST));
        }
        return actor;
    }

    public Optional<Actor> actor(String username) {
        return jdbc.sql("SELECT username, role, tier, team, agency_id FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, i) -> new Actor(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getString("tier") == null ? null : Tier.valueOf(rs.getString("tier")),
                        rs.getString("team"), rs.getString("agency_id")))
                .optional();
    }

    /** Whether the signed-in user may see the account; false when nobody is signed in. */
    public boolean currentMaySeeAccount(String accountId) {
        return current().map(actor -> maySeeAccount(actor, accountId)).orElse(false);
    }

    /**
     * For an account id that arrives in a request body ({@code POST /api/v1/payments}, {@code /contacts},
     * {@code /compliance/check}): refuses one out of the signed-in user's scope exactly as an unknown account —
     * 422 {@code UNKNOWN_ACCOUNT}, field {@code accountId}.
     */
    public void requireAccountInBody(String accountId) {
        if (accountId != null && !currentMaySeeAccount(accountId)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_ACCOUNT", "accountId",
                    "account " + accountId + " does not exist");
        }
    }

    public boolean maySeeCase(Actor actor, String caseId) {
        if (actor.seesEveryCase()) {
            return true;
        }
        return jdbc.sql("SELECT team, agent, agency_id FROM case_assignment WHERE case_id = ?").param(caseId)
                .query((rs, i) -> covers(actor, rs.getString("team"), rs.getString("agent"), rs.getString("agency_id")))
                .optional().orElse(false);
    }

    /** Whether the case of the account's borrower is in scope. */
    public boolean maySeeAccount(Actor actor, String accountId) {
        if (actor.seesEveryCase()) {
            return true;
        }
        return jdbc.sql("""
                        SELECT ca.team, ca.agent, ca.agency_id FROM account_party ap
                        JOIN case_assignment ca ON ca.case_id = 'C-' || ap.party_id
                        WHERE ap.account_id = ? AND ap.role = 'BORROWER'""")
                .param(accountId)
                .query((rs, i) -> covers(actor, rs.getString("team"), rs.getString("agent"), rs.getString("agency_id")))
                .list().stream().anyMatch(Boolean::booleanValue);
    }

    /** Whether the party is linked (in any role) to an account whose case is in scope. */
    public boolean maySeeParty(Actor actor, String partyId) {
        if (actor.seesEveryCase()) {
            return true;
        }
        return jdbc.sql("""
                        SELECT ca.team, ca.agent, ca.agency_id FROM account_party ap
                        JOIN account_party b ON b.account_id = ap.account_id AND b.role = 'BORROWER'
                        JOIN case_assignment ca ON ca.case_id = 'C-' || b.party_id
                        WHERE ap.party_id = ?""")
                .param(partyId)
                .query((rs, i) -> covers(actor, rs.getString("team"), rs.getString("agent"), rs.getString("agency_id")))
                .list().stream().anyMatch(Boolean::booleanValue);
    }

    /**
     * The same rules as {@link #maySeeCase} as an SQL condition over a case id expression (e.g. {@code "o.case_id"}),
     * for lists filtered in the database: append {@code " AND " + filter.sql()} and bind {@code filter.params()}.
     */
    public static Filter sqlFilter(Actor actor, String caseIdExpression) {
        String assignment = "EXISTS (SELECT 1 FROM case_assignment ca WHERE ca.case_id = " + caseIdExpression + " AND ";
        return switch (actor.role()) {
            case ADMIN, SUPERVISOR, COMPLIANCE -> new Filter("1 = 1", List.of());
            case TEAM_LEAD -> actor.team() == null ? Filter.NOTHING
                    : new Filter(assignment + "ca.team = ?)", List.of(actor.team()));
            case AGENT -> actor.team() == null
                    ? new Filter(assignment + "ca.agent = ?)", List.of(actor.username()))
                    : new Filter(assignment + "(ca.agent = ? OR (ca.agent IS NULL AND ca.agency_id IS NULL AND ca.team = ?)))",
                            List.of(actor.username(), actor.team()));
            case AGENCY -> actor.agencyId() == null ? Filter.NOTHING
                    : new Filter(assignment + "ca.agency_id = ?)", List.of(actor.agencyId()));
        };
    }

    /** An SQL condition and its parameters, in order. */
    public record Filter(String sql, List<Object> params) {
        static final Filter NOTHING = new Filter("1 = 0", List.of());
    }

    private static boolean covers(Actor actor, String team, String agent, String agencyId) {
        return switch (actor.role()) {
            case ADMIN, SUPERVISOR, COMPLIANCE -> true;
            case TEAM_LEAD -> actor.team() != null && actor.team().equals(team);
            case AGENT -> actor.username().equals(agent)
                    || (agent == null && agencyId == null && actor.team() != null && actor.team().equals(team));
            case AGENCY -> actor.agencyId() != null && actor.agencyId().equals(agencyId);
        };
    }
}

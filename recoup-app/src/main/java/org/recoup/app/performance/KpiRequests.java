package org.recoup.app.performance;

import java.time.Clock;
import java.time.LocalDate;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.springframework.stereotype.Component;

/**
 * Turns request parameters into a {@link KpiFilter}: dates default to the 30 days ending today (the clock's date), and
 * a team lead always sees their own team's figures whatever team they ask for.
 */
@Component
class KpiRequests {

    static final int DEFAULT_DAYS = 30;
    /** What a team lead without a team is narrowed to: a team name no user has (team names are at most 100 characters). */
    static final String NO_TEAM = "(no team)".repeat(12);

    private final Clock clock;
    private final CaseScope scope;

    KpiRequests(Clock clock, CaseScope scope) {
        this.clock = clock;
        this.scope = scope;
    }

    KpiFilter filter(String from, String to, String portfolio, String product, String team) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        KpiFilter filter = new KpiFilter(start, end, portfolio, product, team);
        Actor actor = scope.current().orElse(null);
        if (actor != null && actor.role() == Role.TEAM_LEAD) {
            return filter.withTeam(actor.team() == null ? NO_TEAM : actor.team());
        }
        return filter;
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_FILTER", field, field + " must be a date like 2026-11-23, was '"
                    + value + "'");
        }
    }
}

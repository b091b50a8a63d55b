package org.recoup.app.analytics;

import java.time.LocalDate;
import org.recoup.app.api.ApiProblem;

/**
 * The filter of every portfolio-flow dashboard: portfolio, product, team ({@value #UNASSIGNED} = cases without a team;
 * null = all) and the business-date range {@code [from, to]} (both inclusive). Null dates are resolved by
 * {@link FlowKpis} to the last 30 aggregated days.
 */
public record FlowFilter(String portfolio, String product, String team, LocalDate from, LocalDate to) {

    /** The team filter value that selects cases nobody's team holds. */
    public static final String UNASSIGNED = "-";

    /** The longest range one request may ask for. */
    public static final int MAX_DAYS = 400;

    public FlowFilter {
        portfolio = blankToNull(portfolio);
        product = blankToNull(product);
        team = blankToNull(team);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest("INVALID_RANGE", "from", "from (" + from + ") must not be after to (" + to + ")");
        }
        if (from != null && to != null && from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiProblem.badRequest("INVALID_RANGE", "from", "the range from " + from + " to " + to
                    + " is longer than " + MAX_DAYS + " days");
        }
    }

    FlowFilter withRange(LocalDate newFrom, LocalDate newTo) {
        return new FlowFilter(portfolio, product, team, newFrom, newTo);
    }

    /** The stored team value the filter selects ('' for unassigned), or null for all teams. */
    String storedTeam() {
        return team == null ? null : UNASSIGNED.equals(team) ? "" : team;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

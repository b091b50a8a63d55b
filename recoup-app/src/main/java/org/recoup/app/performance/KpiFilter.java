package org.recoup.app.performance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.recoup.app.api.ApiProblem;

/**
 * What a KPI table is narrowed to: business dates {@code from}..{@code to} (inclusive, debtor-local), and optionally a
 * portfolio, a product and a team ({@code null}: all).
 */
public record KpiFilter(LocalDate from, LocalDate to, String portfolio, String product, String team) {

    /** The longest range one request may ask for. */
    static final int MAX_DAYS = 731;

    public KpiFilter {
        if (from == null) {
            throw ApiProblem.badRequest("INVALID_FILTER", "from", "from is required");
        }
        if (to == null) {
            throw ApiProblem.badRequest("INVALID_FILTER", "to", "to is required");
        }
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("INVALID_FILTER", "to", "to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiProblem.badRequest("INVALID_FILTER", "from", "at most " + MAX_DAYS + " days per request");
        }
        portfolio = blankToNull(portfolio);
        product = blankToNull(product);
        team = blankToNull(team);
    }

    /** The period of the same length just before this one (for trends). */
    KpiFilter previous() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new KpiFilter(from.minusDays(days), from.minusDays(1), portfolio, product, team);
    }

    KpiFilter withTeam(String forcedTeam) {
        return new KpiFilter(from, to, portfolio, product, forcedTeam);
    }

    /** {@code AND ...} conditions on a {@code kpi_*} table (aliased {@code alias}), with their parameters put in {@code params}. */
    String where(String alias, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(alias + ".business_date BETWEEN :from AND :to");
        params.put("from", from);
        params.put("to", to);
        if (portfolio != null) {
            sql.append(" AND ").append(alias).append(".portfolio = :portfolio");
            params.put("portfolio", portfolio);
        }
        if (product != null) {
            sql.append(" AND ").append(alias).append(".product = :product");
            params.put("product", product);
        }
        if (team != null) {
            sql.append(" AND ").append(alias).append(".team = :team");
            params.put("team", team);
        }
        return sql.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

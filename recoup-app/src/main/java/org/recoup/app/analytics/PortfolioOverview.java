package org.recoup.app.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Accounts and overdue amounts on the latest business date that has account states.
 *
 * @param asOf              that business date; {@code null} when no daily run has written states yet
 * @param run               the run behind the states, when one is recorded for that date
 * @param accountsInFile    accounts in the debt file matching the filter, with or without a state
 * @param accountsWithState accounts with a state on {@code asOf} matching the filter
 * @param accountsOverdue   of those, accounts with dpd &gt; 0
 * @param currencies        one part per currency, the largest first
 */
public record PortfolioOverview(LocalDate asOf, RunSummary run, OverviewFilter filter, long accountsInFile,
                                long accountsWithState, long accountsOverdue, List<CurrencyOverview> currencies) {

    public PortfolioOverview {
        currencies = List.copyOf(currencies);
    }

    static PortfolioOverview noRunYet(OverviewFilter filter, long accountsInFile) {
        return new PortfolioOverview(null, null, filter, accountsInFile, 0, 0, List.of());
    }

    static PortfolioOverview of(LocalDate asOf, RunSummary run, OverviewFilter filter, long accountsInFile,
                                List<CurrencyOverview> currencies) {
        long withState = currencies.stream().mapToLong(c -> c.total().accounts()).sum();
        long overdue = currencies.stream().mapToLong(c -> c.total().accountsOverdue()).sum();
        return new PortfolioOverview(asOf, run, filter, accountsInFile, withState, overdue, currencies);
    }

    /** Whether any daily run has written states yet. */
    public boolean hasStates() {
        return asOf != null;
    }
}

package org.recoup.app.analytics;

/**
 * Accounts and overdue amount of one group (a bucket, a stage, or all) in one currency.
 *
 * @param name            bucket or stage name, or {@code TOTAL}
 * @param accounts        accounts with a state on the business date
 * @param accountsOverdue of those, accounts with dpd &gt; 0
 * @param overdueMinor    sum of overdue totals in minor units of the currency
 */
public record Tally(String name, long accounts, long accountsOverdue, long overdueMinor) {

    static Tally zero(String name) {
        return new Tally(name, 0, 0, 0);
    }

    /** The sum, keeping this tally's name. */
    Tally plus(Tally other) {
        return new Tally(name, Math.addExact(accounts, other.accounts), Math.addExact(accountsOverdue, other.accountsOverdue),
                Math.addExact(overdueMinor, other.overdueMinor));
    }
}

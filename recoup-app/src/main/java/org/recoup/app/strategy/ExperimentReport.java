package org.recoup.app.strategy;

import java.util.List;

/**
 * Outcomes per arm of an experiment, from the decisions the daily runs stored ({@code run_decision}).
 *
 * <p>An account belongs to the arm of its first decision in the experiment. {@code recovered}: payments dated (in the
 * account's business zone) on or after that first decision's business date, per currency. {@code cure}: of the
 * accounts delinquent (dpd &gt; 0) at their first decision, those with dpd 0 in a later stored state.
 * {@code promiseKept}: of the promises made on or after the first decision and resolved (KEPT, PARTIALLY_KEPT,
 * BROKEN), those KEPT. Rates carry a 95% Wilson interval; a rate with no trials is null.
 */
public record ExperimentReport(String experimentId, String status, List<ArmOutcome> arms) {

    public record ArmOutcome(String arm, String strategyId, Integer strategyVersion, double share, long accounts,
                             long cases, List<Recovered> recovered, Rate cure, Rate promiseKept) {
    }

    /** Money recovered in one currency; {@code amount} is the same in major units. */
    public record Recovered(String currency, long amountMinor, String amount, long payments) {
    }

    /** successes / trials with a 95% interval; rate, lower and upper are null when trials is 0. */
    public record Rate(long successes, long trials, Double rate, Double lower, Double upper) {
    }
}

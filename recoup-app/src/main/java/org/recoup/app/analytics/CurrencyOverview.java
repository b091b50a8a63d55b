package org.recoup.app.analytics;

import java.util.List;

/**
 * The overview for the accounts of one currency; amounts of different currencies are never added up.
 *
 * @param digits  minor-unit digits of the currency, to turn {@code overdueMinor} into an amount
 * @param buckets one tally per bucket, in policy order (by the lowest dpd seen in the bucket)
 * @param stages  one tally per stage, in policy order
 * @param total   the sum of the buckets
 */
public record CurrencyOverview(String currency, int digits, List<Tally> buckets, List<Tally> stages, Tally total) {

    public CurrencyOverview {
        buckets = List.copyOf(buckets);
        stages = List.copyOf(stages);
    }
}

package org.recoup.engine.strategy;

/**
 * A confidence interval for a rate, e.g. an arm's cure or promise-kept rate, to tell a challenger's difference from
 * noise.
 *
 * @param estimate the observed rate
 */
public record ConfidenceInterval(double estimate, double lower, double upper) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /**
     * Wilson score interval for a proportion: unlike the normal approximation it stays within [0, 1] and behaves for
     * small samples and rates near 0 or 1.
     */
    public static ConfidenceInterval wilson(long successes, long trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
        if (!(z > 0)) {
            throw new IllegalArgumentException("z must be positive: " + z);
        }
        if (trials == 0) {
            return new ConfidenceInterval(Double.NaN, 0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // at p = 0 or 1 rounding can put the bound a hair inside the estimate; the exact bound is the estimate
        return new ConfidenceInterval(p, Math.min(p, Math.max(0, centre - half)), Math.max(p, Math.min(1, centre + half)));
    }

    public static ConfidenceInterval wilson95(long successes, long trials) {
        return wilson(successes, trials, Z95);
    }

    public boolean contains(double rate) {
        return rate >= lower && rate <= upper;
    }

    /** True when the intervals do not overlap (a conservative test of a difference). */
    public boolean separatedFrom(ConfidenceInterval other) {
        return upper < other.lower || other.upper < lower;
    }
}

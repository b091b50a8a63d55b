package org.recoup.engine.delinquency;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The business's delinquency rules as data (contract §3): bucket and stage bands, risk-class thresholds, the
 * allocation waterfall within an instalment and the limitation period. Stored versioned; {@link #defaults()} is what
 * ships.
 *
 * @param buckets          bands covering every dpd from 0 up, without gaps or overlaps
 * @param stages           bands covering every dpd from 0 up; the band containing 0 is the "current" stage
 * @param preDueStage      stage name for dpd 0 with an unpaid instalment due within {@code preDueDays}
 * @param preDueDays       how many days ahead counts as pre-due (1 = due tomorrow)
 * @param doubtfulFromDpd  first dpd of 准呆账 (DOUBTFUL); below it and above 0 is OVERDUE
 * @param badFromDpd       first dpd of 呆账 (BAD)
 * @param waterfall        order in which a payment pays the parts of one instalment
 * @param limitationYears  years after the last payment or oldest unpaid due date when a debt is time-barred
 */
public record DelinquencyPolicy(
        int version,
        List<Band> buckets,
        List<Band> stages,
        String preDueStage,
        int preDueDays,
        int doubtfulFromDpd,
        int badFromDpd,
        List<AllocationComponent> waterfall,
        int limitationYears) {

    public DelinquencyPolicy {
        buckets = List.copyOf(buckets);
        stages = List.copyOf(stages);
        waterfall = List.copyOf(waterfall);
        Objects.requireNonNull(preDueStage, "preDueStage");
        requireContiguousFromZero("buckets", buckets);
        requireContiguousFromZero("stages", stages);
        if (waterfall.size() != AllocationComponent.values().length || !EnumSet.copyOf(waterfall).containsAll(EnumSet.allOf(AllocationComponent.class))) {
            throw new IllegalArgumentException("waterfall must name each of PENALTY, FEES, INTEREST, PRINCIPAL exactly once");
        }
        if (preDueDays < 0) {
            throw new IllegalArgumentException("preDueDays must not be negative");
        }
        if (doubtfulFromDpd < 1 || badFromDpd <= doubtfulFromDpd) {
            throw new IllegalArgumentException("risk thresholds must satisfy 1 <= doubtfulFromDpd < badFromDpd");
        }
        if (limitationYears < 1) {
            throw new IllegalArgumentException("limitationYears must be at least 1");
        }
    }

    /** The defaults of contract §3. */
    public static DelinquencyPolicy defaults() {
        return new DelinquencyPolicy(
                1,
                List.of(new Band("M0", 0, 0), new Band("M1", 1, 30), new Band("M2", 31, 60), new Band("M3", 61, 90),
                        new Band("M4", 91, 120), new Band("M5", 121, 150), new Band("M6", 151, 180),
                        new Band("M6+", 181, null)),
                List.of(new Band("CURRENT", 0, 0), new Band("EARLY", 1, 29), new Band("MID", 30, 89),
                        new Band("LATE", 90, 149), new Band("LEGAL", 150, null)),
                "PRE_DUE",
                1,
                181,
                366,
                List.of(AllocationComponent.PENALTY, AllocationComponent.FEES, AllocationComponent.INTEREST,
                        AllocationComponent.PRINCIPAL),
                3);
    }

    public String bucketOf(int dpd) {
        return bandOf(buckets, dpd);
    }

    public String stageOf(int dpd) {
        return bandOf(stages, dpd);
    }

    public DelinquencyPolicy withVersion(int newVersion) {
        return new DelinquencyPolicy(newVersion, buckets, stages, preDueStage, preDueDays, doubtfulFromDpd, badFromDpd,
                waterfall, limitationYears);
    }

    private static String bandOf(List<Band> bands, int dpd) {
        for (Band band : bands) {
            if (band.contains(dpd)) {
                return band.name();
            }
        }
        throw new IllegalStateException("no band for dpd " + dpd);
    }

    private static void requireContiguousFromZero(String what, List<Band> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        int expected = 0;
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (band.minDpd() != expected) {
                throw new IllegalArgumentException(what + "[" + i + "] (" + band.name() + ") must start at dpd " + expected
                        + " but starts at " + band.minDpd());
            }
            if (band.maxDpd() == null) {
                if (i != bands.size() - 1) {
                    throw new IllegalArgumentException(what + "[" + i + "] (" + band.name() + ") is open-ended but is not the last band");
                }
                return;
            }
            expected = band.maxDpd() + 1;
        }
        throw new IllegalArgumentException(what + ": the last band must be open-ended (no maxDpd)");
    }
}

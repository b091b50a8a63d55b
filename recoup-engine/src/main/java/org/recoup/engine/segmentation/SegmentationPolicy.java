package org.recoup.engine.segmentation;

import java.util.Objects;

/**
 * The segmentation rules as data (PRACTICE §3). Stored versioned by the app; {@link #defaults()} is what ships.
 *
 * <p>Grades: <b>C</b> when the delinquency is long ({@code dpd >= gradeCFromDpd}), contact is lost or the debtor
 * refused to pay within the last 30 days; else <b>A</b> when it is short ({@code dpd <= gradeAMaxDpd}) with a good
 * history (no broken promise, fewer than {@code partialPaymentsForB} partial payments); else <b>B</b> (repeated or
 * partial).
 *
 * @param gradeAMaxDpd                    longest delinquency still graded A
 * @param gradeCFromDpd                   first dpd graded C
 * @param partialPaymentsForB             partial payments that make a history "partial" (grade B, REPEAT_PARTIAL)
 * @param lostContactAfterFailures        consecutive failed attempts after which contact is lost
 * @param brokenPromisesForLowWillingness broken promises that make willingness LOW
 * @param refusalsForLowWillingness       refusals in the last 30 days that make willingness LOW
 * @param recentPaymentDays               a payment within this many days shows willingness
 * @param professionalDebtorBrokenPromises broken promises, none kept, with contact kept up: a professional debtor
 * @param partialPaymentsForLowAbility    partial payments without known income or assets that show low ability
 * @param abilityWhenUnknown              ability when there is no evidence either way
 */
public record SegmentationPolicy(
        int version,
        int gradeAMaxDpd,
        int gradeCFromDpd,
        int partialPaymentsForB,
        int lostContactAfterFailures,
        int brokenPromisesForLowWillingness,
        int refusalsForLowWillingness,
        int recentPaymentDays,
        int professionalDebtorBrokenPromises,
        int partialPaymentsForLowAbility,
        Level abilityWhenUnknown) {

    public SegmentationPolicy {
        Objects.requireNonNull(abilityWhenUnknown, "abilityWhenUnknown");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        if (gradeAMaxDpd < 0 || gradeCFromDpd <= gradeAMaxDpd) {
            throw new IllegalArgumentException("grades need 0 <= gradeAMaxDpd < gradeCFromDpd");
        }
        if (partialPaymentsForB < 1 || lostContactAfterFailures < 1 || brokenPromisesForLowWillingness < 1
                || refusalsForLowWillingness < 1 || recentPaymentDays < 1 || professionalDebtorBrokenPromises < 1
                || partialPaymentsForLowAbility < 1) {
            throw new IllegalArgumentException("segmentation thresholds must be at least 1");
        }
    }

    /**
     * PRACTICE §3 (sources 002, 003): A = up to 30 dpd (one cycle, M1) with no broken promise or partial payment;
     * C = 60+ dpd (M3 on), lost contact after 5 straight failed attempts or no valid number, or a refusal within 30
     * days; B = the rest. Willingness turns LOW at 2 broken promises or 1 refusal; a payment within 30 days or a kept
     * promise shows it. Three broken promises and none kept, while still reachable, mark a professional debtor.
     * Ability is assumed HIGH without evidence (hardship, bankruptcy, prison, or 2+ partial payments with no known
     * income or assets).
     */
    public static SegmentationPolicy defaults() {
        return new SegmentationPolicy(1, 30, 60, 1, 5, 2, 1, 30, 3, 2, Level.HIGH);
    }
}

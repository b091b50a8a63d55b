package org.recoup.engine.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Days sales outstanding and the collection effectiveness index for a period.
 * <ul>
 *   <li>DSO = receivables outstanding at period end ÷ credit sales in the period × days in the period</li>
 *   <li>CEI = (opening receivables + credit sales − closing receivables)
 *       ÷ (opening receivables + credit sales − closing current receivables) × 100</li>
 * </ul>
 * Both are rounded half-up to 2 decimals; null when the divisor is 0 (no sales, nothing to collect).
 */
public final class CollectionMeasures {

    private CollectionMeasures() {
    }

    public static BigDecimal dso(long closingMinor, long creditSalesMinor, long daysInPeriod) {
        if (creditSalesMinor == 0) {
            return null;
        }
        return BigDecimal.valueOf(closingMinor).multiply(BigDecimal.valueOf(daysInPeriod))
                .divide(BigDecimal.valueOf(creditSalesMinor), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal cei(long openingMinor, long creditSalesMinor, long closingMinor, long closingCurrentMinor) {
        long denominator = openingMinor + creditSalesMinor - closingCurrentMinor;
        if (denominator == 0) {
            return null;
        }
        long collected = openingMinor + creditSalesMinor - closingMinor;
        return BigDecimal.valueOf(collected).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
}

package org.recoup.engine.agency;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Commission and liquidation arithmetic. Commission is computed per payment: {@code amount × percent ÷ 100}, rounded
 * half-up to a whole minor unit (a statement's total is the sum of its rounded lines, so every line can be checked on
 * its own). The liquidation rate is {@code collected ÷ balance at placement}, a fraction rounded half-up to 4 decimals.
 */
public final class Commission {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Commission() {
    }

    /** Commission in minor units on {@code amountMinor} at {@code percent} %. */
    public static long on(long amountMinor, BigDecimal percent) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amountMinor);
        }
        return BigDecimal.valueOf(amountMinor).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** {@code collected ÷ balance}, 4 decimals half-up; null when nothing was placed (balance 0). */
    public static BigDecimal liquidationRate(long collectedMinor, long balanceMinor) {
        if (balanceMinor <= 0) {
            return null;
        }
        return BigDecimal.valueOf(collectedMinor).divide(BigDecimal.valueOf(balanceMinor), 4, RoundingMode.HALF_UP);
    }
}

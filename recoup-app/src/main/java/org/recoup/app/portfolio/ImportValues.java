package org.recoup.app.portfolio;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Set;
import org.recoup.engine.debt.Money;

/**
 * Strict parsers for the value formats of the import contract. They run once per field of millions of rows, so the
 * common forms are parsed by hand (no regex, no exceptions on the happy path); every method returns {@code null}
 * when the text is not in the expected form.
 */
final class ImportValues {

    /** The largest number of decimal places any amount may carry (no ISO 4217 currency has more minor digits). */
    static final int MAX_DECIMALS = 4;

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private ImportValues() {
    }

    /** A decimal number as written: {@code unscaled × 10^-scale}, with trailing zero decimals removed. */
    record Decimal(long unscaled, int scale) {

        boolean isNegative() {
            return unscaled < 0;
        }

        boolean isZero() {
            return unscaled == 0;
        }

        /** The value in units of {@code 10^-digits}; {@code scale} must not exceed {@code digits}. */
        long scaledTo(int digits) {
            return Math.multiplyExact(unscaled, POWERS_OF_TEN[digits - scale]);
        }

        java.math.BigDecimal toBigDecimal() {
            return java.math.BigDecimal.valueOf(unscaled, scale);
        }
    }

    static long tenToThe(int power) {
        return POWERS_OF_TEN[power];
    }

    /**
     * A decimal with an optional leading {@code -}, digits and at most one {@code .} (no exponent, no grouping, no
     * {@code +}); at most 18 significant digits.
     */
    static Decimal decimal(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && text.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long unscaled = 0;
        int significant = 0;
        int digits = 0;
        int scale = -1;
        int pendingZeros = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (scale >= 0) {
                    return null;
                }
                scale = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                return null;
            }
            digits++;
            if (scale >= 0) {
                if (c == '0') {
                    // a trailing zero decimal changes nothing unless a non-zero digit follows
                    pendingZeros++;
                    continue;
                }
                for (; pendingZeros > 0; pendingZeros--) {
                    if (++significant > 18) {
                        return null;
                    }
                    unscaled *= 10;
                    scale++;
                }
                scale++;
            }
            if (unscaled != 0 || c != '0') {
                if (++significant > 18) {
                    return null;
                }
            }
            unscaled = unscaled * 10 + (c - '0');
        }
        if (digits == 0) {
            return null;
        }
        return new Decimal(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /** {@code YYYY-MM-DD}, a real calendar date. */
    static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An ISO-8601 date-time with an offset ({@code Z} or {@code ±HH:MM}), e.g. {@code 2026-04-15T20:11:00+08:00}. */
    static OffsetDateTime instant(String text) {
        int n = text.length();
        // fast path: yyyy-MM-ddTHH:mm:ss followed by Z or ±HH:MM
        if ((n == 20 || n == 25) && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            LocalDate date = date(text.substring(0, 10));
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            ZoneOffset offset = n == 20 ? (text.charAt(19) == 'Z' ? ZoneOffset.UTC : null) : offset(text, 19);
            if (date != null && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60
                    && offset != null) {
                return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second,
                        0, offset);
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An ISO 4217 currency code the JDK knows, with at most {@link #MAX_DECIMALS} minor digits. */
    static Currency currency(String text) {
        if (text.length() != 3) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(text);
            return digitsOf(currency) <= MAX_DECIMALS ? currency : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Minor-unit digits of a currency; currencies without minor units (e.g. XAU) count as 0. */
    static int digitsOf(Currency currency) {
        return Money.scaleOf(currency);
    }

    /** A region-based IANA time zone id such as {@code Asia/Shanghai} (also {@code UTC}); not a bare offset. */
    static boolean isTimeZone(String text) {
        return ZONES.contains(text);
    }

    /** A whole number without sign or decimals; -1 when not one (or larger than 999,999,999). */
    static int wholeNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return -1;
        }
        return digits(text, 0, text.length());
    }

    private static ZoneOffset offset(String text, int at) {
        char sign = text.charAt(at);
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, at + 3);
        int minutes = digits(text, at + 4, at + 6);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

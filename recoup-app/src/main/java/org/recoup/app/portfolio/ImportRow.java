package org.recoup.app.portfolio;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One data row being read, with typed accessors that check a field and report what was expected when it is wrong.
 * Each bad value becomes its own {@link ImportError} and makes the row not {@link #ok()}; accessors then return null
 * (or the default), so the parser can go on and report the row's other errors too. One instance is reused for all rows
 * of a file.
 */
final class ImportRow {

    /** A column of the file: its name and its position in the header (-1 when the file does not have it). */
    record Column(String name, int index) {
    }

    /** The header row: column names, trimmed and lower-cased. */
    record Header(List<String> names) {

        static Header of(String[] cells) {
            return new Header(Arrays.stream(cells)
                    .map(c -> c == null ? "" : c.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
                    .toList());
        }

        Column column(String name) {
            return new Column(name, names.indexOf(name));
        }

        List<String> missing(List<String> required) {
            return required.stream().filter(r -> !names.contains(r)).toList();
        }
    }

    private static final int QUOTED_MAX = 80;

    private final String file;
    private final Consumer<ImportError> errors;
    private long number;
    private String[] values;
    private boolean ok;

    ImportRow(String file, Consumer<ImportError> errors) {
        this.file = file;
        this.errors = errors;
    }

    ImportRow reset(long rowNumber, String[] cells) {
        this.number = rowNumber;
        this.values = cells;
        this.ok = true;
        return this;
    }

    long number() {
        return number;
    }

    boolean ok() {
        return ok;
    }

    /** Whether every cell is blank (such rows are skipped, like empty lines). */
    boolean isBlank() {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed value, or null when the column is absent or the cell blank. */
    String value(Column c) {
        if (c.index() < 0 || c.index() >= values.length) {
            return null;
        }
        String v = values[c.index()];
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    void error(Column c, String message) {
        errors.accept(new ImportError(file, number, c.name(), c.name() + ": " + message));
        ok = false;
    }

    /** The value, or null after reporting it missing when {@code required}. */
    private String present(Column c, boolean required, String expected) {
        String v = value(c);
        if (v == null && required) {
            error(c, "missing required value, expected " + expected);
        }
        return v;
    }

    String text(Column c, boolean required, int maxLength) {
        String v = present(c, required, "a value");
        if (v != null && v.length() > maxLength) {
            error(c, "expected at most " + maxLength + " characters, got " + v.length());
            return null;
        }
        return v;
    }

    /** A required id of at most 64 characters. */
    String id(Column c) {
        return text(c, true, 64);
    }

    String oneOf(Column c, boolean required, List<String> allowed, String absent) {
        String v = present(c, required, "one of " + String.join(", ", allowed));
        if (v == null) {
            return absent;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            error(c, "expected one of " + String.join(", ", allowed) + ", got " + quoted(v));
            return null;
        }
        return upper;
    }

    LocalDate date(Column c, boolean required) {
        String v = present(c, required, "a date YYYY-MM-DD");
        if (v == null) {
            return null;
        }
        LocalDate date = ImportValues.date(v);
        if (date == null) {
            error(c, "expected a date YYYY-MM-DD, got " + quoted(v));
        }
        return date;
    }

    OffsetDateTime instant(Column c, boolean required) {
        String expected = "an ISO-8601 instant with offset, e.g. 2026-04-15T20:11:00+08:00";
        String v = present(c, required, expected);
        if (v == null) {
            return null;
        }
        OffsetDateTime instant = ImportValues.instant(v);
        if (instant == null) {
            error(c, "expected " + expected + ", got " + quoted(v));
        }
        return instant;
    }

    /** Y or N (any case); {@code absent} when blank. */
    Boolean flag(Column c, boolean absent) {
        String v = value(c);
        if (v == null) {
            return absent;
        }
        if (v.equalsIgnoreCase("Y")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("N")) {
            return Boolean.FALSE;
        }
        error(c, "expected Y or N, got " + quoted(v));
        return null;
    }

    /** A whole number ≥ {@code min}; {@code absent} when blank and not required. */
    Integer wholeNumber(Column c, boolean required, int min, Integer absent) {
        String expected = "a whole number ≥ " + min;
        String v = present(c, required, expected);
        if (v == null) {
            return absent;
        }
        int n = ImportValues.wholeNumber(v);
        if (n < min) {
            error(c, "expected " + expected + ", got " + quoted(v));
            return null;
        }
        return n;
    }

    /**
     * An amount: a decimal with '.', at least zero (or above zero when {@code positive}), at most
     * {@link ImportValues#MAX_DECIMALS} decimals (the currency's own limit is checked by the caller).
     */
    ImportValues.Decimal amount(Column c, boolean required, boolean positive) {
        String bound = positive ? "> 0" : "≥ 0";
        String expected = "an amount " + bound + " with '.' as decimal separator, e.g. 1234.56";
        String v = present(c, required, expected);
        if (v == null) {
            return null;
        }
        ImportValues.Decimal d = ImportValues.decimal(v);
        if (d == null) {
            error(c, "expected " + expected + ", got " + quoted(v));
            return null;
        }
        if (d.isNegative() || (positive && d.isZero())) {
            error(c, "expected an amount " + bound + ", got " + quoted(v));
            return null;
        }
        if (d.scale() > ImportValues.MAX_DECIMALS) {
            error(c, "expected at most " + ImportValues.MAX_DECIMALS + " decimal places, got " + quoted(v));
            return null;
        }
        return d;
    }

    /** Checks an amount against its currency's minor digits and returns it in minor units. */
    Long minorUnits(Column c, ImportValues.Decimal amount, Currency currency) {
        if (amount == null || currency == null) {
            return null;
        }
        int digits = ImportValues.digitsOf(currency);
        if (amount.scale() > digits) {
            error(c, tooManyDecimals(digits, currency.getCurrencyCode(), amount));
            return null;
        }
        return amount.scaledTo(digits);
    }

    static String tooManyDecimals(int digits, String currency, ImportValues.Decimal amount) {
        return "expected at most " + digits + " decimal place" + (digits == 1 ? "" : "s") + " for " + currency
                + ", got " + quoted(amount.toBigDecimal().stripTrailingZeros().toPlainString());
    }

    Currency currency(Column c) {
        String v = present(c, true, "an ISO 4217 currency code such as CNY or USD");
        if (v == null) {
            return null;
        }
        Currency currency = ImportValues.currency(v.toUpperCase(Locale.ROOT));
        if (currency == null) {
            error(c, "expected an ISO 4217 currency code such as CNY or USD, got " + quoted(v));
        }
        return currency;
    }

    String timeZone(Column c, boolean required) {
        String v = present(c, required, "an IANA time zone such as Asia/Shanghai");
        if (v == null) {
            return null;
        }
        if (!ImportValues.isTimeZone(v)) {
            error(c, "expected an IANA time zone such as Asia/Shanghai, got " + quoted(v));
            return null;
        }
        return v;
    }

    static String quoted(String value) {
        String shown = value.length() > QUOTED_MAX ? value.substring(0, QUOTED_MAX) + "…" : value;
        return "\"" + shown + "\"";
    }
}

package org.recoup.app.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import org.recoup.engine.debt.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows amounts stored as minor units with exactly the currency's digits and grouping, never through a double:
 * {@code 123456789 CNY → "1,234,567.89"}, {@code 5000 JPY → "5,000"}. Templates call
 * {@code ${@amounts.format(minor, currency)}} (current UI locale).
 */
@Component("amounts")
public class AmountFormat {

    /** Formats in the current request's UI locale. */
    public String format(long minor, String currency) {
        return format(minor, currency, LocaleContextHolder.getLocale());
    }

    /** Formats with the currency code in front, e.g. {@code "CNY 1,234.56"}. */
    public String withCode(long minor, String currency) {
        return currency + " " + format(minor, currency);
    }

    public static String format(long minor, String currency, Locale locale) {
        int digits = digitsOf(currency);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    /** Minor-unit digits of a currency code (2 for CNY, USD; 0 for JPY); 2 for a code Java does not know. */
    public static int digitsOf(String currency) {
        try {
            return Money.scaleOf(Currency.getInstance(currency.strip()));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return 2;
        }
    }
}

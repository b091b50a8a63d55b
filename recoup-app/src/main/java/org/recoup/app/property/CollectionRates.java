package org.recoup.app.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.export.Table;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The collection-rate report: fees collected ÷ fees billed per building, per unit and per period (late fees shown
 * separately, never in the rate), each as one {@link Table} for the page, the API and the downloads. The last row of
 * the building table is the total.
 */
@Component
class CollectionRates {

    private final MessageSource messages;

    CollectionRates(MessageSource messages) {
        this.messages = messages;
    }

    List<Table> report(List<FeeLedger.Bill> bills, LocalDate asOf) {
        String cur = bills.isEmpty() ? "CNY" : bills.getFirst().currency();
        Map<String, FeeLedger.Totals> byBuilding = FeeLedger.group(bills, FeeLedger.Bill::building);
        Table.Builder building = measures(start("byBuilding", asOf).column("building", label("building"), Table.Kind.TEXT));
        byBuilding.forEach((k, t) -> row(building, t, cur, k));
        row(building, FeeLedger.total(bills), cur, label("total"));
        Table.Builder unit = measures(start("byUnit", asOf).column("building", label("building"), Table.Kind.TEXT)
                .column("unit", label("unit"), Table.Kind.TEXT));
        FeeLedger.group(bills, b -> b.building() + "\u0000" + b.unit())
                .forEach((k, t) -> row(unit, t, cur, (Object[]) k.split("\u0000", 2)));
        Table.Builder period = measures(start("byPeriod", asOf).column("period", label("period"), Table.Kind.TEXT));
        FeeLedger.group(bills.stream().sorted(java.util.Comparator.comparing(FeeLedger.Bill::period)).toList(),
                FeeLedger.Bill::period).forEach((k, t) -> row(period, t, cur, k));
        return List.of(building.build(), unit.build(), period.build());
    }

    private Table.Builder start(String which, LocalDate asOf) {
        return Table.titled(label(which) + " " + asOf);
    }

    private void row(Table.Builder t, FeeLedger.Totals totals, String currency, Object... keys) {
        Object[] cells = new Object[keys.length + 8];
        System.arraycopy(keys, 0, cells, 0, keys.length);
        int d = BillingImport.digits(currency);
        int i = keys.length;
        cells[i++] = totals.bills();
        cells[i++] = BigDecimal.valueOf(totals.billedMinor(), d);
        cells[i++] = BigDecimal.valueOf(totals.collectedMinor(), d);
        cells[i++] = totals.collectionRate();
        cells[i++] = BigDecimal.valueOf(totals.outstandingMinor(), d);
        cells[i++] = BigDecimal.valueOf(totals.lateFeeMinor(), d);
        cells[i++] = BigDecimal.valueOf(totals.lateFeeCollectedMinor(), d);
        cells[i] = BigDecimal.valueOf(totals.lateFeeMinor() - totals.lateFeeCollectedMinor(), d);
        t.row(cells);
    }

    /** The measure columns, after the key columns. */
    private Table.Builder measures(Table.Builder t) {
        return t.column("bills", label("bills"), Table.Kind.INTEGER)
                .column("billed", label("billed"), Table.Kind.AMOUNT)
                .column("collected", label("collected"), Table.Kind.AMOUNT)
                .column("collectionRate", label("collectionRate"), Table.Kind.RATE)
                .column("outstanding", label("outstanding"), Table.Kind.AMOUNT)
                .column("lateFee", label("lateFee"), Table.Kind.AMOUNT)
                .column("lateFeeCollected", label("lateFeeCollected"), Table.Kind.AMOUNT)
                .column("lateFeeOutstanding", label("lateFeeOutstanding"), Table.Kind.AMOUNT);
    }

    private String label(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("property.col." + key, null, key, locale);
    }
}

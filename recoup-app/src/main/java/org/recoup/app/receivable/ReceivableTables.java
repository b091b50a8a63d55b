package org.recoup.app.receivable;

import java.util.List;
import java.util.Locale;
import org.recoup.app.export.Table;
import org.recoup.engine.receivable.CustomerAssessment;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The receivables report tables (customers' aging, DSO/CEI): one {@link Table} each for the page and the downloads. */
@Component
class ReceivableTables {

    private final MessageSource messages;

    ReceivableTables(MessageSource messages) {
        this.messages = messages;
    }

    private String label(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("receivables.col." + key, null, key, locale);
    }

    Table customers(List<ReceivableBook.CustomerView> views, java.time.LocalDate asOf,
                    org.recoup.engine.receivable.ReceivablePolicy policy) {
        Table.Builder t = Table.titled(label("customersTitle") + " " + asOf)
                .column("partyId", label("partyId"), Table.Kind.TEXT)
                .column("name", label("name"), Table.Kind.TEXT)
                .column("currency", label("currency"), Table.Kind.TEXT)
                .column("creditLimit", label("creditLimit"), Table.Kind.AMOUNT)
                .column("paymentTermsDays", label("paymentTermsDays"), Table.Kind.INTEGER)
                .column("outstanding", label("outstanding"), Table.Kind.AMOUNT)
                .column("overdue", label("overdue"), Table.Kind.AMOUNT);
        policy.aging().forEach(b -> t.column("aging_" + b.code(), b.label(), Table.Kind.AMOUNT));
        t.column("overLimit", label("overLimit"), Table.Kind.TEXT)
                .column("oldestDaysPastDue", label("oldestDaysPastDue"), Table.Kind.INTEGER)
                .column("riskClass", label("riskClass"), Table.Kind.TEXT)
                .column("track", label("track"), Table.Kind.TEXT)
                .column("reminderLevel", label("reminderLevel"), Table.Kind.TEXT);
        for (ReceivableBook.CustomerView v : views) {
            ReceivableBook.Customer c = v.customer();
            CustomerAssessment a = v.assessment();
            String cur = c.currency();
            List<Object> row = new java.util.ArrayList<>(List.of(c.partyId(), c.name(), cur));
            row.add(c.creditLimitMinor() == null ? null : LetterContent.major(c.creditLimitMinor(), cur));
            row.add(c.paymentTermsDays());
            row.add(LetterContent.major(a.outstandingMinor(), cur));
            row.add(LetterContent.major(a.overdueMinor(), cur));
            a.aging().forEach(b -> row.add(LetterContent.major(b.amountMinor(), cur)));
            row.add(a.overLimit() ? "Y" : "N");
            row.add(a.oldestDaysPastDue());
            row.add(a.riskClass() + " " + a.riskLabel());
            row.add(a.track() + " " + a.trackLabel());
            row.add(a.reminderLevel());
            t.row(row.toArray());
        }
        return t.build();
    }

    Table measures(List<ReceivableBook.Measures> rows, String currency) {
        Table.Builder t = Table.titled(label("measuresTitle") + " " + rows.getFirst().from() + " – " + rows.getFirst().to())
                .column("partyId", label("partyId"), Table.Kind.TEXT)
                .column("name", label("name"), Table.Kind.TEXT)
                .column("days", label("days"), Table.Kind.INTEGER)
                .column("openingReceivables", label("openingReceivables"), Table.Kind.AMOUNT)
                .column("creditSales", label("creditSales"), Table.Kind.AMOUNT)
                .column("closingReceivables", label("closingReceivables"), Table.Kind.AMOUNT)
                .column("closingCurrent", label("closingCurrent"), Table.Kind.AMOUNT)
                .column("dso", label("dso"), Table.Kind.AMOUNT)
                .column("cei", label("cei"), Table.Kind.AMOUNT);
        for (ReceivableBook.Measures m : rows) {
            t.row(m.partyId() == null ? "*" : m.partyId(), m.partyId() == null ? label("total") : m.name(),
                    m.days(), LetterContent.major(m.openingMinor(), currency), LetterContent.major(m.creditSalesMinor(), currency),
                    LetterContent.major(m.closingMinor(), currency), LetterContent.major(m.closingCurrentMinor(), currency),
                    m.dso(), m.cei());
        }
        return t.build();
    }
}

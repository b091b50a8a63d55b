package org.recoup.engine.receivable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The open items of a customer as of a date: lines issued by then, each invoice's receipts up to then allocated to its
 * lines oldest due date first. Cash beyond what an invoice bills is unapplied (credit), never moved to another invoice.
 */
public final class OpenItems {

    private OpenItems() {
    }

    public static List<OpenItem> asOf(List<InvoiceLine> lines, List<Receipt> receipts, LocalDate asOf) {
        Map<String, Long> paid = receipts.stream().filter(r -> !r.paidOn().isAfter(asOf))
                .collect(Collectors.groupingBy(Receipt::invoiceId, TreeMap::new, Collectors.summingLong(Receipt::amountMinor)));
        Map<String, List<InvoiceLine>> byInvoice = lines.stream().filter(l -> !l.invoiceDate().isAfter(asOf))
                .collect(Collectors.groupingBy(InvoiceLine::invoiceId, TreeMap::new, Collectors.toList()));
        List<OpenItem> items = new ArrayList<>();
        byInvoice.forEach((invoice, invoiceLines) -> {
            long cash = paid.getOrDefault(invoice, 0L);
            List<InvoiceLine> ordered = invoiceLines.stream()
                    .sorted(Comparator.comparing(InvoiceLine::dueDate).thenComparingInt(InvoiceLine::seq)).toList();
            for (InvoiceLine line : ordered) {
                long applied = Math.min(cash, line.amountMinor());
                cash -= applied;
                items.add(new OpenItem(line.invoiceId(), line.seq(), line.invoiceDate(), line.dueDate(),
                        line.amountMinor(), line.amountMinor() - applied));
            }
        });
        items.sort(Comparator.comparing(OpenItem::dueDate).thenComparing(OpenItem::invoiceId)
                .thenComparingInt(OpenItem::seq));
        return List.copyOf(items);
    }

    /** Sum still unpaid of the items. */
    public static long outstanding(List<OpenItem> items) {
        return items.stream().mapToLong(OpenItem::outstandingMinor).sum();
    }

    /** Sum still unpaid of the items not yet past due on {@code asOf} ("current" receivables). */
    public static long current(List<OpenItem> items, LocalDate asOf) {
        return items.stream().filter(i -> i.daysPastDue(asOf) == 0).mapToLong(OpenItem::outstandingMinor).sum();
    }
}

package org.recoup.app.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.recoup.engine.receivable.OpenItem;

/** Chinese amounts and item tables shared by statements and reminder letters. */
final class LetterContent {

    private LetterContent() {
    }

    static String amount(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return String.format("%,." + digits + "f", BigDecimal.valueOf(minor, digits));
    }

    static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    }

    static List<String> itemHeader() {
        return List.of("发票/账户", "开票日期", "到期日", "金额", "未付金额", "逾期天数");
    }

    static List<List<String>> itemRows(List<OpenItem> items, LocalDate asOf, String currency, boolean overdueOnly) {
        List<List<String>> rows = new ArrayList<>();
        for (OpenItem i : items) {
            if (i.outstandingMinor() <= 0 || (overdueOnly && !i.overdue(asOf))) {
                continue;
            }
            rows.add(List.of(i.invoiceId() + (i.seq() > 1 ? " #" + i.seq() : ""), i.invoiceDate().toString(),
                    i.dueDate().toString(), amount(i.amountMinor(), currency), amount(i.outstandingMinor(), currency),
                    String.valueOf(i.daysPastDue(asOf))));
        }
        return rows;
    }
}

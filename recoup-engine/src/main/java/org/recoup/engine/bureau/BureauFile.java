package org.recoup.engine.bureau;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes account-status records in a {@link BureauLayout}. A record is a map from source name to its text value
 * (already formatted: amounts in minor units, dates {@code yyyyMMdd}); a missing value is empty. Widths count
 * characters (a CJK name uses one position per character).
 */
public final class BureauFile {

    /** The values a layout may name. */
    public static final Set<String> SOURCES = Set.of("record_type", "account_id", "month", "as_of", "product",
            "currency", "open_date", "principal", "status", "dpd", "bucket", "overdue", "outstanding", "balance",
            "charged_off", "charged_off_on", "sold", "sold_on", "borrower_name", "borrower_id_number", "filler");

    private BureauFile() {
    }

    /** The whole file: for FIXED the header line (if any), then one line per record; for CSV a header row first. */
    public static String write(BureauLayout layout, YearMonth month, List<Map<String, String>> records) {
        StringBuilder out = new StringBuilder();
        String nl = layout.newline();
        if (layout.format() == BureauLayout.Format.CSV) {
            out.append(String.join(",", layout.fields().stream().map(f -> csv(f.name())).toList())).append(nl);
        } else if (layout.header() != null && !layout.header().isEmpty()) {
            out.append(layout.header().replace("{month}", month.toString().replace("-", ""))
                    .replace("{count}", String.valueOf(records.size()))).append(nl);
        }
        for (int i = 0; i < records.size(); i++) {
            out.append(line(layout, records.get(i), i + 1)).append(nl);
        }
        return out.toString();
    }

    /** One record as a line; {@code row} (1-based) only names the record in an error. */
    public static String line(BureauLayout layout, Map<String, String> record, int row) {
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (BureauLayout.Field f : layout.fields()) {
            String value = record.getOrDefault(f.source(), "");
            value = value == null ? "" : value;
            if (layout.format() == BureauLayout.Format.CSV) {
                if (!first) {
                    line.append(',');
                }
                line.append(csv(value));
            } else {
                line.append(fixed(f, value, row, record.get("account_id")));
            }
            first = false;
        }
        return line.toString();
    }

    static String fixed(BureauLayout.Field f, String value, int row, String accountId) {
        int length = value.codePointCount(0, value.length());
        if (length > f.width()) {
            if (f.overflow() == BureauLayout.Overflow.ERROR) {
                throw new IllegalArgumentException("record " + row + " (account " + accountId + "): field " + f.name()
                        + " has " + length + " characters, its width is " + f.width() + ": '" + value + "'");
            }
            return value.substring(0, value.offsetByCodePoints(0, f.width()));
        }
        String padding = f.pad().repeat(f.width() - length);
        return f.align() == BureauLayout.Align.LEFT ? value + padding : padding + value;
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}

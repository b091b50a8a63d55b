package org.recoup.app.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report table as it is shown, exported and mailed: a title, typed columns and rows of cells. The same instance feeds
 * the page, the API and the downloads, so the figures cannot drift apart.
 *
 * <p>Cells are {@code String}, {@code Long}/{@code Integer}, {@code BigDecimal} (amounts and rates: already rounded the
 * way the report defines), {@code LocalDate} or {@code null} (empty).
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

    /** A column: {@code key} is stable (API field, CSV header), {@code label} is for people (already localized). */
    public record Column(String key, String label, Kind kind) {
        public Column {
            Objects.requireNonNull(key, "key");
            label = label == null ? key : label;
            kind = kind == null ? Kind.TEXT : kind;
        }
    }

    /** How a column's cells are written to Excel: numbers stay numbers, rates get a percent format. */
    public enum Kind { TEXT, INTEGER, AMOUNT, RATE, DATE }

    public Table {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " of table '" + title + "' has " + row.size()
                        + " cells, expected " + columns.size());
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String || cell instanceof Long || cell instanceof Integer
                        || cell instanceof BigDecimal || cell instanceof LocalDate)) {
                    throw new IllegalArgumentException("row " + (i + 1) + " of table '" + title + "' has a cell of type "
                            + cell.getClass().getSimpleName() + "; expected String, Long, Integer, BigDecimal or LocalDate");
                }
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** Starts a table; add columns, then rows. */
    public static Builder titled(String title) {
        return new Builder(title);
    }

    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder column(String key, String label, Kind kind) {
            columns.add(new Column(key, label, kind));
            return this;
        }

        public Builder row(Object... cells) {
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        public Table build() {
            return new Table(title, columns, rows);
        }
    }
}

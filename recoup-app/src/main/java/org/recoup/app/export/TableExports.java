package org.recoup.app.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes {@link Table}s as XLSX (one sheet per table) or CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text
 * correctly; header row = column keys). Controllers answer a {@code ?format=xlsx|csv} download with {@link #download}.
 */
public final class TableExports {

    /** The formats a table downloads as. */
    public enum Format {
        XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
        CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));

        private final String extension;
        private final MediaType mediaType;

        Format(String extension, MediaType mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public MediaType mediaType() {
            return mediaType;
        }

        /** {@code xlsx} or {@code csv} (any case); anything else is a 400 naming the parameter. */
        public static Format of(String value) {
            if (value != null) {
                for (Format f : values()) {
                    if (f.extension.equalsIgnoreCase(value.strip())) {
                        return f;
                    }
                }
            }
            throw ApiProblem.badRequest("INVALID_FORMAT", "format", "format must be xlsx or csv, was '" + value + "'");
        }
    }

    private TableExports() {
    }

    /** The tables as one workbook, a sheet per table (sheet names made unique and at most 31 characters). */
    public static void xlsx(List<Table> tables, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Recoup", "1.0");
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Table table : tables) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.title(), names));
                List<Table.Column> columns = table.columns();
                for (int c = 0; c < columns.size(); c++) {
                    sheet.value(0, c, columns.get(c).label());
                    sheet.style(0, c).bold().set();
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = table.rows().get(r);
                    for (int c = 0; c < columns.size(); c++) {
                        write(sheet, r + 1, c, columns.get(c).kind(), row.get(c));
                    }
                }
                sheet.freezePane(0, 1);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx(Table... tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx(List.of(tables), out);
        return out.toByteArray();
    }

    /** One table as CSV: BOM, header of column keys, values as plain text (amounts with their scale, dates ISO). */
    public static void csv(Table table, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            printer.printRecord(table.columns().stream().map(Table.Column::key).toList());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(TableExports::text).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv(table, out);
        return out.toByteArray();
    }

    /** A download response: {@code <fileBase>.<ext>} as an attachment. CSV carries the first table only. */
    public static ResponseEntity<byte[]> download(Format format, String fileBase, Table... tables) {
        byte[] body = format == Format.XLSX ? xlsx(tables) : csv(tables[0]);
        String filename = fileBase + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static void write(Worksheet sheet, int r, int c, Table.Kind kind, Object cell) {
        if (cell == null) {
            return;
        }
        switch (cell) {
            case String s -> sheet.value(r, c, s);
            case Long l -> sheet.value(r, c, l);
            case Integer i -> sheet.value(r, c, i);
            case BigDecimal d -> {
                sheet.value(r, c, d);
                if (kind == Table.Kind.RATE) {
                    sheet.style(r, c).format("0.00%").set();
                } else if (kind == Table.Kind.AMOUNT) {
                    sheet.style(r, c).format("#,##0.00").set();
                }
            }
            case LocalDate d -> {
                sheet.value(r, c, d);
                sheet.style(r, c).format("yyyy-mm-dd").set();
            }
            default -> sheet.value(r, c, cell.toString());
        }
    }

    private static String text(Object cell) {
        return switch (cell) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            default -> cell.toString();
        };
    }

    private static String sheetName(String title, java.util.Set<String> used) {
        String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (base.isEmpty()) {
            base = "Sheet";
        }
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + " " + i;
        }
        return name;
    }
}

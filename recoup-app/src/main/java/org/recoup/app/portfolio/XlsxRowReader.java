package org.recoup.app.portfolio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams one sheet of an XLSX workbook with fastexcel-reader, as text cells with the same meaning as in the CSV
 * files: numbers are written as plain decimals (rounded to Excel's 15 significant digits, so 0.1+0.2 reads 0.3),
 * numbers in date columns are Excel serial dates and become {@code YYYY-MM-DD}, booleans become Y/N. Blank rows are
 * skipped; row numbers are the sheet's.
 */
final class XlsxRowReader implements ImportRowReader {

    private static final Set<String> DATE_COLUMNS = Set.of("open_date", "birth_date", "due_date");
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final LocalDate epoch;
    private boolean[] dateColumn = new boolean[0];
    private long rowNumber;

    XlsxRowReader(Sheet sheet, boolean date1904) throws IOException {
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
        this.epoch = date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
    }

    @Override
    public String[] header() throws IOException {
        String[] header = next();
        if (header != null) {
            dateColumn = new boolean[header.length];
            for (int i = 0; i < header.length; i++) {
                dateColumn[i] = header[i] != null && DATE_COLUMNS.contains(header[i].trim().toLowerCase(Locale.ROOT));
            }
        }
        return header;
    }

    @Override
    public String[] next() throws IOException {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                String[] cells = new String[row.getCellCount()];
                boolean blank = true;
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = text(row.getCell(i), i < dateColumn.length && dateColumn[i]);
                    blank &= cells[i] == null || cells[i].isBlank();
                }
                if (!blank) {
                    rowNumber = row.getRowNum();
                    return cells;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private String text(Cell cell, boolean dateColumn) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return Boolean.TRUE.equals(cell.asBoolean()) ? "Y" : "N";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number = new BigDecimal(cell.getRawValue());
            if (dateColumn && number.signum() > 0) {
                return epoch.plusDays(number.longValue()).toString();
            }
            return number.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public String encoding() {
        return "XLSX";
    }

    @Override
    public void close() {
        stream.close();
    }
}

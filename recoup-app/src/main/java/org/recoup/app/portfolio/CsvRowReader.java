package org.recoup.app.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file (RFC 4180: comma, double-quote quoting, CRLF or LF) with commons-csv, decoding it with
 * {@link CsvDecodingReader}. Empty lines are skipped; row numbers count records, the header being row 1.
 */
final class CsvRowReader implements ImportRowReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final CsvDecodingReader decoding;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long rowNumber;

    CsvRowReader(InputStream in) throws IOException {
        this.decoding = new CsvDecodingReader(in);
        this.parser = CSVParser.builder().setReader(decoding).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    @Override
    public String[] header() throws IOException {
        return next();
    }

    @Override
    public String[] next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            rowNumber = record.getRecordNumber();
            return record.values();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public String encoding() {
        return decoding.encodingName();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

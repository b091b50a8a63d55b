package org.recoup.app.portfolio;

import java.io.Closeable;
import java.io.IOException;

/** Rows of one import file, streamed: a CSV file ({@link CsvRowReader}) or a workbook sheet ({@link XlsxRowReader}). */
interface ImportRowReader extends Closeable {

    /** The header row's cells, or null when the file has no rows at all. */
    String[] header() throws IOException;

    /** The next data row's cells, or null at the end. */
    String[] next() throws IOException;

    /** The number of the row last returned (the header is row 1). */
    long rowNumber();

    /** The character encoding the file was read in (as detected so far). */
    String encoding();
}

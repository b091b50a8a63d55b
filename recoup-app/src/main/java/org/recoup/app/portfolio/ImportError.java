package org.recoup.app.portfolio;

/**
 * One reason an import row (or a whole file) was refused.
 *
 * @param file    the file as named in the contract, e.g. {@code installments.csv} (or the uploaded name when unknown)
 * @param row     1-based row number, the header being row 1
 * @param column  the offending column, null when the whole row or file is at fault
 * @param message what was expected and what was found, e.g. {@code due_date: expected a date YYYY-MM-DD, got "2026/13/01"}
 */
public record ImportError(String file, long row, String column, String message) {
}

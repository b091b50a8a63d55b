package org.recoup.app.portfolio;

/**
 * Progress of a running import, for a command line or a loader that wants to show it. Called from the importing
 * thread at least every 50,000 rows of a file and once at its end.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Nothing to report to. */
    ImportProgress NONE = (file, rows) -> { };

    /**
     * @param file          the file being read, e.g. {@code installments.csv}
     * @param rowsProcessed data rows of that file read so far
     */
    void rows(String file, long rowsProcessed);

    /** The import entered a phase: {@code staging}, {@code validating}, {@code applying} or {@code done}. */
    default void phase(String phase) {
    }
}

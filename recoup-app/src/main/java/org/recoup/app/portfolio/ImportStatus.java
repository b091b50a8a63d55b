package org.recoup.app.portfolio;

/** Where an import stands. */
public enum ImportStatus {
    /** Submitted and not finished yet. */
    RUNNING,
    /** Applied: every row (or, in valid-only mode, every valid row) is in the database. */
    SUCCEEDED,
    /** Nothing applied: rejected because of invalid rows (see the errors) or stopped by a failure. */
    FAILED
}

package org.recoup.engine.promise;

/** Lifecycle of a promise to pay (contract §4). */
public enum PromiseStatus {
    /** Not yet covered and its due date plus grace has not passed. */
    PENDING,
    /** Payments received from the promise time up to the end of its due date plus grace cover the amount. */
    KEPT,
    /** Some, but not all, of the amount was received by the end of its due date plus grace. */
    PARTIALLY_KEPT,
    /** Nothing was received by the end of its due date plus grace. */
    BROKEN,
    /** Withdrawn before it was resolved. */
    CANCELLED;

    /** Whether the status is final (everything but PENDING). */
    public boolean resolved() {
        return this != PENDING;
    }
}

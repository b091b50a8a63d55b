package org.recoup.engine.promise;

/**
 * How promises are resolved.
 *
 * @param graceDays days after a promise's due date during which payments still count toward it (0 = the due date is
 *                  the last day); a promise stays PENDING until the end of {@code dueDate + graceDays}
 */
public record PromisePolicy(int graceDays) {

    public static final PromisePolicy DEFAULT = new PromisePolicy(0);

    /** An upper bound that keeps a typo (3000 instead of 30) from parking promises forever. */
    public static final int MAX_GRACE_DAYS = 60;

    public PromisePolicy {
        if (graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
            throw new IllegalArgumentException("graceDays must be between 0 and " + MAX_GRACE_DAYS + ": " + graceDays);
        }
    }
}

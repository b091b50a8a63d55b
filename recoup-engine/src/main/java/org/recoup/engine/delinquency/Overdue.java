package org.recoup.engine.delinquency;

/** What is past due and unpaid, by component, in minor units. */
public record Overdue(long principal, long interest, long fees, long penalty) {

    public static final Overdue NONE = new Overdue(0, 0, 0, 0);

    public long total() {
        return principal + interest + fees + penalty;
    }
}

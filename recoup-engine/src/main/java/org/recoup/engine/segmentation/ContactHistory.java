package org.recoup.engine.segmentation;

/**
 * Outcomes of contact attempts on the case, counted over trailing windows ending on the business date.
 *
 * @param rightPartyLast7        right-party contacts in the last 7 days
 * @param rightPartyLast30       right-party contacts in the last 30 days
 * @param rightPartyLast90       right-party contacts in the last 90 days
 * @param refusalsLast30         contacts where the debtor refused to pay, last 30 days
 * @param refusalsLast90         refusals, last 90 days
 * @param disputesLast90         contacts where the debt was disputed, last 90 days
 * @param claimsPaidLast90       contacts where the debtor claimed to have paid already, last 90 days
 * @param noAnswerOrWrongLast30  attempts that reached nobody or a wrong number, last 30 days
 * @param consecutiveFailures    failed attempts since the last right-party contact
 * @param hasValidContactPoint   at least one phone number not known to be invalid
 */
public record ContactHistory(
        int rightPartyLast7,
        int rightPartyLast30,
        int rightPartyLast90,
        int refusalsLast30,
        int refusalsLast90,
        int disputesLast90,
        int claimsPaidLast90,
        int noAnswerOrWrongLast30,
        int consecutiveFailures,
        boolean hasValidContactPoint) {

    /** No attempts yet, a valid number on file. */
    public static final ContactHistory NONE = new ContactHistory(0, 0, 0, 0, 0, 0, 0, 0, 0, true);

    public ContactHistory {
        if (rightPartyLast7 < 0 || rightPartyLast30 < 0 || rightPartyLast90 < 0 || refusalsLast30 < 0
                || refusalsLast90 < 0 || disputesLast90 < 0 || claimsPaidLast90 < 0 || noAnswerOrWrongLast30 < 0
                || consecutiveFailures < 0) {
            throw new IllegalArgumentException("contact counts must not be negative");
        }
        if (rightPartyLast7 > rightPartyLast30 || rightPartyLast30 > rightPartyLast90 || refusalsLast30 > refusalsLast90) {
            throw new IllegalArgumentException("a shorter window cannot count more than a longer one");
        }
    }
}

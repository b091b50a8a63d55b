package org.recoup.app.compliance;

/** What a conversation established, beside its technical outcome (column {@code contact_attempt.disposition}). */
public enum Disposition {
    PROMISE, REFUSED_TO_PAY, DISPUTE, CLAIMS_PAID, HARDSHIP, DECEASED_REPORTED, CALLBACK, OTHER
}

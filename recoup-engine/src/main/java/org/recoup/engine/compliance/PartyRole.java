package org.recoup.engine.compliance;

/** A party's role on an account (contract §2 account_parties.csv). */
public enum PartyRole {
    BORROWER, CO_BORROWER, GUARANTOR, SPOUSE, HEIR, EMERGENCY_CONTACT, EMPLOYER;

    /** Liable for the debt in their own right; SPOUSE and HEIR become liable only for a deceased borrower's estate. */
    public boolean isLiable() {
        return this == BORROWER || this == CO_BORROWER || this == GUARANTOR;
    }
}

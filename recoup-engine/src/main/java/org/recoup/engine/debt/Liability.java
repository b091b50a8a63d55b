package org.recoup.engine.debt;

/**
 * Who can still be asked to pay: the facts the risk class needs about an account's parties.
 *
 * @param borrowerDeceased    the borrower has died
 * @param borrowerBankrupt    the borrower is bankrupt
 * @param otherLiableParty    a living, solvent co-borrower, guarantor or heir is on the account
 */
public record Liability(boolean borrowerDeceased, boolean borrowerBankrupt, boolean otherLiableParty) {

    public static final Liability ORDINARY = new Liability(false, false, false);

    /** Nobody is left who can be asked to pay. */
    public boolean nobodyLiable() {
        return (borrowerDeceased || borrowerBankrupt) && !otherLiableParty;
    }
}

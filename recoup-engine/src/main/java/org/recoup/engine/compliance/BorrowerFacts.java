package org.recoup.engine.compliance;

import java.util.Objects;

/**
 * What decides whether the debtor can be reached directly; third parties may be contacted only when not.
 *
 * @param partyId              the borrower's party id (their failed attempts are read from the history)
 * @param incapacitated        unable to deal with the debt (incarcerated, lacking capacity)
 * @param hasValidContactPoint at least one valid, consented number or address
 */
public record BorrowerFacts(String partyId, boolean deceased, boolean incapacitated, boolean hasValidContactPoint) {

    public BorrowerFacts {
        Objects.requireNonNull(partyId, "partyId");
    }
}

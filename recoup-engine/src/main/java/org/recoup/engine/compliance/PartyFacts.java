package org.recoup.engine.compliance;

import java.time.ZoneId;
import java.util.Objects;

import org.recoup.engine.debt.Jurisdiction;

/**
 * The contacted party as the gate sees it.
 *
 * @param role                 their role on the request's account
 * @param zone                 their time zone; null when unknown (then only hours valid in every zone of the
 *                             jurisdiction are allowed)
 * @param jurisdiction         where they live (informational; the account's profile decides the rules)
 * @param bankrupt             in bankruptcy: a liable party is then on BANKRUPTCY_HOLD
 * @param incarcerated         informational for the party itself; an incarcerated <em>borrower</em> makes third-party
 *                             contact possible through {@link BorrowerFacts#incapacitated()}
 * @param consentedWindow      a contact window the party agreed to; replaces the profile's hours for them
 * @param refusedContact       they asked never to be contacted again
 * @param estateRepresentative executor/administrator of a deceased borrower's estate
 * @param borrower             the account's borrower, for the third-party rules
 */
public record PartyFacts(String partyId, PartyRole role, ZoneId zone, Jurisdiction jurisdiction, boolean deceased,
                         boolean bankrupt, boolean incarcerated, TimeWindow consentedWindow, boolean refusedContact,
                         boolean estateRepresentative, BorrowerFacts borrower) {

    public PartyFacts {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(borrower, "borrower");
    }
}

package org.recoup.engine.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A contact someone wants to make (contract §5 check body).
 *
 * @param contactPointId the number/address used; null for a visit to the party or when unknown
 * @param content        the text to be sent or read, checked by {@link ContentLint}; null when none
 * @param staff          staff taking part (a visit needs the profile's minimum)
 */
public record ContactRequest(String accountId, String partyId, String contactPointId, Channel channel, Instant at,
                             String content, List<String> staff, Purpose purpose) {

    public ContactRequest {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        staff = staff == null ? List.of() : List.copyOf(staff);
        purpose = purpose == null ? Purpose.COLLECTION : purpose;
    }
}

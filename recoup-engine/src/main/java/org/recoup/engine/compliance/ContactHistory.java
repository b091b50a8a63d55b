package org.recoup.engine.compliance;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Past contact attempts relevant to a check (the account's, the party's and the contact point's). The gate counts
 * only attempts strictly before the request's instant, so a replayed check gives the same answer.
 */
public record ContactHistory(List<Attempt> attempts) {

    /** One recorded attempt (contract §2 contacts.csv / §5 POST /contacts); {@code contactPointId} may be null. */
    public record Attempt(String accountId, String partyId, String contactPointId, Channel channel, Instant at,
                          Outcome outcome) {

        public Attempt {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(partyId, "partyId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    private static final ContactHistory EMPTY = new ContactHistory(List.of());

    /** Sorted by instant so that "the last N attempts" and "the oldest counted attempt" are plain index reads. */
    public ContactHistory {
        Attempt[] sorted = attempts.toArray(Attempt[]::new);
        Arrays.sort(sorted, Comparator.comparing(Attempt::at));
        attempts = List.of(sorted);
    }

    public static ContactHistory empty() {
        return EMPTY;
    }

    public static ContactHistory of(Attempt... attempts) {
        return new ContactHistory(List.of(attempts));
    }
}

package org.recoup.app.dailyrun;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recoup.app.compliance.ContactGate;
import org.recoup.engine.compliance.HoldType;
import org.springframework.stereotype.Component;

/**
 * The holds in force on the borrowers of one chunk of accounts, read set-based from the compliance feature: what
 * segmentation needs of them (an open complaint, a dispute). Read as of the end of the business date (UTC), so a
 * rerun of a past date sees the holds of that date — including holds ended since.
 */
@Component
class HoldFacts {

    private final ContactGate gate;

    HoldFacts(ContactGate gate) {
        this.gate = gate;
    }

    /** Account id → the hold types in force on its borrower (absent: none). */
    Map<String, Set<HoldType>> of(List<? extends AccountInput> chunk, LocalDate asOf) {
        Set<String> parties = new LinkedHashSet<>();
        for (AccountInput input : chunk) {
            if (input.borrower() != null) {
                parties.add(input.borrower().partyId());
            }
        }
        if (parties.isEmpty()) {
            return Map.of();
        }
        Instant endOfDay = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        Map<String, Set<HoldType>> byParty = gate.holdsInForce(parties, endOfDay);
        if (byParty.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<HoldType>> out = new HashMap<>();
        for (AccountInput input : chunk) {
            Set<HoldType> holds = input.borrower() == null ? null : byParty.get(input.borrower().partyId());
            if (holds != null) {
                out.put(input.accountId(), holds);
            }
        }
        return out;
    }
}

package org.recoup.engine.segmentation;

import java.util.Objects;

import org.recoup.engine.delinquency.DelinquencyState;

/** Everything segmentation reads about one case as of the state's business date. */
public record SegmentationFacts(
        DelinquencyState state,
        PtpHistory ptp,
        ContactHistory contacts,
        PaymentHistory payments,
        PartyProfile party) {

    public SegmentationFacts {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ptp, "ptp");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(party, "party");
    }
}

package org.recoup.app.workbench;

import org.recoup.app.compliance.Disposition;
import org.recoup.engine.compliance.Outcome;

/**
 * What the agent records when they finish working a case (issue 6 §5): each code says how the contact ended
 * (the contract's {@link Outcome}) and what the conversation established (compliance's {@link Disposition}, null when
 * nothing beyond the outcome). A conversation is {@code RIGHT_PARTY} with a liable party and {@code THIRD_PARTY} with
 * anyone else. The order is the order of the keyboard shortcuts 1–9 on the case page.
 */
public enum DispositionCode {
    PROMISE(null, Disposition.PROMISE),
    RIGHT_PARTY_CONTACT(null, null),
    NO_ANSWER(Outcome.NO_ANSWER, null),
    BUSY(Outcome.BUSY, null),
    WRONG_NUMBER(Outcome.WRONG_NUMBER, null),
    THIRD_PARTY(Outcome.THIRD_PARTY, null),
    REFUSED_TO_PAY(null, Disposition.REFUSED_TO_PAY),
    DISPUTE(null, Disposition.DISPUTE),
    CLAIMS_PAID(null, Disposition.CLAIMS_PAID),
    HARDSHIP(null, Disposition.HARDSHIP),
    DECEASED_REPORTED(null, Disposition.DECEASED_REPORTED),
    CALLBACK(null, Disposition.CALLBACK),
    VOICEMAIL(Outcome.VOICEMAIL, null),
    REFUSED_CONTACT(Outcome.REFUSED_CONTACT, null);

    private final Outcome fixedOutcome;
    private final Disposition disposition;

    DispositionCode(Outcome fixedOutcome, Disposition disposition) {
        this.fixedOutcome = fixedOutcome;
        this.disposition = disposition;
    }

    /** The contact's outcome: fixed for unanswered calls, else a conversation with the party reached. */
    public Outcome outcome(boolean liableParty) {
        if (fixedOutcome != null) {
            return fixedOutcome;
        }
        return liableParty ? Outcome.RIGHT_PARTY : Outcome.THIRD_PARTY;
    }

    public Disposition disposition() {
        return disposition;
    }

    /** Whether the code records a conversation (someone was reached). */
    public boolean conversation() {
        return fixedOutcome == null || fixedOutcome == Outcome.THIRD_PARTY || fixedOutcome == Outcome.REFUSED_CONTACT;
    }
}

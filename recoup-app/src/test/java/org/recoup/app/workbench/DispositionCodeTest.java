package org.recoup.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recoup.app.compliance.Disposition;
import org.recoup.engine.compliance.Outcome;

class DispositionCodeTest {

    @Test
    void aConversationIsRightPartyWithALiablePartyAndThirdPartyWithAnyoneElse() {
        assertThat(DispositionCode.PROMISE.outcome(true)).isEqualTo(Outcome.RIGHT_PARTY);
        assertThat(DispositionCode.DECEASED_REPORTED.outcome(false)).isEqualTo(Outcome.THIRD_PARTY);
        assertThat(DispositionCode.RIGHT_PARTY_CONTACT.outcome(true)).isEqualTo(Outcome.RIGHT_PARTY);
    }

    @Test
    void unansweredCallsKeepTheirOwnOutcomeWhoeverWasDialled() {
        assertThat(DispositionCode.NO_ANSWER.outcome(true)).isEqualTo(Outcome.NO_ANSWER);
        assertThat(DispositionCode.BUSY.outcome(false)).isEqualTo(Outcome.BUSY);
        assertThat(DispositionCode.WRONG_NUMBER.outcome(true)).isEqualTo(Outcome.WRONG_NUMBER);
        assertThat(DispositionCode.REFUSED_CONTACT.outcome(true)).isEqualTo(Outcome.REFUSED_CONTACT);
        assertThat(DispositionCode.NO_ANSWER.conversation()).isFalse();
    }

    @Test
    void whatTheConversationEstablishedIsKeptForSegmentation() {
        assertThat(DispositionCode.PROMISE.disposition()).isEqualTo(Disposition.PROMISE);
        assertThat(DispositionCode.CLAIMS_PAID.disposition()).isEqualTo(Disposition.CLAIMS_PAID);
        assertThat(DispositionCode.HARDSHIP.disposition()).isEqualTo(Disposition.HARDSHIP);
        assertThat(DispositionCode.NO_ANSWER.disposition()).isNull();
    }

    @Test
    void theFirstNineCodesAreTheKeyboardShortcutsAndPromiseIsKeyOne() {
        assertThat(DispositionCode.values()[0]).isEqualTo(DispositionCode.PROMISE);
        assertThat(DispositionCode.values().length).isGreaterThanOrEqualTo(9);
    }
}

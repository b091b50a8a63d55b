package org.recoup.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.compliance.ContactCheck.aContactRequest;
import static org.recoup.engine.compliance.ContactCheck.instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Holds active at the request's instant (contract §5 holds). */
class HoldsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "DISPUTE, DISPUTE_HOLD",
            "CEASE_COMMUNICATION, CEASE_COMMUNICATION",
            "BANKRUPTCY, BANKRUPTCY_HOLD",
            "BREATHING_SPACE, BREATHING_SPACE",
            "DECEASED, DECEASED",
            "COMPLAINT, DISPUTE_HOLD"})
    void anActiveHoldBlocksWithItsCodeAndNoNextTime(HoldType type, ReasonCode code) {
        Verdict verdict = aContactRequest().withHold(type, "2026-11-01T00:00:00+08:00", null).evaluate();

        assertThat(verdict.codes()).containsExactly(code);
        assertThat(verdict.nextAllowedAt()).isNull();
    }

    @Test
    void aHoldIsActiveFromItsStartUntilBeforeItsEnd() {
        ContactCheck ended = aContactRequest().at("2026-11-23T10:00:00+08:00")
                .withHold(HoldType.CEASE_COMMUNICATION, "2026-11-01T00:00:00+08:00", "2026-11-23T10:00:00+08:00");
        assertThat(ended.evaluate().allowed()).isTrue();

        ContactCheck future = aContactRequest().at("2026-11-23T10:00:00+08:00")
                .withHold(HoldType.DISPUTE, "2026-11-23T10:00:01+08:00", null);
        assertThat(future.evaluate().allowed()).isTrue();

        ContactCheck startsNow = aContactRequest().at("2026-11-23T10:00:00+08:00")
                .withHold(HoldType.DISPUTE, "2026-11-23T10:00:00+08:00", null);
        assertThat(startsNow.evaluate().codes()).containsExactly(ReasonCode.DISPUTE_HOLD);
    }

    @Test
    void aPromiseInForceAllowsOnlyItsReminderUntilItFallsDue() {
        ContactCheck check = aContactRequest().at("2026-11-23T10:00:00+08:00")
                .withHold(HoldType.PTP_IN_FORCE, "2026-11-20T00:00:00+08:00", "2026-11-30T00:00:00+08:00");

        Verdict pressure = check.evaluate();
        assertThat(pressure.codes()).containsExactly(ReasonCode.WAIT_AFTER_CONVERSATION);
        assertThat(pressure.nextAllowedAt()).isEqualTo(instant("2026-11-30T08:00:00+08:00"));

        assertThat(check.purpose(Purpose.PTP_REMINDER).evaluate().allowed()).isTrue();
    }
}

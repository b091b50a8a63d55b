package org.recoup.app.dailyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.ReasonCode;
import org.recoup.engine.compliance.Verdict;
import org.recoup.engine.strategy.Action;
import org.recoup.engine.strategy.Treatment;

class CasePlannerTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-23");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<AccountInput.Point> POINTS = List.of(
            new AccountInput.Point("CP-1", "EMAIL", true, true),
            new AccountInput.Point("CP-2", "MOBILE", false, true),
            new AccountInput.Point("CP-3", "MOBILE", true, true),
            new AccountInput.Point("CP-4", "ADDRESS", false, true));

    private static AccountDecision.RuledTreatment t(Action action, int priority, String rule) {
        return new AccountDecision.RuledTreatment(Treatment.of(action, priority), rule);
    }

    private static CaseGroup twoAccounts() {
        return new CaseGroup("C-P1", "P1", null, List.of(
                new CaseGroup.Member("A-2", 10, 100, List.of(t(Action.CALL, 60, "first-week"), t(Action.SMS, 40, "early"))),
                new CaseGroup.Member("A-1", 40, 100, List.of(t(Action.CALL, 90, "broken-promise"),
                        t(Action.LETTER, 45, "mid-letter"), t(Action.NO_ACTION, 5, "monitor")))));
    }

    @Test
    void aCaseGetsOneActionPerTypeCarryingTheHighestPriorityTreatment() {
        List<CasePlanner.Planned> planned = CasePlanner.plan(twoAccounts(), POINTS, SHANGHAI, AS_OF);

        assertThat(planned).extracting(CasePlanner.Planned::action)
                .containsExactlyInAnyOrder(Action.CALL, Action.SMS, Action.LETTER);
        CasePlanner.Planned call = planned.stream().filter(p -> p.action() == Action.CALL).findFirst().orElseThrow();
        assertThat(call.ruleId()).isEqualTo("broken-promise");
        assertThat(call.treatment().priority()).isEqualTo(90);
        assertThat(call.kind()).isEqualTo("QUEUE");
        assertThat(call.accounts()).containsExactly("A-1", "A-2");
        assertThat(call.plannedAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z")); // 10:00 in Shanghai
    }

    @Test
    void aPromiseReminderIsScreenedAsAReminderOtherContactsAsCollection() {
        CaseGroup group = new CaseGroup("C-P1", "P1", null, List.of(new CaseGroup.Member("A-1", 0, 0, List.of(
                new AccountDecision.RuledTreatment(new Treatment(Action.SMS, 50, null, "ptp-reminder", null), "ptp-reminder"),
                t(Action.CALL, 60, "first-week")))));
        List<CasePlanner.Planned> planned = CasePlanner.plan(group, POINTS, SHANGHAI, AS_OF);

        assertThat(planned).filteredOn(p -> p.action() == Action.SMS).first()
                .satisfies(p -> assertThat(CasePlanner.purpose(p)).isEqualTo(Purpose.PTP_REMINDER));
        assertThat(planned).filteredOn(p -> p.action() == Action.CALL).first()
                .satisfies(p -> assertThat(CasePlanner.purpose(p)).isEqualTo(Purpose.COLLECTION));
    }

    @Test
    void contactsUseAValidConsentedPointOfTheChannelAndLettersTheAddress() {
        List<CasePlanner.Planned> planned = CasePlanner.plan(twoAccounts(), POINTS, SHANGHAI, AS_OF);

        assertThat(planned).filteredOn(p -> p.action() == Action.SMS).first()
                .satisfies(p -> assertThat(p.contactPointId()).isEqualTo("CP-3"));
        assertThat(planned).filteredOn(p -> p.action() == Action.LETTER).first()
                .satisfies(p -> assertThat(p.contactPointId()).isEqualTo("CP-4"));
        assertThat(planned).filteredOn(p -> p.action() == Action.SMS).first()
                .satisfies(p -> assertThat(p.accounts()).containsExactly("A-2"));
    }

    @Test
    void aContactWithoutAnyUsablePointIsDroppedWithTheReason() {
        List<CasePlanner.Planned> planned = CasePlanner.plan(twoAccounts(), List.of(), SHANGHAI, AS_OF);
        CasePlanner.Planned sms = planned.stream().filter(p -> p.action() == Action.SMS).findFirst().orElseThrow();

        CasePlanner.Outcome outcome = CasePlanner.outcome(sms, null);

        assertThat(outcome.status()).isEqualTo("DROPPED");
        assertThat(outcome.reasons()).startsWith("NO_CONTACT_POINT");
    }

    @Test
    void aBlockedContactIsDeferredToNextAllowedAtWhenTheGateGivesOne() {
        CasePlanner.Planned call = CasePlanner.plan(twoAccounts(), POINTS, SHANGHAI, AS_OF).getFirst();
        Instant later = Instant.parse("2026-11-24T00:00:00Z");
        Verdict blocked = new Verdict(Verdict.Decision.BLOCK,
                List.of(new Verdict.Reason(ReasonCode.DAILY_LIMIT, "3 conversations today", "CN-3")), later, "CN", 1);

        CasePlanner.Outcome outcome = CasePlanner.outcome(call, blocked);

        assertThat(outcome.status()).isEqualTo("DEFERRED");
        assertThat(outcome.at()).isEqualTo(later);
        assertThat(outcome.reasons()).isEqualTo("DAILY_LIMIT: 3 conversations today [CN-3]");
    }

    @Test
    void aContactBlockedForGoodIsDroppedWithTheGatesReasons() {
        CasePlanner.Planned call = CasePlanner.plan(twoAccounts(), POINTS, SHANGHAI, AS_OF).getFirst();
        Verdict blocked = new Verdict(Verdict.Decision.BLOCK,
                List.of(new Verdict.Reason(ReasonCode.DISPUTE_HOLD, "dispute open", "CN-hold")), null, "CN", 1);

        CasePlanner.Outcome outcome = CasePlanner.outcome(call, blocked);

        assertThat(outcome.status()).isEqualTo("DROPPED");
        assertThat(outcome.reasons()).contains("DISPUTE_HOLD");
    }

    @Test
    void theReachChosenByTheAccountStepSurvivesItsStoredForm() {
        CasePlanner.Reach reach = CasePlanner.Reach.of("Asia/Shanghai", POINTS);

        CasePlanner.Reach stored = CasePlanner.Reach.decode(reach.encode());

        assertThat(stored).isEqualTo(reach);
        assertThat(stored.sms()).isEqualTo("CP-3");
        assertThat(stored.email()).isEqualTo("CP-1");
        assertThat(stored.address()).isEqualTo("CP-4");
        assertThat(CasePlanner.Reach.decode("Not/A_Zone||||").zone()).isEqualTo(CasePlanner.Reach.DEFAULT_ZONE);
    }
}

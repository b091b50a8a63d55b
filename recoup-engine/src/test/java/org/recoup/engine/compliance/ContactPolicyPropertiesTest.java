package org.recoup.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.recoup.engine.compliance.ContactHistory.Attempt;
import org.recoup.engine.debt.Jurisdiction;

/**
 * Properties of the gate over random histories, instants and zones (a liable party, valid consented number, no
 * holds, so only time-bound reasons can block): nextAllowedAt is exact, and the future never leaks into a check.
 */
class ContactPolicyPropertiesTest {

    private static final Instant BASE = Instant.parse("2026-10-20T00:00:00Z"); // spans the EU/US clock changes

    record Scenario(Jurisdiction jurisdiction, String partyZone, String pointZone, Channel channel, Instant at,
                    List<Attempt> history) {

        ContactCheck check() {
            ContactCheck check = ContactCheck.aContactRequest().under(jurisdiction).partyZone(partyZone);
            if (pointZone != null) {
                check.pointZone(pointZone);
            }
            switch (channel) {
                case SMS -> check.sms();
                case EMAIL -> check.email();
                case VISIT -> check.visit("S-1", "S-2");
                default -> check.call();
            }
            history.forEach(check::withAttempt);
            return check.at(at);
        }

        /** The same scenario knowing only the attempts made before its instant. */
        Scenario pastOnly() {
            return new Scenario(jurisdiction, partyZone, pointZone, channel, at,
                    history.stream().filter(a -> a.at().isBefore(at)).toList());
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Jurisdiction> jurisdiction = Arbitraries.of(Jurisdiction.class);
        Arbitrary<String> zone = Arbitraries.of("Asia/Shanghai", "Asia/Urumqi", "America/New_York", "America/Los_Angeles",
                "Pacific/Honolulu", "Europe/London").injectNull(0.2);
        Arbitrary<String> pointZone = Arbitraries.of("Asia/Shanghai", "America/New_York", "Europe/London").injectNull(0.6);
        Arbitrary<Channel> channel = Arbitraries.of(Channel.CALL, Channel.CALL, Channel.SMS, Channel.EMAIL, Channel.VISIT);
        Arbitrary<Instant> at = Arbitraries.longs().between(10L * 86_400, 30L * 86_400).map(BASE::plusSeconds);
        Arbitrary<Attempt> attempt = Combinators.combine(
                Arbitraries.of(Channel.CALL, Channel.CALL, Channel.SMS, Channel.EMAIL, Channel.VISIT),
                Arbitraries.longs().between(0, 30L * 86_400).map(BASE::plusSeconds),
                Arbitraries.of(Outcome.class),
                Arbitraries.of("CP-1", "CP-1", "CP-2"))
                .as((ch, when, outcome, point) -> new Attempt(ContactCheck.ACCOUNT, ContactCheck.BORROWER, point, ch, when, outcome));
        return Combinators.combine(jurisdiction, zone, pointZone, channel, at, attempt.list().ofMaxSize(60))
                .as(Scenario::new);
    }

    @Property(tries = 300)
    void nextAllowedAtIsTheFirstInstantAtWhichTheContactIsAllowed(@ForAll("scenarios") Scenario scenario) {
        // only history before the original instant is known: attempts between it and nextAllowedAt cannot exist yet
        ContactCheck check = scenario.pastOnly().check();
        Verdict verdict = check.evaluate();
        if (verdict.allowed() || verdict.nextAllowedAt() == null) {
            return;
        }
        Instant next = verdict.nextAllowedAt();
        assertThat(next).isAfter(scenario.at());

        assertThat(check.evaluateAt(next).allowed()).as("allowed at nextAllowedAt %s", next).isTrue();
        assertThat(check.evaluateAt(next.minusSeconds(1)).allowed()).as("still blocked a second earlier").isFalse();
    }

    @Property(tries = 300)
    void historyAtOrAfterTheRequestNeverChangesTheVerdict(@ForAll("scenarios") Scenario scenario) {
        Verdict withoutFuture = scenario.check().evaluate();

        assertThat(scenario.pastOnly().check().evaluate()).isEqualTo(withoutFuture);
    }

    @Property(tries = 200)
    void aCheckIsAPureFunctionOfItsInputsAndEveryCapRollsOff(@ForAll("scenarios") Scenario scenario) {
        assertThat(scenario.check().evaluate()).isEqualTo(scenario.check().evaluate());

        Verdict muchLater = scenario.check().evaluateAt(scenario.at().plus(Duration.ofDays(60)));
        assertThat(muchLater.codes()).as("two months later only the hours can block").allMatch(c -> c == ReasonCode.OUTSIDE_HOURS);
    }
}

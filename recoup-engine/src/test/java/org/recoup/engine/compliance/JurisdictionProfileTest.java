package org.recoup.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recoup.engine.compliance.Channel.SMS;
import static org.recoup.engine.compliance.ContactCheck.aContactRequest;
import static org.recoup.engine.compliance.Outcome.SENT;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.recoup.engine.compliance.JurisdictionProfile.Rule;
import org.recoup.engine.debt.Jurisdiction;

/** The shipped profiles carry exactly the numbers of contract §5; a portfolio can override any of them. */
class JurisdictionProfileTest {

    @Test
    void reasonCodesAreExactlyTheContractsStableCodes() {
        assertThat(java.util.Arrays.stream(ReasonCode.values()).map(Enum::name)).containsExactly(
                "OUTSIDE_HOURS", "DAILY_LIMIT", "ROLLING_LIMIT", "WAIT_AFTER_CONVERSATION",
                "THIRD_PARTY_DISCLOSURE", "THIRD_PARTY_LIMIT", "DECEASED", "CEASE_COMMUNICATION", "DISPUTE_HOLD",
                "BANKRUPTCY_HOLD", "BREATHING_SPACE", "NO_CONSENT", "CONTACT_POINT_INVALID", "VISIT_STAFF_MINIMUM",
                "CASH_COLLECTION", "CONTENT_THREAT", "CONTENT_FALSE_LEGAL", "CONTENT_SHAMING", "CONTENT_IMPERSONATION",
                "CONTENT_ABUSIVE", "CONTENT_DEBT_TO_THIRD_PARTY");
    }

    @Test
    void cnDefaultsAreTheContractsNumbers() {
        JurisdictionProfile cn = JurisdictionProfile.defaults(Jurisdiction.CN);

        assertThat(cn.hours()).isEqualTo(new TimeWindow(LocalTime.of(8, 0), LocalTime.of(22, 0)));
        assertThat(cn.zones()).containsExactly(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Urumqi"));
        assertThat(cn.conversationsPerDebtorPerDay()).isEqualTo(3);
        assertThat(cn.dialAttemptsPerNumberPerDay()).isEqualTo(6);
        assertThat(cn.messagesPerPartyPerDay()).isEqualTo(3);
        assertThat(cn.thirdPartyAttemptsPerDay()).isEqualTo(1);
        assertThat(cn.thirdPartyNeedsDebtorUnreachable()).isTrue();
        assertThat(cn.unreachableAfterFailedAttempts()).isEqualTo(3);
        assertThat(cn.visitStaffMinimum()).isEqualTo(2);
        assertThat(cn.cashCollectionBanned()).isTrue();
        assertThat(cn.rollingCallAttemptCap()).isZero();
    }

    @Test
    void usDefaultsAreRegulationF() {
        JurisdictionProfile us = JurisdictionProfile.defaults(Jurisdiction.US);

        assertThat(us.hours()).isEqualTo(TimeWindow.of("08:00", "21:00"));
        assertThat(us.rollingWindowDays()).isEqualTo(7);
        assertThat(us.rollingCallAttemptCap()).isEqualTo(7);
        assertThat(us.waitAfterConversationDays()).isEqualTo(7);
        assertThat(us.estateOnlyExecutorOrSpouse()).isTrue();
        assertThat(us.thirdPartyNeedsDebtorUnreachable()).isFalse();
        assertThat(us.zones()).contains(ZoneId.of("America/New_York"), ZoneId.of("Pacific/Honolulu"));
        assertThat(us.rule(Rule.ROLLING_CALLS)).isEqualTo("US.1006.14(b)(2)(i)(A)");
    }

    @Test
    void ukDefaultsAreThreeADayAndTenInSevenDays() {
        JurisdictionProfile uk = JurisdictionProfile.defaults(Jurisdiction.UK);

        assertThat(uk.hours()).isEqualTo(TimeWindow.of("08:00", "21:00"));
        assertThat(uk.contactsPerPartyPerDay()).isEqualTo(3);
        assertThat(uk.rollingWindowDays()).isEqualTo(7);
        assertThat(uk.rollingContactCap()).isEqualTo(10);
        assertThat(uk.zones()).containsExactly(ZoneId.of("Europe/London"));
    }

    @Test
    void everyRuleHasACitationFallingBackToTheJurisdictionAndRuleName() {
        for (JurisdictionProfile profile : JurisdictionProfile.defaults().values()) {
            assertThat(profile.rules()).containsOnlyKeys(Rule.values());
        }
        assertThat(JurisdictionProfile.defaults(Jurisdiction.UK).rule(Rule.VISIT_STAFF)).isEqualTo("UK.visit-staff");
    }

    @Test
    void aPortfolioOverridesNumbersAndTheVerdictNamesTheProfileVersion() {
        ContactCheck check = aContactRequest().sms().at("2026-11-23T15:00:00+08:00")
                .overriding(p -> p.id("CN/portfolio-7").version(2).messagesPerPartyPerDay(2))
                .withAttempt(SMS, "2026-11-23T09:00:00+08:00", SENT)
                .withAttempt(SMS, "2026-11-23T10:00:00+08:00", SENT);

        Verdict verdict = check.evaluate();

        assertThat(verdict.codes()).containsExactly(ReasonCode.DAILY_LIMIT);
        assertThat(verdict.profileId()).isEqualTo("CN/portfolio-7");
        assertThat(verdict.profileVersion()).isEqualTo(2);
        assertThat(JurisdictionProfile.defaults(Jurisdiction.CN).messagesPerPartyPerDay()).as("defaults untouched").isEqualTo(3);
    }

    @Test
    void aCapOfZeroSwitchesTheRuleOff() {
        ContactCheck check = aContactRequest().sms().at("2026-11-23T15:00:00+08:00")
                .overriding(p -> p.messagesPerPartyPerDay(0))
                .withAttempt(SMS, "2026-11-23T09:00:00+08:00", SENT)
                .withAttempt(SMS, "2026-11-23T10:00:00+08:00", SENT)
                .withAttempt(SMS, "2026-11-23T11:00:00+08:00", SENT);

        assertThat(check.evaluate().allowed()).isTrue();
    }

    @Test
    void overridesCanChangeTheWindowAndTheCitation() {
        JurisdictionProfile profile = JurisdictionProfile.defaults(Jurisdiction.CN)
                .withOverrides(p -> p.hours("09:00", "20:00").rule(Rule.HOURS, "CN.hours.portfolio-7"));

        Verdict verdict = aContactRequest().profile(profile).at("2026-11-23T08:30:00+08:00").evaluate();

        assertThat(verdict.reasons()).singleElement().satisfies(r -> assertThat(r.rule()).isEqualTo("CN.hours.portfolio-7"));
    }

    @Test
    void invalidNumbersAreRejected() {
        JurisdictionProfile cn = JurisdictionProfile.defaults(Jurisdiction.CN);

        assertThatThrownBy(() -> cn.withOverrides(p -> p.messagesPerPartyPerDay(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cn.withOverrides(p -> p.rollingWindowDays(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cn.withOverrides(p -> p.visitStaffMinimum(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cn.withOverrides(p -> p.zones(java.util.List.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.recoup.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.compliance.Channel.CALL;
import static org.recoup.engine.compliance.Channel.SMS;
import static org.recoup.engine.compliance.ContactCheck.aContactRequest;
import static org.recoup.engine.compliance.ContactCheck.instant;
import static org.recoup.engine.compliance.Outcome.NOT_CONNECTED;
import static org.recoup.engine.compliance.Outcome.NO_ANSWER;
import static org.recoup.engine.compliance.Outcome.RIGHT_PARTY;
import static org.recoup.engine.compliance.Outcome.SENT;
import static org.recoup.engine.compliance.Outcome.THIRD_PARTY;
import static org.recoup.engine.compliance.ReasonCode.BREATHING_SPACE;
import static org.recoup.engine.compliance.ReasonCode.CASH_COLLECTION;
import static org.recoup.engine.compliance.ReasonCode.DAILY_LIMIT;
import static org.recoup.engine.compliance.ReasonCode.OUTSIDE_HOURS;
import static org.recoup.engine.compliance.ReasonCode.ROLLING_LIMIT;
import static org.recoup.engine.compliance.ReasonCode.THIRD_PARTY_DISCLOSURE;
import static org.recoup.engine.compliance.ReasonCode.WAIT_AFTER_CONVERSATION;
import static org.recoup.engine.debt.Jurisdiction.UK;
import static org.recoup.engine.debt.Jurisdiction.US;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The US (Regulation F, 12 CFR 1006) and UK (FCA CONC 7, Debt Respite Scheme 2020) profiles of contract §5. */
class ContactPolicyUsUkTest {

    @Nested
    class RegulationF {

        private ContactCheck usCall(String at) {
            return aContactRequest().under(US).call().at(at);
        }

        @Test
        void usRegF_1006_14_sevenCallsInSevenDaysBlocksTheEighth() {
            ContactCheck check = usCall("2026-11-23T15:00:00-05:00");
            for (int day = 17; day <= 23; day++) {
                check.withAttempt(CALL, "2026-11-%02dT10:00:00-05:00".formatted(day), NO_ANSWER);
            }

            Verdict verdict = check.evaluate();

            assertThat(verdict.codes()).containsExactly(ROLLING_LIMIT);
            assertThat(verdict.reasons().getFirst().rule()).isEqualTo("US.1006.14(b)(2)(i)(A)");
            // the 17th's attempt leaves the 7-day window at the start of the 24th; the window opens at 08:00
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00-05:00"));
        }

        @Test
        void usRegF_1006_14_nextAllowedAtWaitsUntilEnoughAttemptsLeaveTheWindow() {
            ContactCheck check = usCall("2026-11-23T15:00:00-05:00")
                    .withAttempt(CALL, "2026-11-18T10:00:00-05:00", NO_ANSWER);
            for (int hour = 9; hour < 16; hour++) {
                check.withAttempt(CALL, "2026-11-19T%02d:00:00-05:00".formatted(hour), NO_ANSWER);
            }

            Verdict verdict = check.evaluate(); // 8 in the window: the seven of the 19th must leave too

            assertThat(verdict.codes()).containsExactly(ROLLING_LIMIT);
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-26T08:00:00-05:00"));
        }

        @Test
        void usRegF_1006_14_callsOutsideTheSevenDaysDoNotCount() {
            ContactCheck check = usCall("2026-11-23T15:00:00-05:00");
            for (int hour = 9; hour < 17; hour++) {
                check.withAttempt(CALL, "2026-11-16T%02d:00:00-05:00".formatted(hour), NO_ANSWER);
            }

            assertThat(check.evaluate().allowed()).isTrue();
        }

        @Test
        void usRegF_1006_14_callsNotConnectedToTheDialedNumberDoNotCount() {
            ContactCheck check = usCall("2026-11-23T15:00:00-05:00");
            for (int day = 17; day <= 23; day++) {
                check.withAttempt(CALL, "2026-11-%02dT10:00:00-05:00".formatted(day), NOT_CONNECTED);
            }

            assertThat(check.evaluate().allowed()).isTrue();
        }

        @Test
        void usRegF_1006_14_noCallWithinSevenDaysAfterATelephoneConversationTheConversationDayBeingDayOne() {
            ContactCheck check = usCall("2026-11-22T12:00:00-05:00")
                    .withAttempt(CALL, "2026-11-16T10:00:00-05:00", RIGHT_PARTY); // Monday = day 1, Sunday = day 7

            Verdict sunday = check.evaluate();
            assertThat(sunday.codes()).containsExactly(WAIT_AFTER_CONVERSATION);
            assertThat(sunday.reasons().getFirst().rule()).isEqualTo("US.1006.14(b)(2)(i)(B)");
            assertThat(sunday.nextAllowedAt()).isEqualTo(instant("2026-11-23T08:00:00-05:00"));

            assertThat(check.evaluateAt(instant("2026-11-23T08:00:00-05:00")).allowed()).isTrue();
        }

        @Test
        void usRegF_1006_14_aConversationWithSomeoneElseStartsNoWait() {
            assertThat(usCall("2026-11-18T12:00:00-05:00").withAttempt(CALL, "2026-11-16T10:00:00-05:00", THIRD_PARTY)
                    .evaluate().allowed()).isTrue();
        }

        @Test
        void usRegF_1006_14_theWaitAppliesToCallsNotToMessages() {
            assertThat(usCall("2026-11-18T12:00:00-05:00").sms().withAttempt(CALL, "2026-11-16T10:00:00-05:00", RIGHT_PARTY)
                    .evaluate().allowed()).isTrue();
        }

        @Test
        void usRegF_1006_6_b_0830NewYorkOnTheDayDaylightSavingTimeStartsIsAllowed() {
            assertThat(usCall("2026-03-08T08:30:00-04:00").evaluate().allowed()).isTrue();

            Verdict early = usCall("2026-03-08T07:59:00-04:00").evaluate();
            assertThat(early.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(early.nextAllowedAt()).isEqualTo(instant("2026-03-08T12:00:00Z"));
        }

        @Test
        void usRegF_1006_6_b_0830NewYorkOnTheDayDaylightSavingTimeEndsIsAllowed() {
            assertThat(usCall("2026-11-01T08:30:00-05:00").evaluate().allowed()).isTrue();

            Verdict early = usCall("2026-11-01T12:30:00Z").evaluate(); // 07:30 EST, 08:30 by yesterday's offset
            assertThat(early.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(early.nextAllowedAt()).isEqualTo(instant("2026-11-01T13:00:00Z"));

            Verdict nine = usCall("2026-11-01T21:00:00-05:00").evaluate();
            assertThat(nine.nextAllowedAt()).isEqualTo(instant("2026-11-02T08:00:00-05:00"));
        }

        @Test
        void usRegF_1006_6_b_whenPartyAndPhoneZonesDifferTheTimeMustSuitBoth() {
            Verdict verdict = usCall("2026-11-23T10:00:00-05:00").pointZone("America/Los_Angeles").evaluate(); // 07:00 PST

            assertThat(verdict.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-23T11:00:00-05:00"));
        }

        @Test
        void usRegF_1006_6_b_aConsumerWithoutAZoneOnlyWhenItIsConvenientFromHawaiiToMaine() {
            ContactCheck unknown = aContactRequest().under(US).withoutPartyZone().call();

            Verdict noon = unknown.at("2026-11-23T12:00:00-05:00").evaluate(); // 07:00 in Honolulu
            assertThat(noon.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(noon.nextAllowedAt()).isEqualTo(instant("2026-11-23T13:00:00-05:00"));

            assertThat(unknown.at("2026-11-23T20:59:00-05:00").evaluate().allowed()).isTrue();
            assertThat(unknown.at("2026-11-23T21:00:00-05:00").evaluate().nextAllowedAt())
                    .isEqualTo(instant("2026-11-24T13:00:00-05:00"));
        }

        @Test
        void usRegF_1006_10_thirdPartiesOnlyForLocationInformation() {
            ContactCheck employer = aContactRequest().under(US).to(PartyRole.EMPLOYER).at("2026-11-23T10:00:00-05:00");

            assertThat(employer.evaluate().codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
            assertThat(employer.purpose(Purpose.LOCATE).evaluate().allowed()).isTrue();
        }

        @Test
        void usRegF_1006_6_a_4_deceasedConsumerOnlyTheExecutorAdministratorOrSpouse() {
            assertThat(deceasedConsumer().evaluate().codes()).containsExactly(ReasonCode.DECEASED);
            assertThat(deceasedConsumer().to(PartyRole.SPOUSE).evaluate().allowed()).isTrue();
            assertThat(deceasedConsumer().to(PartyRole.HEIR).evaluate().codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
            assertThat(deceasedConsumer().to(PartyRole.HEIR).estateRepresentative().evaluate().allowed()).isTrue();
        }

        private ContactCheck deceasedConsumer() {
            return aContactRequest().under(US).borrowerDeceased().at("2026-11-23T10:00:00-05:00");
        }

        @Test
        void usCash_isNotAContentRuleUnderRegulationF() {
            Verdict verdict = usCall("2026-11-23T10:00:00-05:00").sms().content("You may pay in cash at our office.").evaluate();

            assertThat(verdict.codes()).doesNotContain(CASH_COLLECTION);
        }
    }

    @Nested
    class ConcSeven {

        private ContactCheck ukSms(String at) {
            return aContactRequest().under(UK).sms().at(at);
        }

        @Test
        void ukConc7_threeContactsADayBlockTheFourth() {
            Verdict verdict = ukSms("2026-11-23T15:00:00Z")
                    .withAttempt(CALL, "2026-11-23T09:00:00Z", NO_ANSWER)
                    .withAttempt(SMS, "2026-11-23T10:00:00Z", SENT)
                    .withAttempt(CALL, "2026-11-23T11:00:00Z", RIGHT_PARTY)
                    .evaluate();

            assertThat(verdict.codes()).containsExactly(DAILY_LIMIT);
            assertThat(verdict.reasons().getFirst().rule()).startsWith("UK.CONC7");
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00Z"));
        }

        @Test
        void ukConc7_tenContactsInSevenDaysBlockTheEleventh() {
            ContactCheck check = ukSms("2026-11-23T15:00:00Z");
            for (int day = 17; day <= 21; day++) {
                check.withAttempt(CALL, "2026-11-%02dT09:00:00Z".formatted(day), NO_ANSWER)
                        .withAttempt(SMS, "2026-11-%02dT10:00:00Z".formatted(day), SENT);
            }

            Verdict verdict = check.evaluate();

            assertThat(verdict.codes()).containsExactly(ROLLING_LIMIT);
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00Z"));
        }

        @Test
        void ukHours_2100LondonIsOutsideHoursAcrossTheClockChange() {
            assertThat(ukSms("2026-10-25T20:59:00Z").evaluate().allowed()).isTrue(); // GMT from 25 Oct
            assertThat(ukSms("2026-10-24T20:30:00Z").evaluate().codes()).containsExactly(OUTSIDE_HOURS); // 21:30 BST
        }

        @Test
        void ukDebtRespiteScheme_breathingSpaceBlocksAllCollectionContact() {
            Verdict verdict = ukSms("2026-11-23T10:00:00Z")
                    .withHold(HoldType.BREATHING_SPACE, "2026-11-01T00:00:00Z", "2026-12-31T00:00:00Z").evaluate();

            assertThat(verdict.codes()).containsExactly(BREATHING_SPACE);
            assertThat(verdict.reasons().getFirst().rule()).isEqualTo("UK.DRS2020.reg7");
            assertThat(verdict.nextAllowedAt()).isNull();
        }
    }
}

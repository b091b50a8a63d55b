package org.recoup.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.compliance.Channel.CALL;
import static org.recoup.engine.compliance.Channel.SMS;
import static org.recoup.engine.compliance.ContactCheck.aContactRequest;
import static org.recoup.engine.compliance.ContactCheck.instant;
import static org.recoup.engine.compliance.Outcome.NO_ANSWER;
import static org.recoup.engine.compliance.Outcome.REFUSED_CONTACT;
import static org.recoup.engine.compliance.Outcome.RIGHT_PARTY;
import static org.recoup.engine.compliance.Outcome.SENT;
import static org.recoup.engine.compliance.Outcome.THIRD_PARTY;
import static org.recoup.engine.compliance.PartyRole.EMERGENCY_CONTACT;
import static org.recoup.engine.compliance.PartyRole.EMPLOYER;
import static org.recoup.engine.compliance.PartyRole.HEIR;
import static org.recoup.engine.compliance.PartyRole.SPOUSE;
import static org.recoup.engine.compliance.Purpose.LOCATE;
import static org.recoup.engine.compliance.ReasonCode.CASH_COLLECTION;
import static org.recoup.engine.compliance.ReasonCode.CONTACT_POINT_INVALID;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_ABUSIVE;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_DEBT_TO_THIRD_PARTY;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_THREAT;
import static org.recoup.engine.compliance.ReasonCode.DAILY_LIMIT;
import static org.recoup.engine.compliance.ReasonCode.DECEASED;
import static org.recoup.engine.compliance.ReasonCode.NO_CONSENT;
import static org.recoup.engine.compliance.ReasonCode.OUTSIDE_HOURS;
import static org.recoup.engine.compliance.ReasonCode.THIRD_PARTY_DISCLOSURE;
import static org.recoup.engine.compliance.ReasonCode.THIRD_PARTY_LIMIT;
import static org.recoup.engine.compliance.ReasonCode.VISIT_STAFF_MINIMUM;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The CN profile (CBA 2026 催收工作指引, GB/T 45251—2025, PIPL, Civil Code) as contract §5 states it. */
class ContactPolicyCnTest {

    @Nested
    class Hours {

        @Test
        void cnHours_callAt2159ShanghaiIsAllowed() {
            Verdict verdict = aContactRequest().call().at("2026-11-23T21:59:00+08:00").evaluate();

            assertThat(verdict.allowed()).isTrue();
            assertThat(verdict.reasons()).isEmpty();
            assertThat(verdict.nextAllowedAt()).isNull();
            assertThat(verdict.profileId()).isEqualTo("CN");
        }

        @Test
        void cnHours_callAt2200IsBlockedUntil0800NextLocalDay() {
            Verdict verdict = aContactRequest().call().at("2026-11-23T22:00:00+08:00").evaluate();

            assertThat(verdict.allowed()).isFalse();
            assertThat(verdict.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(verdict.reasons().getFirst().rule()).isEqualTo("CN.hours");
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00+08:00"));
        }

        @Test
        void cnHours_callAt0759IsBlockedUntil0800SameDay() {
            Verdict verdict = aContactRequest().sms().at("2026-11-23T07:59:00+08:00").evaluate();

            assertThat(verdict.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-23T08:00:00+08:00"));
        }

        @Test
        void cnHours_partyInUrumqiIsCalledByUrumqiTime() {
            ContactCheck urumqi = aContactRequest().partyZone("Asia/Urumqi");

            Verdict morning = urumqi.at("2026-11-23T09:00:00+08:00").evaluate(); // 07:00 in Urumqi
            assertThat(morning.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(morning.nextAllowedAt()).isEqualTo(instant("2026-11-23T10:00:00+08:00"));

            assertThat(urumqi.at("2026-11-23T23:30:00+08:00").evaluate().allowed()).isTrue(); // 21:30 in Urumqi
        }

        @Test
        void cnHours_partyWithoutZoneOnlyInsideTheWindowValidInShanghaiAndUrumqi() {
            ContactCheck unknown = aContactRequest().withoutPartyZone();

            Verdict nine = unknown.at("2026-11-23T09:00:00+08:00").evaluate();
            assertThat(nine.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(nine.nextAllowedAt()).isEqualTo(instant("2026-11-23T10:00:00+08:00"));

            assertThat(unknown.at("2026-11-23T10:00:00+08:00").evaluate().allowed()).isTrue();
            assertThat(unknown.at("2026-11-23T21:59:00+08:00").evaluate().allowed()).isTrue();

            Verdict late = unknown.at("2026-11-23T22:00:00+08:00").evaluate();
            assertThat(late.nextAllowedAt()).isEqualTo(instant("2026-11-24T10:00:00+08:00"));
        }

        @Test
        void cnHours_partyInShanghaiWithNewYorkPhoneMustBeInsideBothWindows() {
            ContactCheck check = aContactRequest().partyZone("Asia/Shanghai").pointZone("America/New_York");

            Verdict early = check.at("2026-11-23T20:30:00+08:00").evaluate(); // 07:30 in New York
            assertThat(early.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(early.reasons().getFirst().message()).contains("America/New_York");
            assertThat(early.nextAllowedAt()).isEqualTo(instant("2026-11-23T21:00:00+08:00"));

            assertThat(check.at("2026-11-23T21:00:00+08:00").evaluate().allowed()).isTrue(); // 08:00 in New York

            Verdict late = check.at("2026-11-23T22:30:00+08:00").evaluate(); // Shanghai closed, New York open
            assertThat(late.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(late.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00+08:00")); // 19:00 in New York
        }

        @Test
        void cnHours_aConsentedWindowReplacesTheHoursRuleForThatParty() {
            ContactCheck nightShift = aContactRequest().consentedWindow("20:00", "23:30");

            assertThat(nightShift.at("2026-11-23T22:30:00+08:00").evaluate().allowed()).isTrue();
            Verdict morning = nightShift.at("2026-11-23T10:00:00+08:00").evaluate();
            assertThat(morning.codes()).containsExactly(OUTSIDE_HOURS);
            assertThat(morning.nextAllowedAt()).isEqualTo(instant("2026-11-23T20:00:00+08:00"));
        }

        @Test
        void cnHours_lettersAreNotTimeRestricted() {
            assertThat(aContactRequest().letter().withoutContactPoint().at("2026-11-23T03:00:00+08:00").evaluate().allowed()).isTrue();
        }

        @Test
        void cnVisit_visitsAreTimeRestrictedAndNeedTwoStaff() {
            Verdict night = aContactRequest().visit("S-1", "S-2").withoutContactPoint().at("2026-11-23T22:30:00+08:00").evaluate();
            assertThat(night.codes()).containsExactly(OUTSIDE_HOURS);

            Verdict alone = aContactRequest().visit("S-1").withoutContactPoint().at("2026-11-23T10:00:00+08:00").evaluate();
            assertThat(alone.codes()).containsExactly(VISIT_STAFF_MINIMUM);
            assertThat(alone.reasons().getFirst().rule()).isEqualTo("CN.visit.staff");
            assertThat(alone.nextAllowedAt()).isNull();

            assertThat(aContactRequest().visit("S-1", "S-2").withoutContactPoint().at("2026-11-23T10:00:00+08:00").evaluate().allowed()).isTrue();
        }
    }

    @Nested
    class Frequency {

        @Test
        void cnFrequency_threeConnectedConversationsADayBlockTheFourthUntilTomorrow0800() {
            Verdict verdict = aContactRequest().call().at("2026-11-23T15:00:00+08:00")
                    .withAttempt(CALL, "2026-11-23T09:00:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-23T11:00:00+08:00", THIRD_PARTY)
                    .withAttempt(CALL, "2026-11-23T14:00:00+08:00", RIGHT_PARTY)
                    .evaluate();

            assertThat(verdict.codes()).containsExactly(DAILY_LIMIT);
            assertThat(verdict.reasons().getFirst().rule()).isEqualTo("CN.frequency.conversations");
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00+08:00"));
        }

        @Test
        void cnFrequency_unansweredCallsAreNotConversations() {
            Verdict verdict = aContactRequest().call().at("2026-11-23T15:00:00+08:00")
                    .withAttempt(CALL, "2026-11-23T09:00:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-23T10:00:00+08:00", NO_ANSWER)
                    .withAttempt(CALL, "2026-11-23T11:00:00+08:00", NO_ANSWER)
                    .withAttempt(CALL, "2026-11-23T14:00:00+08:00", RIGHT_PARTY)
                    .evaluate();

            assertThat(verdict.allowed()).isTrue();
        }

        @Test
        void cnFrequency_sixDialAttemptsPerNumberPerDayBlockTheSeventhOnThatNumberOnly() {
            ContactCheck check = aContactRequest().call().at("2026-11-23T15:00:00+08:00");
            for (int hour = 9; hour < 15; hour++) {
                check.withAttempt(CALL, "2026-11-23T%02d:00:00+08:00".formatted(hour), NO_ANSWER);
            }

            Verdict sameNumber = check.evaluate();
            assertThat(sameNumber.codes()).containsExactly(DAILY_LIMIT);
            assertThat(sameNumber.reasons().getFirst().rule()).isEqualTo("CN.frequency.dials");
            assertThat(sameNumber.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00+08:00"));

            assertThat(check.onNumber("CP-2").evaluate().allowed()).isTrue();
        }

        @Test
        void cnFrequency_threeMessagesPerPartyPerDayBlockTheFourthMessageButNotACall() {
            ContactCheck check = aContactRequest().sms().at("2026-11-23T15:00:00+08:00")
                    .withAttempt(SMS, "2026-11-23T09:00:00+08:00", SENT)
                    .withAttempt(Channel.EMAIL, "2026-11-23T10:00:00+08:00", SENT)
                    .withAttempt(SMS, "2026-11-23T11:00:00+08:00", Outcome.DELIVERED);

            Verdict sms = check.evaluate();
            assertThat(sms.codes()).containsExactly(DAILY_LIMIT);
            assertThat(sms.reasons().getFirst().rule()).isEqualTo("CN.frequency.messages");

            assertThat(check.call().evaluate().allowed()).isTrue();
        }

        @Test
        void cnFrequency_daysAreCountedInThePartysLocalCalendar() {
            // 07:10–07:30 Shanghai on the 23rd is still the 22nd in UTC: it counts for the party's 23rd
            Verdict sameLocalDay = aContactRequest().call().at("2026-11-23T10:00:00+08:00")
                    .withAttempt(CALL, "2026-11-23T07:10:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-23T07:20:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-23T07:30:00+08:00", RIGHT_PARTY)
                    .evaluate();
            assertThat(sameLocalDay.codes()).containsExactly(DAILY_LIMIT);

            // 23:30 Shanghai on the 22nd is the 22nd locally (although UTC's 22nd too): yesterday does not count
            Verdict yesterday = aContactRequest().call().at("2026-11-23T10:00:00+08:00")
                    .withAttempt(CALL, "2026-11-22T21:00:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-22T21:30:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-22T23:59:59+08:00", RIGHT_PARTY)
                    .evaluate();
            assertThat(yesterday.allowed()).isTrue();
        }

        @Test
        void historyAtOrAfterTheRequestInstantIsIgnored() {
            Verdict verdict = aContactRequest().call().at("2026-11-23T10:00:00+08:00")
                    .withAttempt(CALL, "2026-11-23T10:00:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-23T11:00:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-23T12:00:00+08:00", RIGHT_PARTY)
                    .withAttempt(CALL, "2026-11-23T09:59:59+08:00", RIGHT_PARTY)
                    .evaluate();

            assertThat(verdict.allowed()).isTrue();
        }
    }

    @Nested
    class ThirdParties {

        private ContactCheck emergencyContactToLocate() {
            return aContactRequest().to(EMERGENCY_CONTACT).purpose(LOCATE).call().at("2026-11-23T15:00:00+08:00");
        }

        private ContactCheck borrowerUnreachable(ContactCheck check) {
            return check.withBorrowerAttempt(CALL, "2026-11-22T10:00:00+08:00", NO_ANSWER)
                    .withBorrowerAttempt(CALL, "2026-11-22T15:00:00+08:00", Outcome.BUSY)
                    .withBorrowerAttempt(CALL, "2026-11-23T09:00:00+08:00", Outcome.NOT_CONNECTED);
        }

        @Test
        void cnThirdParty_notWhileTheDebtorIsReachable() {
            Verdict verdict = emergencyContactToLocate().evaluate();

            assertThat(verdict.codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
            assertThat(verdict.reasons().getFirst().rule()).isEqualTo("CN.third-party");
            assertThat(verdict.nextAllowedAt()).isNull();
        }

        @Test
        void cnThirdParty_allowedToLocateAfterThreeConsecutiveFailedAttemptsOnTheDebtor() {
            assertThat(borrowerUnreachable(emergencyContactToLocate()).evaluate().allowed()).isTrue();
        }

        @Test
        void cnThirdParty_aConversationWithTheDebtorResetsTheFailedCount() {
            Verdict verdict = borrowerUnreachable(emergencyContactToLocate())
                    .withBorrowerAttempt(CALL, "2026-11-23T10:00:00+08:00", RIGHT_PARTY)
                    .withBorrowerAttempt(CALL, "2026-11-23T11:00:00+08:00", NO_ANSWER)
                    .evaluate();

            assertThat(verdict.codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
        }

        @Test
        void cnThirdParty_allowedWhenTheDebtorHasNoValidNumberOrIsIncapacitated() {
            assertThat(emergencyContactToLocate().borrowerWithoutValidNumber().evaluate().allowed()).isTrue();
            assertThat(emergencyContactToLocate().borrowerIncapacitated().evaluate().allowed()).isTrue();
        }

        @Test
        void cnThirdParty_onlyToLocateNeverToCollect() {
            Verdict verdict = borrowerUnreachable(emergencyContactToLocate()).purpose(Purpose.COLLECTION).evaluate();

            assertThat(verdict.codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
        }

        @Test
        void cnThirdParty_employerAndALivingBorrowersSpouseAreThirdParties() {
            assertThat(aContactRequest().to(EMPLOYER).evaluate().codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
            assertThat(aContactRequest().to(SPOUSE).evaluate().codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
        }

        @Test
        void cnThirdParty_oneAttemptPerThirdPartyPerDay() {
            Verdict verdict = borrowerUnreachable(emergencyContactToLocate())
                    .withAttempt(CALL, "2026-11-23T10:00:00+08:00", NO_ANSWER)
                    .evaluate();

            assertThat(verdict.codes()).containsExactly(THIRD_PARTY_LIMIT);
            assertThat(verdict.reasons().getFirst().rule()).isEqualTo("CN.third-party.frequency");
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00+08:00"));
        }

        @Test
        void cnThirdParty_neverAgainAfterTheyRefused() {
            Verdict refusedOnTheLine = borrowerUnreachable(emergencyContactToLocate())
                    .withAttempt(CALL, "2026-11-20T10:00:00+08:00", REFUSED_CONTACT)
                    .evaluate();
            assertThat(refusedOnTheLine.codes()).containsExactly(NO_CONSENT);
            assertThat(refusedOnTheLine.nextAllowedAt()).isNull();

            assertThat(borrowerUnreachable(emergencyContactToLocate()).refusedContact().evaluate().codes())
                    .containsExactly(NO_CONSENT);
        }

        @Test
        void cnThirdParty_contentDisclosingTheDebtIsBlocked() {
            Verdict amount = borrowerUnreachable(emergencyContactToLocate()).sms()
                    .content("您好,请转告张三尽快归还欠款5000元。").evaluate();
            assertThat(amount.codes()).contains(CONTENT_DEBT_TO_THIRD_PARTY).doesNotContain(THIRD_PARTY_DISCLOSURE);

            Verdict neutral = borrowerUnreachable(emergencyContactToLocate()).sms()
                    .content("您好,我们有事需要联系张三,请转告他回电 400-000-0000,谢谢。").evaluate();
            assertThat(neutral.allowed()).isTrue();
        }
    }

    @Nested
    class DeceasedBorrower {

        @Test
        void cnDeceased_theDeceasedBorrowerIsNeverContacted() {
            Verdict verdict = aContactRequest().borrowerDeceased().evaluate();

            assertThat(verdict.codes()).containsExactly(DECEASED);
            assertThat(verdict.nextAllowedAt()).isNull();
        }

        @Test
        void cnDeceased_theSpouseAndHeirsSpeakForTheEstate() {
            assertThat(aContactRequest().borrowerDeceased().to(SPOUSE).evaluate().allowed()).isTrue();
            assertThat(aContactRequest().borrowerDeceased().to(HEIR).content("关于张三先生遗产所涉借款,余额 5000 元,请联系我们协商。")
                    .sms().evaluate().allowed()).isTrue();
        }

        @Test
        void cnDeceased_anEmergencyContactMayOnlyHelpLocateTheEstate() {
            ContactCheck emergencyContact = aContactRequest().borrowerDeceased().to(EMERGENCY_CONTACT);

            assertThat(emergencyContact.evaluate().codes()).containsExactly(THIRD_PARTY_DISCLOSURE);
            assertThat(emergencyContact.purpose(LOCATE).evaluate().allowed()).isTrue();
        }
    }

    @Nested
    class PartyAndPoint {

        @Test
        void invalidContactPointAndMissingConsentBlockWithoutANextTime() {
            assertThat(aContactRequest().invalidNumber().evaluate().codes()).containsExactly(CONTACT_POINT_INVALID);
            Verdict noConsent = aContactRequest().withoutConsent().evaluate();
            assertThat(noConsent.codes()).containsExactly(NO_CONSENT);
            assertThat(noConsent.reasons().getFirst().rule()).isEqualTo("CN.PIPL.13");
            assertThat(noConsent.nextAllowedAt()).isNull();
        }

        @Test
        void aBankruptPartyIsOnBankruptcyHold() {
            assertThat(aContactRequest().bankrupt().evaluate().codes()).containsExactly(ReasonCode.BANKRUPTCY_HOLD);
        }

        @Test
        void everyApplicableReasonIsReportedNotOnlyTheFirst() {
            Verdict verdict = aContactRequest().sms().invalidNumber().at("2026-11-23T23:00:00+08:00")
                    .content("老赖,再不还钱就上门抓人")
                    .withAttempt(SMS, "2026-11-23T09:00:00+08:00", SENT)
                    .withAttempt(SMS, "2026-11-23T10:00:00+08:00", SENT)
                    .withAttempt(SMS, "2026-11-23T11:00:00+08:00", SENT)
                    .evaluate();

            assertThat(verdict.codes()).contains(CONTACT_POINT_INVALID, OUTSIDE_HOURS, DAILY_LIMIT, CONTENT_ABUSIVE, CONTENT_THREAT);
            assertThat(verdict.nextAllowedAt()).as("a non-temporal reason blocks").isNull();
        }

        @Test
        void timeReasonsTogetherClearAtTheLatestOfThem() {
            Verdict verdict = aContactRequest().sms().at("2026-11-23T23:00:00+08:00")
                    .withAttempt(SMS, "2026-11-23T09:00:00+08:00", SENT)
                    .withAttempt(SMS, "2026-11-23T10:00:00+08:00", SENT)
                    .withAttempt(SMS, "2026-11-23T11:00:00+08:00", SENT)
                    .evaluate();

            assertThat(verdict.codes()).containsExactlyInAnyOrder(OUTSIDE_HOURS, DAILY_LIMIT);
            assertThat(verdict.nextAllowedAt()).isEqualTo(instant("2026-11-24T08:00:00+08:00"));
        }

        @Test
        void cnCash_contentAskingForCashIsBlocked() {
            Verdict verdict = aContactRequest().sms().content("请准备好现金,明天我们上门收款。").evaluate();

            assertThat(verdict.codes()).contains(CASH_COLLECTION);
            assertThat(verdict.reasons()).filteredOn(r -> r.code() == CASH_COLLECTION)
                    .allSatisfy(r -> assertThat(r.rule()).isEqualTo("CN.visit.no-cash"));
        }
    }
}

package org.recoup.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.app.compliance.GateFixture.body;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Each rule of the default profiles (contract §5, docs/compliance.md) specified through the API: {@code POST
 * /api/v1/compliance/check} and {@code POST /api/v1/contacts}, with the facts in the database.
 */
class ComplianceRulesIT extends IntegrationTest {

    GateFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new GateFixture(jdbc, uniqueId("G"));
    }

    JsonNode check(String body) {
        ApiClient.Response r = api().post("/api/v1/compliance/check", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static List<String> codes(JsonNode verdict) {
        List<String> codes = new ArrayList<>();
        verdict.get("reasons").forEach(r -> codes.add(r.get("code").asString()));
        return codes;
    }

    ApiClient.Response contact(String body) {
        return api().post("/api/v1/contacts", body);
    }

    @Nested
    class Hours {

        @Test // CBA 催收工作指引: no contact 22:00–08:00 in the contacted party's zone
        void cnHours_noContactAfter22InThePartysZone() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");

            JsonNode late = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T22:30:00+08:00"));
            JsonNode inside = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T21:59:00+08:00"));

            assertThat(late.get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(codes(late)).containsExactly("OUTSIDE_HOURS");
            assertThat(late.get("reasons").get(0).get("rule").asString()).isEqualTo("CN.hours");
            assertThat(late.get("nextAllowedAt").asString()).isEqualTo("2026-11-21T00:00:00Z");
            assertThat(inside.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(inside.get("profile").get("id").asString()).isEqualTo("CN");
        }

        @Test // 12 CFR 1006.6(b)(1)(i): 08:00 local on the day clocks spring forward is 12:00 UTC, not 13:00
        void usHours_followTheDaylightSavingTransition() {
            GateFixture.Debt d = fixture.account("US", "America/New_York");

            JsonNode dstDay = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-03-08T12:30:00Z"));
            JsonNode dayBefore = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-03-07T12:30:00Z"));

            assertThat(dstDay.get("verdict").asString()).as("08:30 EDT").isEqualTo("ALLOW");
            assertThat(codes(dayBefore)).as("07:30 EST").containsExactly("OUTSIDE_HOURS");
            assertThat(dayBefore.get("nextAllowedAt").asString()).isEqualTo("2026-03-07T13:00:00Z");
        }

        @Test // 12 CFR 1006.6(b)(1)(i): conflicting locations → the time must be convenient in all of them
        void crossZone_theTimeMustBeInsideTheWindowInThePartysAndThePhonesZone() {
            GateFixture.Debt d = fixture.account("US", "America/New_York");
            String laPhone = fixture.point(d.borrower(), d.borrower() + "-LA", "America/Los_Angeles");

            JsonNode morning = check(body(d.account(), d.borrower(), laPhone, "CALL", "2026-11-20T13:30:00Z"));
            JsonNode evening = check(body(d.account(), d.borrower(), laPhone, "CALL", "2026-11-21T01:30:00Z"));
            JsonNode lateInNewYork = check(body(d.account(), d.borrower(), laPhone, "CALL", "2026-11-21T02:30:00Z"));

            assertThat(codes(morning)).containsExactly("OUTSIDE_HOURS");
            assertThat(morning.get("reasons").get(0).get("message").asString()).contains("America/Los_Angeles");
            assertThat(morning.get("nextAllowedAt").asString()).as("08:00 in Los Angeles").isEqualTo("2026-11-20T16:00:00Z");
            assertThat(evening.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(codes(lateInNewYork)).containsExactly("OUTSIDE_HOURS");
        }

        @Test // CBA 催收工作指引 + GB/T 45251—2025: unknown zone → only hours valid in Asia/Shanghai and Asia/Urumqi
        void noZoneParty_isContactedOnlyInsideTheWindowOfEveryZoneOfTheCountry() {
            GateFixture.Debt d = fixture.account("CN", "");

            JsonNode nine = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T09:00:00+08:00"));
            JsonNode halfPastTen = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T10:30:00+08:00"));

            assertThat(codes(nine)).as("07:00 in Urumqi").containsExactly("OUTSIDE_HOURS");
            assertThat(nine.get("nextAllowedAt").asString()).isEqualTo("2026-11-20T02:00:00Z");
            assertThat(halfPastTen.get("verdict").asString()).isEqualTo("ALLOW");
        }

        @Test // CBA 催收工作指引: "unless the party recorded consent to another time"
        void consentedWindow_replacesTheProfileHoursFromWhenItWasRecorded() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
            ApiClient.Response consent = api().put("/api/v1/parties/" + d.borrower() + "/contact-window",
                    "{\"start\":\"22:00\",\"end\":\"23:30\",\"recordedAt\":\"2026-11-01T12:00:00+08:00\"}");

            JsonNode after = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T22:30:00+08:00"));
            JsonNode before = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-10-30T22:30:00+08:00"));
            JsonNode morning = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T10:00:00+08:00"));

            assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
            assertThat(after.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(codes(before)).containsExactly("OUTSIDE_HOURS");
            assertThat(codes(morning)).as("the consented window replaces the default one").containsExactly("OUTSIDE_HOURS");
            assertThat(api().get("/api/v1/parties/" + d.borrower() + "/contact-window").json().get(0).get("start").asString())
                    .isEqualTo("22:00");
        }

        @Test
        void aMalformedConsentWindowNamesTheField() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");

            ApiClient.Response r = api().put("/api/v1/parties/" + d.borrower() + "/contact-window", "{\"start\":\"8am\",\"end\":\"23:00\"}");

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("start");
        }
    }

    @Nested
    class Frequency {

        @Test // CBA 催收工作指引: at most 3 collection messages per party per local day
        void cnMessages_theFourthSmsOfTheDayIsBlockedAndNothingIsRecorded() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
            for (String hour : List.of("10", "11", "12")) {
                ApiClient.Response r = contact(body(d.account(), d.borrower(), d.mobile(), "SMS",
                        "2026-11-20T" + hour + ":00:00+08:00", "outcome", "DELIVERED"));
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
            }

            ApiClient.Response fourth = contact(body(d.account(), d.borrower(), d.mobile(), "SMS",
                    "2026-11-20T13:00:00+08:00", "outcome", "DELIVERED"));
            ApiClient.Response nextDay = contact(body(d.account(), d.borrower(), d.mobile(), "SMS",
                    "2026-11-21T09:00:00+08:00", "outcome", "DELIVERED"));

            assertThat(fourth.status()).isEqualTo(422);
            assertThat(fourth.contentType()).contains("application/problem+json");
            assertThat(fourth.json().get("code").asString()).isEqualTo("CONTACT_BLOCKED");
            assertThat(codes(fourth.json())).containsExactly("DAILY_LIMIT");
            assertThat(fourth.json().get("reasons").get(0).get("rule").asString()).isEqualTo("CN.frequency.messages");
            assertThat(fourth.json().get("nextAllowedAt").asString()).isEqualTo("2026-11-21T00:00:00Z");
            assertThat(nextDay.status()).isEqualTo(201);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_attempt WHERE party_id = ?").param(d.borrower())
                    .query(Integer.class).single()).isEqualTo(4);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM compliance_verdict WHERE party_id = ? AND decision = 'BLOCK'")
                    .param(d.borrower()).query(Integer.class).single()).as("the blocked verdict is audited").isEqualTo(1);
        }

        @Test // CBA 催收工作指引: at most 6 dial attempts per number per day; at most 3 connected conversations per debtor per day
        void cnCalls_dialsPerNumberAndConversationsPerDebtorAreCapped() {
            GateFixture.Debt dials = fixture.account("CN", "Asia/Shanghai");
            for (int h = 9; h < 15; h++) {
                fixture.attempt(dials.account(), dials.borrower(), dials.mobile(), "CALL", "2026-11-20T" + (h < 10 ? "0" + h : h)
                        + ":00:00+08:00", "NO_ANSWER");
            }
            GateFixture.Debt talks = fixture.account("CN", "Asia/Shanghai");
            for (int h = 9; h < 12; h++) {
                fixture.attempt(talks.account(), talks.borrower(), talks.mobile(), "CALL", "2026-11-20T" + (h < 10 ? "0" + h : h)
                        + ":00:00+08:00", "RIGHT_PARTY");
            }
            String otherPhone = fixture.point(dials.borrower(), dials.borrower() + "-H", null);

            JsonNode seventhDial = check(body(dials.account(), dials.borrower(), dials.mobile(), "CALL", "2026-11-20T16:00:00+08:00"));
            JsonNode otherNumber = check(body(dials.account(), dials.borrower(), otherPhone, "CALL", "2026-11-20T16:00:00+08:00"));
            JsonNode fourthTalk = check(body(talks.account(), talks.borrower(), talks.mobile(), "CALL", "2026-11-20T16:00:00+08:00"));

            assertThat(codes(seventhDial)).containsExactly("DAILY_LIMIT");
            assertThat(seventhDial.get("reasons").get(0).get("rule").asString()).isEqualTo("CN.frequency.dials");
            assertThat(otherNumber.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(codes(fourthTalk)).containsExactly("DAILY_LIMIT");
            assertThat(fourthTalk.get("reasons").get(0).get("rule").asString()).isEqualTo("CN.frequency.conversations");
        }

        @Test // 12 CFR 1006.14(b)(2)(i)(A): > 7 call attempts in 7 days; (b)(3): NOT_CONNECTED calls do not count
        void us7in7_blocksTheEighthCallButNotConnectedCallsDoNotCount() {
            GateFixture.Debt counted = fixture.account("US", "America/New_York");
            GateFixture.Debt notConnected = fixture.account("US", "America/New_York");
            String[] days = {"14", "15", "16", "17", "18", "19", "19"};
            for (String day : days) {
                fixture.attempt(counted.account(), counted.borrower(), counted.mobile(), "CALL", "2026-11-" + day + "T15:00:00Z", "NO_ANSWER");
                fixture.attempt(notConnected.account(), notConnected.borrower(), notConnected.mobile(), "CALL",
                        "2026-11-" + day + "T15:00:00Z", "NOT_CONNECTED");
            }

            JsonNode eighth = check(body(counted.account(), counted.borrower(), counted.mobile(), "CALL", "2026-11-20T15:00:00Z"));
            JsonNode allowed = check(body(notConnected.account(), notConnected.borrower(), notConnected.mobile(), "CALL",
                    "2026-11-20T15:00:00Z"));

            assertThat(codes(eighth)).containsExactly("ROLLING_LIMIT");
            assertThat(eighth.get("reasons").get(0).get("rule").asString()).isEqualTo("US.1006.14(b)(2)(i)(A)");
            assertThat(allowed.get("verdict").asString()).isEqualTo("ALLOW");
        }

        @Test // 12 CFR 1006.14(b)(2)(i)(B): no call within 7 days after a telephone conversation, its day being day 1
        void usWaitAfterConversation_blocksCallsForSevenDays() {
            GateFixture.Debt d = fixture.account("US", "America/New_York");
            fixture.attempt(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-17T15:00:00Z", "RIGHT_PARTY");

            JsonNode threeDaysLater = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T15:00:00Z"));
            JsonNode eighthDay = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-24T15:00:00Z"));

            assertThat(codes(threeDaysLater)).containsExactly("WAIT_AFTER_CONVERSATION");
            assertThat(threeDaysLater.get("nextAllowedAt").asString()).as("08:00 New York on day 8").isEqualTo("2026-11-24T13:00:00Z");
            assertThat(eighthDay.get("verdict").asString()).isEqualTo("ALLOW");
        }

        @Test // FCA CONC 7.3.4: reasonable frequency — default 3 contacts a day and 10 in 7 days
        void ukCaps_threePerDayAndTenPerSevenDays() {
            GateFixture.Debt daily = fixture.account("UK", "Europe/London");
            for (String h : List.of("09", "10", "11")) {
                fixture.attempt(daily.account(), daily.borrower(), daily.mobile(), "CALL", "2026-11-20T" + h + ":00:00Z", "NO_ANSWER");
            }
            GateFixture.Debt weekly = fixture.account("UK", "Europe/London");
            for (String day : List.of("14", "14", "15", "15", "16", "16", "17", "17", "18", "19")) {
                fixture.attempt(weekly.account(), weekly.borrower(), weekly.mobile(), "SMS", "2026-11-" + day + "T12:00:00Z", "DELIVERED");
            }

            JsonNode fourthToday = check(body(daily.account(), daily.borrower(), daily.mobile(), "SMS", "2026-11-20T14:00:00Z"));
            JsonNode eleventh = check(body(weekly.account(), weekly.borrower(), weekly.mobile(), "CALL", "2026-11-20T14:00:00Z"));

            assertThat(codes(fourthToday)).containsExactly("DAILY_LIMIT");
            assertThat(codes(eleventh)).containsExactly("ROLLING_LIMIT");
            assertThat(eleventh.get("reasons").get(0).get("rule").asString()).isEqualTo("UK.CONC7.3.4");
        }
    }

    @Nested
    class Holds {

        @Test // Debt Respite Scheme (Breathing Space Moratorium) Regulations 2020, reg. 7
        void breathingSpace_blocksAllCollectionContactUntilEnded_andTheHistoryKeepsWhoSetAndEndedIt() {
            GateFixture.Debt d = fixture.account("UK", "Europe/London");
            ApiClient.Response set = api().post("/api/v1/parties/" + d.borrower() + "/holds", """
                    {"type":"BREATHING_SPACE","from":"2026-11-01T00:00:00Z","reason":"debt advice notice 123",
                     "evidenceSha256":"%s"}""".formatted("ab".repeat(32)));
            String tomorrowNoon = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(12, 0).atZone(ZoneId.of("Europe/London"))
                    .toOffsetDateTime().toString();

            JsonNode during = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T12:00:00Z"));
            ApiClient.Response ended = api().delete("/api/v1/parties/" + d.borrower() + "/holds/" + set.json().get("holdId").asString());
            JsonNode afterEnd = check(body(d.account(), d.borrower(), d.mobile(), "SMS", tomorrowNoon));
            JsonNode replayedPast = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T12:00:00Z"));
            ApiClient.Response endedTwice = api().delete("/api/v1/parties/" + d.borrower() + "/holds/" + set.json().get("holdId").asString());
            JsonNode history = api().get("/api/v1/parties/" + d.borrower() + "/holds").json();

            assertThat(set.status()).as(set.toString()).isEqualTo(201);
            assertThat(codes(during)).containsExactly("BREATHING_SPACE");
            assertThat(during.get("reasons").get(0).get("rule").asString()).isEqualTo("UK.DRS2020.reg7");
            assertThat(ended.status()).isEqualTo(200);
            assertThat(afterEnd.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(codes(replayedPast)).as("a check of a past instant sees the hold as it was").containsExactly("BREATHING_SPACE");
            assertThat(endedTwice.status()).isEqualTo(409);
            assertThat(history).hasSize(1);
            assertThat(history.get(0).get("setBy").asString()).isEqualTo("admin");
            assertThat(history.get(0).get("endedBy").asString()).isEqualTo("admin");
            assertThat(history.get(0).get("evidenceSha256").asString()).isEqualTo("ab".repeat(32));
        }

        @Test // 12 CFR 1006.38(d)(2), 1006.6(c): disputes and cease-communication are honoured
        void disputeAndCeaseCommunicationHoldsBlock() {
            GateFixture.Debt d = fixture.account("US", "America/New_York");
            api().post("/api/v1/parties/" + d.borrower() + "/holds",
                    "{\"type\":\"DISPUTE\",\"from\":\"2026-11-01T00:00:00Z\",\"reason\":\"disputed in writing\"}");
            api().post("/api/v1/parties/" + d.borrower() + "/holds",
                    "{\"type\":\"CEASE_COMMUNICATION\",\"from\":\"2026-11-02T00:00:00Z\",\"reason\":\"letter\"}");

            JsonNode verdict = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T15:00:00Z"));

            assertThat(codes(verdict)).containsExactlyInAnyOrder("DISPUTE_HOLD", "CEASE_COMMUNICATION");
            assertThat(verdict.has("nextAllowedAt")).as("holds do not clear by themselves").isFalse();
        }

        @Test
        void aHoldWithAMalformedEvidenceHashOrUnknownTypeIsRefusedNamingTheField() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");

            ApiClient.Response badHash = api().post("/api/v1/parties/" + d.borrower() + "/holds",
                    "{\"type\":\"DISPUTE\",\"from\":\"2026-11-01T00:00:00Z\",\"reason\":\"x\",\"evidenceSha256\":\"xyz\"}");
            ApiClient.Response badType = api().post("/api/v1/parties/" + d.borrower() + "/holds",
                    "{\"type\":\"HOLIDAY\",\"from\":\"2026-11-01T00:00:00Z\",\"reason\":\"x\"}");
            ApiClient.Response unknownParty = api().post("/api/v1/parties/nobody/holds",
                    "{\"type\":\"DISPUTE\",\"from\":\"2026-11-01T00:00:00Z\",\"reason\":\"x\"}");

            assertThat(badHash.status()).isEqualTo(400);
            assertThat(badHash.json().get("field").asString()).isEqualTo("evidenceSha256");
            assertThat(badType.status()).isEqualTo(400);
            assertThat(badType.json().get("field").asString()).isEqualTo("type");
            assertThat(unknownParty.status()).isEqualTo(404);
        }

        @Test // a promise to pay in force: no pressure contacts, reminders allowed (PRACTICE.md, PTP)
        void ptpInForce_blocksCollectionContactsButAllowsAReminder() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
            fixture.promise(d.account(), d.borrower(), "2026-11-25", "2026-11-18T02:00:00Z");

            JsonNode pressure = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T10:00:00+08:00"));
            JsonNode reminder = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T10:00:00+08:00",
                    "purpose", "PTP_REMINDER"));
            JsonNode afterDueDate = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-26T10:00:00+08:00"));

            assertThat(codes(pressure)).containsExactly("WAIT_AFTER_CONVERSATION");
            assertThat(pressure.get("reasons").get(0).get("rule").asString()).isEqualTo("CN.ptp-in-force");
            assertThat(pressure.get("nextAllowedAt").asString())
                    .as("the hold ends with the due date in the party's zone; the window opens at 08:00 the next day")
                    .isEqualTo("2026-11-26T00:00:00Z");
            assertThat(reminder.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(afterDueDate.get("verdict").asString()).isEqualTo("ALLOW");
        }
    }

    @Nested
    class ThirdParties {

        @Test // Civil Code art. 1161 (estate liable), CBA 催收工作指引 (third parties never told about the debt)
        void deceasedBorrower_spouseMayBeContactedEmergencyContactMayNot() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
            jdbc.sql("UPDATE party SET deceased = TRUE WHERE party_id = ?").param(d.borrower()).update();
            String spouse = fixture.party(d.account(), "SPOUSE", "Asia/Shanghai", false);
            String emergency = fixture.party(d.account(), "EMERGENCY_CONTACT", "Asia/Shanghai", false);

            JsonNode borrower = check(body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T10:00:00+08:00"));
            JsonNode toSpouse = check(body(d.account(), spouse, spouse + "-M", "CALL", "2026-11-20T10:00:00+08:00"));
            JsonNode toEmergency = check(body(d.account(), emergency, emergency + "-M", "CALL", "2026-11-20T10:00:00+08:00"));
            JsonNode locateWithDebt = check(body(d.account(), emergency, emergency + "-M", "SMS", "2026-11-20T10:00:00+08:00",
                    "purpose", "LOCATE", "content", "您好,请转告张三尽快归还欠款5000元。"));
            JsonNode locateOnly = check(body(d.account(), emergency, emergency + "-M", "SMS", "2026-11-20T10:00:00+08:00",
                    "purpose", "LOCATE", "content", "您好,我们有事联系张三的家属,方便时请回电4000000000。"));

            assertThat(codes(borrower)).containsExactly("DECEASED");
            assertThat(toSpouse.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(codes(toEmergency)).containsExactly("THIRD_PARTY_DISCLOSURE");
            assertThat(codes(locateWithDebt)).contains("CONTENT_DEBT_TO_THIRD_PARTY").doesNotContain("THIRD_PARTY_DISCLOSURE");
            assertThat(locateOnly.get("verdict").asString()).as(locateOnly.toString()).isEqualTo("ALLOW");
        }

        @Test // CBA 催收工作指引: third parties only when the debtor is unreachable; never again after they refuse
        void emergencyContact_onlyAfterThreeFailedAttemptsAndNeverAfterARefusal() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
            String emergency = fixture.party(d.account(), "EMERGENCY_CONTACT", "Asia/Shanghai", false);
            String locate = "2026-11-20T15:00:00+08:00";

            JsonNode reachable = check(body(d.account(), emergency, emergency + "-M", "CALL", locate, "purpose", "LOCATE"));
            for (String h : List.of("09", "10", "11")) {
                fixture.attempt(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T" + h + ":00:00+08:00", "NO_ANSWER");
            }
            JsonNode unreachable = check(body(d.account(), emergency, emergency + "-M", "CALL", locate, "purpose", "LOCATE"));
            fixture.attempt(d.account(), emergency, emergency + "-M", "CALL", "2026-11-19T12:00:00+08:00", "REFUSED_CONTACT");
            JsonNode refused = check(body(d.account(), emergency, emergency + "-M", "CALL", locate, "purpose", "LOCATE"));

            assertThat(codes(reachable)).containsExactly("THIRD_PARTY_DISCLOSURE");
            assertThat(unreachable.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(codes(refused)).contains("NO_CONSENT");
        }
    }

    @Nested
    class ThirdPartiesBeyondTheHorizon {

        @Test // CBA 催收工作指引: the debtor's failed attempts count however old they are, not only within the caps' horizon
        void emergencyContact_theDebtorsLastFailedAttemptsAreReadEvenWhenOlderThanTheFrequencyWindow() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
            String emergency = fixture.party(d.account(), "EMERGENCY_CONTACT", "Asia/Shanghai", false);
            for (String day : List.of("01", "02", "03")) {
                fixture.attempt(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-" + day + "T10:00:00+08:00", "NO_ANSWER");
            }

            JsonNode verdict = check(body(d.account(), emergency, emergency + "-M", "CALL", "2026-11-20T15:00:00+08:00",
                    "purpose", "LOCATE"));

            assertThat(verdict.get("verdict").asString()).as(verdict.toString()).isEqualTo("ALLOW");
        }
    }

    @Nested
    class VisitsAndContent {

        @Test // CBA 催收工作指引: 外访不少于两人; 不得现金收款
        void visitNeedsTwoStaffAndCashCollectionIsBlocked() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");

            JsonNode alone = check(body(d.account(), d.borrower(), null, "VISIT", "2026-11-20T10:00:00+08:00", "staff", List.of("S1")));
            JsonNode pair = check(body(d.account(), d.borrower(), null, "VISIT", "2026-11-20T10:00:00+08:00", "staff", List.of("S1", "S2")));
            JsonNode cash = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T10:00:00+08:00",
                    "content", "请准备好现金,明天我们上门收款。"));

            assertThat(codes(alone)).containsExactly("VISIT_STAFF_MINIMUM");
            assertThat(pair.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(codes(cash)).contains("CASH_COLLECTION");
        }

        @Test // CBA 催收工作指引 (恐吓、虚假法律), 12 CFR 1006.14/1006.18: content of every check is linted
        void threateningContentIsBlockedWithTheFindingsCode() {
            GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");

            JsonNode verdict = check(body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T10:00:00+08:00",
                    "content", "XXX,经相关部门调查核实,您恶意拖欠银行资金的证据明显,相关文书将发往户籍、村委及工作单位请注意查收"));

            assertThat(codes(verdict)).contains("CONTENT_SHAMING", "CONTENT_FALSE_LEGAL");
            assertThat(verdict.has("nextAllowedAt")).isFalse();
        }

        @Test // the seed "三步走" corpus (shared/domain/seeds/001): pressure lines flagged with spans, neutral ones pass
        void lintEndpoint_flagsTheSeedPressureLinesWithSpansAndPassesNeutralReminders() {
            String shaming = "张三,相关文书将发往村委会,请注意查收。";

            JsonNode flagged = api().post("/api/v1/compliance/lint", GateFixture.json(java.util.Map.of("text", shaming, "channel", "SMS"))).json();
            JsonNode threat = api().post("/api/v1/compliance/lint", GateFixture.json(java.util.Map.of("text",
                    "xxx,最后通知,关于您信用卡逾期案的相关材料已在收集整理,您是否确定放弃处理xxx事宜,愿意承担所有后果?", "channel", "SMS"))).json();
            JsonNode neutral = api().post("/api/v1/compliance/lint", GateFixture.json(java.util.Map.of("text",
                    "XXX,你信用卡欠款事宜是否还有处理意愿?", "channel", "SMS"))).json();
            JsonNode toEmployer = api().post("/api/v1/compliance/lint", GateFixture.json(java.util.Map.of("text",
                    "Please remind John that his loan balance of $500 is overdue.", "channel", "SMS", "recipientRole", "EMPLOYER"))).json();

            JsonNode finding = flagged.get("findings").get(0);
            assertThat(finding.get("code").asString()).isEqualTo("CONTENT_SHAMING");
            assertThat(shaming.substring(finding.get("start").asInt(), finding.get("end").asInt())).isEqualTo("村委会");
            List<String> threatCodes = new ArrayList<>();
            threat.get("findings").forEach(f -> threatCodes.add(f.get("code").asString()));
            assertThat(threatCodes).contains("CONTENT_FALSE_LEGAL", "CONTENT_THREAT");
            assertThat(neutral.get("findings")).isEmpty();
            assertThat(toEmployer.get("findings").get(0).get("code").asString()).isEqualTo("CONTENT_DEBT_TO_THIRD_PARTY");
        }
    }
}

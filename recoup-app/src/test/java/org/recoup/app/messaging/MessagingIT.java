package org.recoup.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sending messages from a case through the compliance gate into the outbox, receipts, scope and the daily run's plan. */
class MessagingIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    private MessagingFixture fixture() {
        return new MessagingFixture(jdbc);
    }

    static String sms(MessagingFixture.Case c) {
        return "{\"contactPointId\":\"" + c.mobile() + "\",\"channel\":\"SMS\",\"templateId\":\"reminder.zh-CN\"}";
    }

    private ApiClient.Response send(ApiClient client, MessagingFixture.Case c, String body, String key) {
        return client.post("/api/v1/cases/" + c.caseId() + "/messages", body, Map.of("Idempotency-Key", key));
    }

    @Test
    void anAllowedSmsIsQueuedWithItsContactAttempt_filledWithTheCasesData() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSG"));

        ApiClient.Response r = send(api(), c, sms(c), uniqueId("key"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode m = r.json();
        assertThat(m.get("status").asString()).isEqualTo("QUEUED");
        assertThat(m.get("source").asString()).isEqualTo("AGENT");
        LocalDate due = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        assertThat(m.get("body").asString()).contains("张三", "回款消费金融", c.accountId().substring(c.accountId().length() - 4),
                        due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日")
                .containsPattern("1,0\\d\\d\\.\\d\\d元") // 1,060.00 overdue plus the penalty accrued since
                .doesNotContain("{");
        String id = m.get("messageId").asString();
        assertThat(jdbc.sql("SELECT outcome FROM contact_attempt WHERE contact_id = ?").param(id).query(String.class).single())
                .isEqualTo("SENT");
        assertThat(jdbc.sql("SELECT channel FROM contact_attempt WHERE contact_id = ?").param(id).query(String.class).single())
                .isEqualTo("SMS");
    }

    @Test
    void aBlockedMessageShowsTheReasonAndTheNextAllowedTime_andNothingIsQueuedOrRecorded() {
        MessagingFixture.Case c = fixture().atNight(uniqueId("MSN"));

        ApiClient.Response r = send(api(), c, sms(c), uniqueId("key"));

        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("CONTACT_BLOCKED");
        assertThat(r.json().get("reasons").get(0).get("code").asString()).isEqualTo("OUTSIDE_HOURS");
        assertThat(Instant.parse(r.json().get("nextAllowedAt").asString())).isAfter(Instant.now());
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE case_id = ?", c.caseId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM compliance_verdict WHERE account_id = ? AND decision = 'BLOCK'", c.accountId()))
                .isEqualTo(1);
    }

    @Test
    void theFourthMessageOfTheDayIsBlockedByTheDailyCap() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSC"));
        for (int i = 0; i < 3; i++) {
            assertThat(send(api(), c, sms(c), uniqueId("key")).status()).isEqualTo(201);
        }

        ApiClient.Response fourth = send(api(), c, sms(c), uniqueId("key"));

        assertThat(fourth.status()).as(fourth.toString()).isEqualTo(422);
        assertThat(fourth.body()).contains("DAILY_LIMIT");
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE case_id = ?", c.caseId())).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheOriginal_theSameKeyWithAnotherRequestIsRefused() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSI"));
        String key = uniqueId("key");

        ApiClient.Response first = send(api(), c, sms(c), key);
        ApiClient.Response retry = send(api(), c, sms(c), key);
        ApiClient.Response other = send(api(), c, "{\"contactPointId\":\"" + c.email()
                + "\",\"channel\":\"EMAIL\",\"templateId\":\"reminder.zh-CN\"}", key);
        ApiClient.Response noKey = api().post("/api/v1/cases/" + c.caseId() + "/messages", sms(c));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("messageId").asString()).isEqualTo(first.json().get("messageId").asString());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE case_id = ?", c.caseId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyQueueOneMessageAndOneContact() throws Exception {
        MessagingFixture.Case c = fixture().create(uniqueId("MSK"));
        String key = uniqueId("key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> send(api(), c, sms(c), key));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().status());
            }

            assertThat(statuses).containsOnly(201, 200);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE case_id = ?", c.caseId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isEqualTo(1);
    }

    @Test
    void dispatchingHandsTheMessageToTheSimulatedGateway_whichKeepsWhatWouldHaveBeenSent() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSD"));
        String id = send(api(), c, sms(c), uniqueId("key")).json().get("messageId").asString();

        ApiClient.Response dispatched = api().post("/api/v1/outbox/dispatch", "");
        JsonNode m = api().get("/api/v1/outbox/" + id).json();

        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);
        assertThat(m.get("status").asString()).isEqualTo("SENT");
        assertThat(m.get("gateway").asString()).isEqualTo("simulated");
        assertThat(m.get("attempts").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM simulated_delivery WHERE message_id = ?").param(id).query(String.class).single())
                .isEqualTo(m.get("body").asString());
        assertThat(jdbc.sql("SELECT recipient FROM simulated_delivery WHERE message_id = ?").param(id).query(String.class)
                .single()).isEqualTo("+8613900001234");
    }

    @Test
    void previewFillsTheTemplateWithoutSendingOrChecking() {
        MessagingFixture.Case c = fixture().atNight(uniqueId("MSP"));

        ApiClient.Response preview = api().post("/api/v1/cases/" + c.caseId() + "/messages/preview", sms(c));
        ApiClient.Response wrongPoint = api().post("/api/v1/cases/" + c.caseId() + "/messages/preview",
                "{\"contactPointId\":\"" + c.address() + "\",\"channel\":\"SMS\",\"templateId\":\"reminder.zh-CN\"}");

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("body").asString()).contains("张三").contains("元");
        assertThat(preview.json().get("unfilled")).isEmpty();
        assertThat(wrongPoint.status()).isEqualTo(422);
        assertThat(wrongPoint.json().get("field").asString()).isEqualTo("contactPointId");
        assertThat(count("SELECT COUNT(*) FROM compliance_verdict WHERE account_id = ?", c.accountId())).isZero();
    }

    @Test
    void aTemplateWithPlaceholdersTheCaseCannotFillIsNotSent() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSV"));

        ApiClient.Response r = send(api(), c, "{\"contactPointId\":\"" + c.address()
                + "\",\"channel\":\"LETTER\",\"templateId\":\"visit-notice.zh-CN\"}", uniqueId("key"));

        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("UNFILLED_PLACEHOLDERS");
        assertThat(r.json().get("detail").asString()).contains("{visitDate}");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isZero();
    }

    @Test
    void aLettersReceiptIsRecordedOnce_andMakesItDelivered() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSL"));
        String id = send(api(), c, "{\"contactPointId\":\"" + c.address()
                + "\",\"channel\":\"LETTER\",\"templateId\":\"pre-legal-notice.zh-CN\"}", uniqueId("key")).json()
                .get("messageId").asString();
        ApiClient.Response early = api().put("/api/v1/outbox/" + id + "/receipt",
                "{\"reference\":\"XA1\",\"deliveredOn\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}");
        api().post("/api/v1/outbox/dispatch", "");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        ApiClient.Response receipt = api().put("/api/v1/outbox/" + id + "/receipt",
                "{\"reference\":\"XA123456789CN\",\"deliveredOn\":\"" + today + "\"}");
        ApiClient.Response again = api().put("/api/v1/outbox/" + id + "/receipt",
                "{\"reference\":\"XA123456789CN\",\"deliveredOn\":\"" + today + "\"}");
        ApiClient.Response other = api().put("/api/v1/outbox/" + id + "/receipt",
                "{\"reference\":\"XA999\",\"deliveredOn\":\"" + today + "\"}");
        ApiClient.Response noDate = api().put("/api/v1/outbox/" + id + "/receipt", "{\"reference\":\"XA999\"}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("LETTER_NOT_SENT");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(receipt.json().get("receiptReference").asString()).isEqualTo("XA123456789CN");
        assertThat(receipt.json().get("receiptDate").asString()).isEqualTo(today);
        assertThat(receipt.json().get("receiptRecordedBy").asString()).isEqualTo("admin");
        assertThat(again.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("RECEIPT_ALREADY_RECORDED");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("field").asString()).isEqualTo("deliveredOn");
    }

    @Test
    void anSmsHasNoReceipt() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSR"));
        String id = send(api(), c, sms(c), uniqueId("key")).json().get("messageId").asString();

        ApiClient.Response r = api().put("/api/v1/outbox/" + id + "/receipt",
                "{\"reference\":\"X\",\"deliveredOn\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("NOT_A_LETTER");
    }

    @Test
    void anAgentSeesAndMessagesOnlyTheCasesInTheirScope_andContactValuesMasked() {
        String agent = uniqueId("agent");
        users.createIfAbsent(agent, "agent-password-1", "Agent", Role.AGENT, "zh-CN");
        jdbc.sql("UPDATE app_user SET team = 'it-msg', tier = ? WHERE username = ?").params(Tier.JUNIOR.name(), agent).update();
        MessagingFixture.Case mine = fixture().create(uniqueId("MSA"));
        MessagingFixture.Case other = fixture().create(uniqueId("MSO"));
        fixture().assign(mine.caseId(), "it-msg", agent);
        fixture().assign(other.caseId(), "it-other", "someone-else");
        String otherMessage = send(api(), other, sms(other), uniqueId("key")).json().get("messageId").asString();
        ApiClient asAgent = api(agent, "agent-password-1");

        ApiClient.Response sent = send(asAgent, mine, sms(mine), uniqueId("key"));
        ApiClient.Response denied = send(asAgent, other, sms(other), uniqueId("key"));
        ApiClient.Response deniedList = asAgent.get("/api/v1/cases/" + other.caseId() + "/messages");
        ApiClient.Response deniedOne = asAgent.get("/api/v1/outbox/" + otherMessage);
        JsonNode outbox = asAgent.get("/api/v1/outbox").json();

        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().get("recipient").asString()).isEqualTo("861****1234");
        assertThat(denied.status()).isEqualTo(404);
        assertThat(deniedList.status()).isEqualTo(404);
        assertThat(deniedOne.status()).isEqualTo(404);
        List<String> cases = new ArrayList<>();
        outbox.forEach(m -> cases.add(m.get("caseId").asString()));
        assertThat(cases).contains(mine.caseId()).doesNotContain(other.caseId());
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE case_id = ?", other.caseId())).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsAndSupervisorsDispatch_complianceOfficersDoNotSend() {
        String officer = uniqueId("officer");
        users.createIfAbsent(officer, "officer-password-1", "Officer", Role.COMPLIANCE, "en");
        MessagingFixture.Case c = fixture().create(uniqueId("MSF"));

        assertThat(api(officer, "officer-password-1").post("/api/v1/outbox/dispatch", "").status()).isEqualTo(403);
        assertThat(send(api(officer, "officer-password-1"), c, sms(c), uniqueId("key")).status()).isEqualTo(403);
        assertThat(api(officer, "officer-password-1").get("/api/v1/cases/" + c.caseId() + "/messages").status())
                .isEqualTo(200);
    }

    @Test
    void theDailyRunsPlannedMessagesEnterTheOutboxOncePerDateCaseAndAction_evenWhenTheRunIsRerun() {
        MessagingFixture.Case c = fixture().create(uniqueId("MSW"));
        MessagingFixture.Case missing = fixture().create(uniqueId("MSX"));
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        plan(asOf, c, "SMS", "early-reminder", 1L);
        plan(asOf, missing, "SMS", "no-such-template", 1L);

        JsonNode first = api().post("/api/v1/outbox/dispatch?asOf=" + asOf, "").json();
        jdbc.sql("DELETE FROM run_action WHERE as_of = ? AND case_id IN (?, ?)").params(asOf, c.caseId(), missing.caseId())
                .update();
        plan(asOf, c, "SMS", "early-reminder", 2L); // the rerun rewrites its rows
        plan(asOf, missing, "SMS", "no-such-template", 2L);
        JsonNode second = api().post("/api/v1/outbox/dispatch?asOf=" + asOf, "").json();

        assertThat(first.get("enqueued").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(second.get("enqueued").asInt()).isZero();
        JsonNode messages = api().get("/api/v1/cases/" + c.caseId() + "/messages").json();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("source").asString()).isEqualTo("RUN");
        assertThat(messages.get(0).get("templateId").asString()).isEqualTo("reminder.zh-CN");
        assertThat(messages.get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(messages.get(0).get("runAction").asString()).isEqualTo("SMS");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isEqualTo(1);
        JsonNode blocked = api().get("/api/v1/cases/" + missing.caseId() + "/messages").json();
        assertThat(blocked).hasSize(1);
        assertThat(blocked.get(0).get("status").asString()).isEqualTo("BLOCKED");
        assertThat(blocked.get(0).get("lastError").asString()).startsWith("TEMPLATE_MISSING");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", missing.accountId())).isZero();
    }

    @Test
    void everyMessagingEndpointIsInTheOpenApiDocument() {
        String docs = anonymous().get("/v3/api-docs").body();

        assertThat(docs).contains("\"/api/v1/cases/{caseId}/messages\"", "\"/api/v1/cases/{caseId}/messages/preview\"",
                "\"/api/v1/outbox\"", "\"/api/v1/outbox/{messageId}\"", "\"/api/v1/outbox/{messageId}/receipt\"",
                "\"/api/v1/outbox/{messageId}/letter.pdf\"", "\"/api/v1/outbox/dispatch\"", "\"/api/v1/config/messaging\"", "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theMessagingSettingsAreValidatedOnSave_andANewVersionIsWhatMessagesSay() {
        String current = api().get("/api/v1/config/messaging").body();
        ApiClient.Response invalid = api().put("/api/v1/config/messaging", current.replace("\"deadlineDays\":15",
                "\"deadlineDays\":0"));
        ApiClient.Response saved = api().put("/api/v1/config/messaging", current.replace("400-820-1234", "400-999-0000"));
        MessagingFixture.Case c = fixture().create(uniqueId("MSS"));
        ApiClient.Response preview = api().post("/api/v1/cases/" + c.caseId() + "/messages/preview", sms(c));
        api().put("/api/v1/config/messaging", current); // put the shipped text back for the other tests

        assertThat(current).contains("400-820-1234", "\"deadlineDays\":15");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("field").asString()).isEqualTo("deadlineDays");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(preview.json().get("body").asString()).contains("400-999-0000");
    }

    private void plan(LocalDate asOf, MessagingFixture.Case c, String channel, String template, long runId) {
        jdbc.sql("""
                INSERT INTO run_action (as_of, case_id, action, run_id, kind, party_id, channel, contact_point_id, priority,
                    template, rule_id, accounts, planned_at, status)
                VALUES (?, ?, ?, ?, 'OUTBOX', ?, ?, ?, 40, ?, 'it-rule', ?, ?, 'PLANNED')""")
                .params(asOf, c.caseId(), channel, runId, c.borrower(), channel, c.mobile(), template, c.accountId(),
                        Timestamp.from(Instant.now().minusSeconds(60)))
                .update();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}

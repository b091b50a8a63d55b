package org.recoup.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The workbench API: the case 360 view in scope only, outcomes through the gate, notes linted, payment claims. */
class CaseApiIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    private CaseFixture fixture;
    private String agent;
    private ApiClient agentApi;

    @BeforeEach
    void setUp() {
        fixture = new CaseFixture(jdbc, users);
        agent = fixture.agent(uniqueId("wb-agent"), "early");
        agentApi = api(agent, CaseFixture.PASSWORD);
    }

    private CaseFixture.Case daytimeCase() {
        return fixture.overdueCase(uniqueId("WB"), 12, agent);
    }

    private String outcome(CaseFixture.Case c, String key, String disposition, String extra) {
        return """
                {"clientKey": "%s", "accountId": "%s", "partyId": "%s", "contactPointId": "%s",
                 "disposition": "%s"%s}""".formatted(key, c.accountId(), c.borrowerId(), c.mobileId(), disposition,
                extra == null ? "" : ", " + extra);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theAssignedAgentSeesTheWholeCaseWithContactValuesMasked() {
        CaseFixture.Case c = daytimeCase();

        ApiClient.Response response = agentApi.get("/api/v1/cases/" + c.caseId());

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("borrowerName").asString()).startsWith("Li Lei");
        assertThat(json.get("parties")).extracting(p -> p.get("role").asString())
                .containsExactly("BORROWER", "EMERGENCY_CONTACT");
        assertThat(json.get("contactPoints")).extracting(p -> p.get("value").asString())
                .containsExactlyInAnyOrder("139****0001", "138****0002");
        assertThat(json.get("instalments")).hasSize(3);
        JsonNode prep = json.get("preparation");
        assertThat(prep.get("dpd").asInt()).isEqualTo(40);
        assertThat(prep.get("periodsOverdue").asInt()).isEqualTo(2);
        assertThat(prep.get("overdueMinor").asLong()).isGreaterThanOrEqualTo(212_000L);
        assertThat(prep.get("gender").asString()).isEqualTo("M");
        assertThat(prep.get("age").asInt()).isEqualTo(35);
        assertThat(prep.get("occupation").asString()).isEqualTo("WORKER");
        assertThat(prep.get("family").get(0).asString()).startsWith("EMERGENCY_CONTACT: Han Mei");
    }

    @Test
    void aSupervisorSeesContactValuesInFull() {
        CaseFixture.Case c = daytimeCase();
        String supervisor = fixture.user(uniqueId("wb-sup"), Role.SUPERVISOR);

        JsonNode json = api(supervisor, CaseFixture.PASSWORD).get("/api/v1/cases/" + c.caseId()).json();

        assertThat(json.get("contactPoints")).extracting(p -> p.get("value").asString())
                .containsExactlyInAnyOrder("13900000001", "13800000002");
    }

    @Test
    void anotherAgentsCaseAndAnUnknownCaseAreBoth404() {
        CaseFixture.Case c = daytimeCase();
        String other = fixture.agent(uniqueId("wb-other"), "late");
        ApiClient otherApi = api(other, CaseFixture.PASSWORD);

        assertThat(otherApi.get("/api/v1/cases/" + c.caseId()).status()).isEqualTo(404);
        assertThat(otherApi.post("/api/v1/cases/" + c.caseId() + "/outcomes",
                outcome(c, "k-" + other, "NO_ANSWER", null)).status()).isEqualTo(404);
        assertThat(agentApi.get("/api/v1/cases/C-no-such-party").status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isZero();
    }

    @Test
    void aPromiseWithTwoInstalmentsIsRecordedWithItsContactInOneGo() {
        CaseFixture.Case c = daytimeCase();
        LocalDate today = c.today();
        String body = outcome(c, "ptp-1", "PROMISE", """
                "note": "Will pay after payday", "promises": [
                  {"amount": "500.00", "dueDate": "%s", "channel": "WECHAT"},
                  {"amount": "560.00", "dueDate": "%s", "channel": "BANK_TRANSFER"}],
                "followUpAt": "%s"
                """.formatted(today.plusDays(3), today.plusDays(10), today.plusDays(4) + "T10:00:00Z"));

        ApiClient.Response response = agentApi.post("/api/v1/cases/" + c.caseId() + "/outcomes", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("promiseIds")).hasSize(2);
        JsonNode promises = agentApi.get("/api/v1/accounts/" + c.accountId() + "/promises").json();
        assertThat(promises).extracting(p -> p.get("amount").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("500", "560");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ? AND disposition = 'PROMISE' "
                + "AND outcome = 'RIGHT_PARTY' AND created_by = ?", c.accountId(), agent)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM case_note WHERE case_id = ?", c.caseId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ? AND follow_up_at IS NOT NULL", c.caseId()))
                .isEqualTo(1);
    }

    @Test
    void aDoubleClickRecordsOnceAndAReusedKeyWithAnotherBodyIsAConflict() throws Exception {
        CaseFixture.Case c = daytimeCase();
        String body = outcome(c, "double", "PROMISE", """
                "promises": [{"amount": "300.00", "dueDate": "%s", "channel": "ALIPAY"}]""".formatted(c.today().plusDays(2)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<ApiClient.Response> click = () -> {
                start.await();
                return agentApi.post("/api/v1/cases/" + c.caseId() + "/outcomes", body);
            };
            answers.add(pool.submit(click));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiClient.Response> f : answers) {
            statuses.add(f.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM promise WHERE account_id = ?", c.accountId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ?", c.caseId())).isEqualTo(1);
        ApiClient.Response reused = agentApi.post("/api/v1/cases/" + c.caseId() + "/outcomes",
                outcome(c, "double", "NO_ANSWER", null));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asString()).isEqualTo("CLIENT_KEY_REUSED");
    }

    @Test
    void aContactOutsideCallingHoursIsBlockedWithItsReasonAndNothingIsRecorded() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBN"), 3, agent);
        String body = outcome(c, "night", "PROMISE", """
                "note": "called", "promises": [{"amount": "100.00", "dueDate": "%s"}]""".formatted(c.today().plusDays(2)));

        ApiClient.Response response = agentApi.post("/api/v1/cases/" + c.caseId() + "/outcomes", body);

        assertThat(response.status()).isEqualTo(422);
        JsonNode json = response.json();
        assertThat(json.get("code").asString()).isEqualTo("CONTACT_BLOCKED");
        assertThat(json.get("reasons")).extracting(r -> r.get("code").asString()).contains("OUTSIDE_HOURS");
        assertThat(json.get("nextAllowedAt")).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM promise WHERE account_id = ?", c.accountId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_note WHERE case_id = ?", c.caseId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ?", c.caseId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM compliance_verdict WHERE account_id = ? AND decision = 'BLOCK'",
                c.accountId())).isEqualTo(1);
    }

    @Test
    void aNoteTheContentLintFlagsIsRefusedWithItsFindingsAndNothingIsRecorded() {
        CaseFixture.Case c = daytimeCase();
        String body = outcome(c, "lint", "REFUSED_TO_PAY",
                "\"note\": \"再不还就通知你的单位领导，走着瞧\"");

        ApiClient.Response response = agentApi.post("/api/v1/cases/" + c.caseId() + "/outcomes", body);

        assertThat(response.status()).isEqualTo(422);
        JsonNode json = response.json();
        assertThat(json.get("code").asString()).isEqualTo("NOTE_REJECTED");
        assertThat(json.get("field").asString()).isEqualTo("note");
        assertThat(json.get("findings")).extracting(f -> f.get("code").asString())
                .contains("CONTENT_SHAMING", "CONTENT_THREAT");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_note WHERE case_id = ?", c.caseId())).isZero();
    }

    @Test
    void aDisputeRecordedWithAHoldRequestPutsTheBorrowerOnHold() {
        CaseFixture.Case c = daytimeCase();

        ApiClient.Response response = agentApi.post("/api/v1/cases/" + c.caseId() + "/outcomes",
                outcome(c, "dispute", "DISPUTE", "\"holds\": [\"DISPUTE\"], \"note\": \"Says instalment 1 was never disbursed\""));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode file = agentApi.get("/api/v1/cases/" + c.caseId()).json();
        assertThat(file.get("holds")).extracting(h -> h.get("type").asString() + "/" + h.get("active").asBoolean())
                .containsExactly("DISPUTE/true");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ? AND disposition = 'DISPUTE'",
                c.accountId())).isEqualTo(1);
    }

    @Test
    void aPromiseFromAThirdPartyIsRefused() {
        CaseFixture.Case c = daytimeCase();
        String body = """
                {"clientKey": "third", "accountId": "%s", "partyId": "%s", "contactPointId": "%s", "disposition": "PROMISE",
                 "promises": [{"amount": "100.00", "dueDate": "%s"}]}"""
                .formatted(c.accountId(), c.contactId(), c.contactMobileId(), c.today().plusDays(2));

        ApiClient.Response response = agentApi.post("/api/v1/cases/" + c.caseId() + "/outcomes", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("PARTY_NOT_LIABLE");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?", c.accountId())).isZero();
    }

    @Test
    void aComplianceOfficerSeesTheCaseButRecordsNothing() {
        CaseFixture.Case c = daytimeCase();
        ApiClient officer = api(fixture.user(uniqueId("wb-cmp"), Role.COMPLIANCE), CaseFixture.PASSWORD);

        assertThat(officer.get("/api/v1/cases/" + c.caseId()).status()).isEqualTo(200);
        assertThat(officer.post("/api/v1/cases/" + c.caseId() + "/outcomes", outcome(c, "cmp", "NO_ANSWER", null))
                .status()).isEqualTo(403);
    }

    @Test
    void alreadyPaidCreatesAClaimNotAPaymentUntilASupervisorVerifiesIt() {
        CaseFixture.Case c = daytimeCase();
        String claim = """
                {"clientKey": "paid-1", "accountId": "%s", "paidAt": "%s", "amount": "1060.00", "channel": "WECHAT",
                 "reference": "WX-1"}""".formatted(c.accountId(), c.today().minusDays(1) + "T09:30:00Z");

        ApiClient.Response created = agentApi.post("/api/v1/cases/" + c.caseId() + "/payment-claims", claim);
        ApiClient.Response again = agentApi.post("/api/v1/cases/" + c.caseId() + "/payment-claims", claim);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String claimId = created.json().get("claimId").asString();
        assertThat(again.json().get("claimId").asString()).isEqualTo(claimId);
        assertThat(created.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE account_id = ?", c.accountId())).isZero();
        assertThat(agentApi.post("/api/v1/payment-claims/" + claimId + "/verify", "{}").status()).isEqualTo(403);

        ApiClient supervisor = api(fixture.user(uniqueId("wb-sup"), Role.SUPERVISOR), CaseFixture.PASSWORD);
        ApiClient.Response verified = supervisor.post("/api/v1/payment-claims/" + claimId + "/verify", "{}");

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
        String paymentId = verified.json().get("paymentId").asString();
        assertThat(count("SELECT COUNT(*) FROM payment WHERE account_id = ? AND payment_id = ? AND amount_minor = 106000",
                c.accountId(), paymentId)).isEqualTo(1);
        ApiClient.Response twice = supervisor.post("/api/v1/payment-claims/" + claimId + "/verify", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM payment WHERE account_id = ?", c.accountId())).isEqualTo(1);
    }

    @Test
    void aRejectedClaimPostsNothing() {
        CaseFixture.Case c = daytimeCase();
        String claimId = agentApi.post("/api/v1/cases/" + c.caseId() + "/payment-claims", """
                {"clientKey": "paid-2", "accountId": "%s", "paidAt": "%s", "amount": "50.00", "channel": "ALIPAY"}"""
                .formatted(c.accountId(), c.today().minusDays(1) + "T09:30:00Z")).json().get("claimId").asString();
        ApiClient supervisor = api(fixture.user(uniqueId("wb-sup"), Role.SUPERVISOR), CaseFixture.PASSWORD);

        ApiClient.Response rejected = supervisor.post("/api/v1/payment-claims/" + claimId + "/reject",
                "{\"reason\": \"no such transfer in the bank statement\"}");

        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE account_id = ?", c.accountId())).isZero();
    }

    @Test
    void theConfrontationPromptQuotesTheCasesRealPromises() {
        CaseFixture.Case c = daytimeCase();
        LocalDate today = c.today();
        fixture.promise(c, uniqueId("PTP"), "500.00", today.minusDays(20));
        String kept = uniqueId("PTP");
        fixture.promise(c, kept, "300.00", today.minusDays(5));
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, 30000, 'WECHAT')")
                .params(uniqueId("PAY"), c.accountId(), java.sql.Timestamp.from(today.minusDays(6)
                        .atStartOfDay(java.time.ZoneId.of(c.zone())).plusHours(10).toInstant()))
                .update();

        JsonNode script = agentApi.get("/api/v1/cases/" + c.caseId() + "/scripts/confront-promise-history?lang=en").json();

        String history = script.get("steps").get(0).get("text").asString();
        assertThat(history).contains(today.minusDays(20) + ": promised CNY 500.00, paid CNY 0.00 \u2014 broken")
                .contains(today.minusDays(5) + ": promised CNY 300.00, paid CNY 300.00 \u2014 kept");
    }
}

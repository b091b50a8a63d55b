package org.recoup.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.app.compliance.GateFixture.body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The gate as a system: atomic recording under concurrency, idempotency, validation, batch screening, config, audit. */
class ContactGateIT extends IntegrationTest {

    @Autowired
    ContactGate gate;

    @Autowired
    UserAccounts users;

    GateFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new GateFixture(jdbc, uniqueId("K"));
    }

    private int attempts(String column, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_attempt WHERE " + column + " = ?").param(id).query(Integer.class).single();
    }

    /** Runs {@code calls} at once (released together) and returns their responses. */
    private static List<ApiClient.Response> concurrently(List<Callable<ApiClient.Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (Callable<ApiClient.Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> out = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                out.add(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test // contract §5 / issue 4 "Atomic gate": 50 concurrent attempts never exceed the cap (CN 3 SMS per party per day)
    void fiftyConcurrentSmsForOneParty_exactlyTheCapIsRecorded_theRestAreBlockedWithDailyLimit() throws Exception {
        GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String at = "2026-11-20T10:" + String.format("%02d", i) + ":00+08:00";
            calls.add(() -> api().post("/api/v1/contacts", body(d.account(), d.borrower(), d.mobile(), "SMS", at,
                    "outcome", "SENT")));
        }

        List<ApiClient.Response> responses = concurrently(calls);

        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(3);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(47).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(ComplianceRulesIT.codes(r.json())).contains("DAILY_LIMIT");
        });
        assertThat(attempts("party_id", d.borrower())).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM compliance_verdict WHERE party_id = ? AND source = 'CONTACT'")
                .param(d.borrower()).query(Integer.class).single()).as("every verdict audited").isEqualTo(50);
    }

    @Test // the cap is per party across accounts: the party row lock serialises contacts about two accounts
    void concurrentContactsAboutTwoAccountsOfOneParty_shareThePartysDailyCap() throws Exception {
        GateFixture.Debt first = fixture.account("CN", "Asia/Shanghai");
        GateFixture.Debt second = fixture.account("CN", "Asia/Shanghai");
        fixture.addRole(second.account(), first.borrower(), "GUARANTOR");
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String account = i % 2 == 0 ? first.account() : second.account();
            calls.add(() -> api().post("/api/v1/contacts", body(account, first.borrower(), first.mobile(), "SMS",
                    "2026-11-20T11:00:00+08:00", "outcome", "DELIVERED")));
        }

        List<ApiClient.Response> responses = concurrently(calls);

        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(3);
        assertThat(responses.stream().filter(r -> r.status() == 422).count()).isEqualTo(17);
        assertThat(attempts("party_id", first.borrower())).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameContactIdReturnsTheOriginal_anotherBodyWithItIsAConflict() {
        GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
        String contactId = uniqueId("CT");
        String sha = "0123456789abcdef".repeat(4);
        String request = body(d.account(), d.borrower(), d.mobile(), "CALL", "2026-11-20T10:00:00+08:00",
                "outcome", "RIGHT_PARTY", "contactId", contactId, "disposition", "PROMISE",
                "attachments", List.of(Map.of("sha256", sha.toUpperCase(), "name", "call.ogg")));

        ApiClient.Response created = api().post("/api/v1/contacts", request);
        ApiClient.Response retry = api().post("/api/v1/contacts", request);
        ApiClient.Response reused = api().post("/api/v1/contacts", body(d.account(), d.borrower(), d.mobile(), "CALL",
                "2026-11-20T10:00:00+08:00", "outcome", "NO_ANSWER", "contactId", contactId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("disposition").asString()).isEqualTo("PROMISE");
        assertThat(created.json().get("attachments").get(0).get("sha256").asString()).isEqualTo(sha);
        assertThat(created.json().get("recordedBy").asString()).isEqualTo("admin");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(created.json());
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asString()).isEqualTo("CONTACT_ID_REUSED");
        assertThat(attempts("contact_id", contactId)).isEqualTo(1);
        assertThat(api().get("/api/v1/contacts/" + contactId).json().get("outcome").asString()).isEqualTo("RIGHT_PARTY");
    }

    @Test
    void invalidRequestsAreRefusedNamingTheField() {
        GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
        GateFixture.Debt other = fixture.account("CN", "Asia/Shanghai");
        String at = "2026-11-20T10:00:00+08:00";

        ApiClient.Response foreignPoint = api().post("/api/v1/compliance/check", body(d.account(), d.borrower(), other.mobile(), "SMS", at));
        ApiClient.Response notOnAccount = api().post("/api/v1/compliance/check", body(d.account(), other.borrower(), other.mobile(), "SMS", at));
        ApiClient.Response unknownAccount = api().post("/api/v1/contacts", body("nope", d.borrower(), d.mobile(), "SMS", at, "outcome", "SENT"));
        ApiClient.Response badSha = api().post("/api/v1/contacts", body(d.account(), d.borrower(), d.mobile(), "CALL", at,
                "outcome", "NO_ANSWER", "attachments", List.of(Map.of("sha256", "abc", "name", "x.ogg"))));
        ApiClient.Response impossibleOutcome = api().post("/api/v1/contacts", body(d.account(), d.borrower(), d.mobile(), "SMS", at,
                "outcome", "VOICEMAIL"));
        ApiClient.Response future = api().post("/api/v1/contacts", body(d.account(), d.borrower(), d.mobile(), "SMS",
                Instant.now().plusSeconds(3600).toString(), "outcome", "SENT"));
        ApiClient.Response missingOutcome = api().post("/api/v1/contacts", body(d.account(), d.borrower(), d.mobile(), "SMS", at));

        assertThat(foreignPoint.status()).isEqualTo(422);
        assertThat(foreignPoint.json().get("code").asString()).isEqualTo("CONTACT_POINT_INVALID");
        assertThat(foreignPoint.json().get("field").asString()).isEqualTo("contactPointId");
        assertThat(notOnAccount.status()).isEqualTo(422);
        assertThat(notOnAccount.json().get("field").asString()).isEqualTo("partyId");
        assertThat(unknownAccount.status()).isEqualTo(422);
        assertThat(unknownAccount.json().get("field").asString()).isEqualTo("accountId");
        assertThat(badSha.status()).isEqualTo(400);
        assertThat(badSha.json().get("field").asString()).isEqualTo("attachments[0].sha256");
        assertThat(impossibleOutcome.status()).isEqualTo(400);
        assertThat(impossibleOutcome.json().get("field").asString()).isEqualTo("outcome");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("field").asString()).isEqualTo("at");
        assertThat(missingOutcome.status()).isEqualTo(400);
        assertThat(missingOutcome.json().get("field").asString()).isEqualTo("outcome");
        assertThat(attempts("party_id", d.borrower())).isZero();
    }

    @Test // ContactGate.screen: the daily run's batch check sees its own earlier ALLOWed requests as history
    void screen_aBatchCannotPlanPastACap_andEveryVerdictIsAudited() {
        GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
        GateFixture.Debt e = fixture.account("CN", "Asia/Shanghai");
        fixture.attempt(e.account(), e.borrower(), e.mobile(), "SMS", "2026-11-20T08:30:00+08:00", "DELIVERED");
        List<ContactRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(new ContactRequest(d.account(), d.borrower(), d.mobile(), Channel.SMS,
                    Instant.parse("2026-11-20T02:00:00Z").plusSeconds(60L * i), null, List.of(), Purpose.COLLECTION));
        }
        for (int i = 0; i < 3; i++) {
            requests.add(new ContactRequest(e.account(), e.borrower(), e.mobile(), Channel.SMS,
                    Instant.parse("2026-11-20T02:00:00Z"), null, List.of(), Purpose.COLLECTION));
        }
        requests.add(new ContactRequest("missing-account", d.borrower(), null, Channel.SMS, Instant.parse("2026-11-20T02:00:00Z"),
                null, List.of(), Purpose.COLLECTION));
        String source = "DAILY_RUN " + uniqueId("R");

        List<Verdict> verdicts = gate.screen(requests, source);

        assertThat(verdicts).extracting(Verdict::allowed).containsExactly(true, true, true, false, true, true, false, false);
        assertThat(verdicts.get(3).codes()).extracting(Enum::name).containsExactly("DAILY_LIMIT");
        assertThat(verdicts.get(7).reasons().getFirst().rule()).isEqualTo("gate.request");
        assertThat(attempts("party_id", d.borrower())).as("screening reserves nothing").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM compliance_verdict WHERE source = ?").param(source)
                .query(Integer.class).single()).isEqualTo(8);
    }

    @Test // per-portfolio overrides as versioned data; the verdict names the profile and version that decided
    void portfolioOverride_changesTheCapForThatPortfolioOnly_andTheVerdictNamesTheProfileVersion() {
        String portfolio = uniqueId("PF");
        JsonNode current = api().get("/api/v1/config/compliance-profiles").json();
        tools.jackson.databind.node.ObjectNode next = (tools.jackson.databind.node.ObjectNode) current.deepCopy();
        next.remove("version");
        ((tools.jackson.databind.node.ObjectNode) next.get("portfolios")).putObject(portfolio).put("messagesPerPartyPerDay", 1);
        ApiClient.Response saved = api().put("/api/v1/config/compliance-profiles", next.toString());
        GateFixture.Debt inPortfolio = fixture.account("CN", "Asia/Shanghai", portfolio);
        GateFixture.Debt elsewhere = fixture.account("CN", "Asia/Shanghai");
        fixture.attempt(inPortfolio.account(), inPortfolio.borrower(), inPortfolio.mobile(), "SMS", "2026-11-20T09:00:00+08:00", "SENT");
        fixture.attempt(elsewhere.account(), elsewhere.borrower(), elsewhere.mobile(), "SMS", "2026-11-20T09:00:00+08:00", "SENT");

        JsonNode blocked = api().post("/api/v1/compliance/check", body(inPortfolio.account(), inPortfolio.borrower(),
                inPortfolio.mobile(), "SMS", "2026-11-20T10:00:00+08:00")).json();
        JsonNode allowed = api().post("/api/v1/compliance/check", body(elsewhere.account(), elsewhere.borrower(),
                elsewhere.mobile(), "SMS", "2026-11-20T10:00:00+08:00")).json();
        JsonNode effective = api().get("/api/v1/config/compliance-profiles/effective?jurisdiction=CN&portfolio=" + portfolio).json();

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        int version = saved.json().get("version").asInt();
        assertThat(version).isGreaterThan(current.get("version").asInt());
        assertThat(ComplianceRulesIT.codes(blocked)).containsExactly("DAILY_LIMIT");
        assertThat(blocked.get("profile").get("id").asString()).isEqualTo("CN/" + portfolio);
        assertThat(blocked.get("profile").get("version").asInt()).isEqualTo(version);
        assertThat(allowed.get("verdict").asString()).isEqualTo("ALLOW");
        assertThat(effective.get("messagesPerPartyPerDay").asInt()).isEqualTo(1);
        assertThat(effective.get("conversationsPerDebtorPerDay").asInt()).as("the rest stays the default").isEqualTo(3);
        String verdictId = blocked.get("verdictId").asString();
        assertThat(jdbc.sql("SELECT profile_id || ':' || profile_version FROM compliance_verdict WHERE verdict_id = ?")
                .param(verdictId).query(String.class).single()).isEqualTo("CN/" + portfolio + ":" + version);
    }

    @Test
    void invalidProfileDocumentsAreRefusedNamingTheField_andOnlyAdminOrComplianceMayChangeThem() {
        ApiClient.Response negative = api().put("/api/v1/config/compliance-profiles",
                "{\"jurisdictions\":{\"US\":{\"rollingCallAttemptCap\":-1}},\"portfolios\":{}}");
        ApiClient.Response unknownField = api().put("/api/v1/config/compliance-profiles",
                "{\"jurisdictions\":{},\"portfolios\":{\"p\":{\"smsPerDay\":2}}}");
        ApiClient.Response badZone = api().put("/api/v1/config/compliance-profiles",
                "{\"jurisdictions\":{\"CN\":{\"zones\":[\"Mars/Olympus\"]}},\"portfolios\":{}}");
        ApiClient.Response badHours = api().put("/api/v1/config/compliance-profiles",
                "{\"jurisdictions\":{\"UK\":{\"hours\":{\"start\":\"8\",\"end\":\"21:00\"}}},\"portfolios\":{}}");
        String agent = uniqueId("agent");
        users.createIfAbsent(agent, "agent-password-1", "Agent", Role.AGENT, "en");
        ApiClient.Response forbidden = api(agent, "agent-password-1").put("/api/v1/config/compliance-profiles",
                "{\"jurisdictions\":{},\"portfolios\":{}}");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asString()).isEqualTo("jurisdictions.US.rollingCallAttemptCap");
        assertThat(unknownField.json().get("field").asString()).isEqualTo("portfolios.p.smsPerDay");
        assertThat(badZone.json().get("field").asString()).isEqualTo("jurisdictions.CN.zones");
        assertThat(badHours.json().get("field").asString()).isEqualTo("jurisdictions.UK.hours.start");
        assertThat(forbidden.status()).isEqualTo(403);
    }

    @Test // issue 4 "Evidence": blocks by reason, by team and by template
    void report_countsBlocksByReasonTeamAndTemplate() {
        String lead = uniqueId("lead");
        String team = uniqueId("team");
        users.createIfAbsent(lead, "lead-password-1", "Lead", Role.TEAM_LEAD, "en");
        jdbc.sql("UPDATE app_user SET team = ? WHERE username = ?").params(team, lead).update();
        String templateId = uniqueId("tpl");
        GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
        new org.recoup.app.CaseAssignments(jdbc).ofAccount(d.account()).toTeam(team); // the lead's scope
        ApiClient asLead = api(lead, "lead-password-1");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        for (int i = 0; i < 2; i++) {
            asLead.post("/api/v1/compliance/check", body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T23:00:00+08:00",
                    "templateId", templateId, "content", "您好,请按时还款。"));
        }
        asLead.post("/api/v1/compliance/check", body(d.account(), d.borrower(), d.mobile(), "SMS", "2026-11-20T12:00:00+08:00",
                "templateId", templateId, "content", "您好,请按时还款。"));
        ApiClient.Response report = asLead.get("/api/v1/compliance/report?from=" + today.minusDays(1) + "&to=" + today);

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(count(report.json().get("byTeam"), team)).isEqualTo(2);
        assertThat(count(report.json().get("byTemplate"), templateId)).isEqualTo(2);
        assertThat(count(report.json().get("byReason"), "OUTSIDE_HOURS")).isGreaterThanOrEqualTo(2);
        assertThat(report.json().get("allowed").asLong()).isGreaterThanOrEqualTo(1);
    }

    private static long count(JsonNode groups, String key) {
        for (JsonNode g : groups) {
            if (g.get("key").asString().equals(key)) {
                return g.get("blocks").asLong();
            }
        }
        return 0;
    }

    @Test
    void everyComplianceEndpointIsInTheOpenApiDocument() {
        String docs = anonymous().get("/v3/api-docs").body();

        assertThat(docs).contains("\"/api/v1/compliance/check\"", "\"/api/v1/compliance/lint\"", "\"/api/v1/contacts\"",
                "\"/api/v1/contacts/{contactId}\"", "\"/api/v1/parties/{id}/holds\"", "\"/api/v1/parties/{id}/holds/{holdId}\"",
                "\"/api/v1/parties/{id}/contact-window\"", "\"/api/v1/config/compliance-profiles\"",
                "\"/api/v1/compliance/report\"", "\"/api/v1/templates/{id}\"", "CONTACT_BLOCKED");
    }

    @Test // templates are linted at save time; the shipped library is stored as version 1 and lints clean
    void templates_aThreateningTemplateIsRefusedWithFindings_aCleanOneIsStored_andUsableByItsId() {
        String id = uniqueId("reminder");

        ApiClient.Response refused = api().put("/api/v1/templates/" + id, GateFixture.json(Map.of("channel", "SMS",
                "text", "{name},再不还款我们将上门,后果自负!")));
        ApiClient.Response stored = api().put("/api/v1/templates/" + id, GateFixture.json(Map.of("channel", "SMS",
                "locale", "zh-CN", "text", "{name}您好,您的借款已到期,请及时还款。如有困难请致电{phone}协商。")));
        JsonNode shipped = api().get("/api/v1/templates").json();
        GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
        JsonNode viaTemplate = api().post("/api/v1/compliance/check", body(d.account(), d.borrower(), d.mobile(), "SMS",
                "2026-11-20T10:00:00+08:00", "templateId", id)).json();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("CONTENT_FINDINGS");
        assertThat(refused.json().get("findings").get(0).has("start")).isTrue();
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        shipped.forEach(t -> ids.add(t.get("id").asString()));
        assertThat(ids).contains("reminder.zh-CN", "reminder.en", "pre-legal-notice.zh-CN", "visit-notice.en", id);
        for (JsonNode t : shipped) {
            Map<String, Object> request = new java.util.HashMap<>(Map.of("text", t.get("text").asString()));
            if (t.hasNonNull("recipientRole")) {
                request.put("recipientRole", t.get("recipientRole").asString());
            }
            JsonNode lint = api().post("/api/v1/compliance/lint", GateFixture.json(request)).json();
            assertThat(lint.get("findings")).as(t.get("id").asString()).isEmpty();
        }
        assertThat(viaTemplate.get("verdict").asString()).isEqualTo("ALLOW");
    }
}

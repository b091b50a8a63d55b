package org.recoup.app.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.PtpStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Promises to pay through the API (contract §4) and the set-based API the daily run calls. */
class PromiseIT extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Promises promises;

    @Autowired
    org.recoup.app.portfolio.Accounts accounts;

    @Autowired
    org.recoup.app.security.UserAccounts users;

    private String account;
    private String borrower;

    @BeforeEach
    void anAccount() {
        account = new DebtFileFixture(jdbc).account(uniqueId("PTP")).installment(1, "2026-04-15", "1000.00", "0", "0").id();
        borrower = account + "-B";
    }

    private static String body(String partyId, String amount, LocalDate dueDate) {
        return """
                {"partyId":"%s","amount":%s,"dueDate":"%s","channel":"WECHAT"}""".formatted(partyId, amount, dueDate);
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    private ApiClient.Response capture(String body, Map<String, String> headers) {
        return api().post("/api/v1/accounts/" + account + "/promises", body, headers);
    }

    private String cachedStatus(String promiseId) {
        return jdbc.sql("SELECT status FROM promise WHERE promise_id = ?").param(promiseId).query(String.class).single();
    }

    private void addParty(String partyId, String role, boolean deceased) {
        jdbc.sql("INSERT INTO party (party_id, name, time_zone, deceased) VALUES (?, ?, 'Asia/Shanghai', ?)")
                .params(partyId, "Party " + partyId, deceased).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, ?)")
                .params(account, partyId, role).update();
    }

    @Test
    void aCapturedPromiseIsPendingAndListedWithItsAmountAndDates() {
        var created = capture(body(borrower, "500.50", today().plusDays(3)), Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode p = created.json();
        assertThat(p.get("promiseId").asString()).startsWith("PTP-");
        assertThat(p.get("status").asString()).isEqualTo("PENDING");
        assertThat(created.body()).contains("\"amount\":500.50").contains("\"currency\":\"CNY\"");
        assertThat(p.get("dueDate").asString()).isEqualTo(today().plusDays(3).toString());
        assertThat(p.get("channel").asString()).isEqualTo("WECHAT");
        assertThat(p.get("createdBy").asString()).isEqualTo("admin");

        var list = api().get("/api/v1/accounts/" + account + "/promises");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("promiseId")).isEqualTo(p.get("promiseId"));
        assertThat(jdbc.sql("SELECT amount_minor FROM promise WHERE promise_id = ?").param(p.get("promiseId").asString())
                .query(Long.class).single()).isEqualTo(50050L);
    }

    @Test
    void invalidCapturesAreRefusedNamingTheField() {
        addParty(account + "-EC", "EMERGENCY_CONTACT", false);
        var unknownAccount = api().post("/api/v1/accounts/NO-SUCH-ACCOUNT/promises", body(borrower, "1", today()), Map.of());
        assertThat(unknownAccount.status()).isEqualTo(404);

        var stranger = capture(body("NO-SUCH-PARTY", "1", today()), Map.of());
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.json().get("field").asString()).isEqualTo("partyId");

        var notLiable = capture(body(account + "-EC", "1", today()), Map.of());
        assertThat(notLiable.status()).isEqualTo(422);
        assertThat(notLiable.json().get("code").asString()).isEqualTo("PARTY_NOT_LIABLE");

        var tooPrecise = capture(body(borrower, "1.005", today()), Map.of());
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.json().get("field").asString()).isEqualTo("amount");

        var zero = capture(body(borrower, "0", today()), Map.of());
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("amount");

        var past = capture(body(borrower, "10", today().minusDays(1)), Map.of());
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("field").asString()).isEqualTo("dueDate");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE account_id = ?").param(account).query(Long.class).single())
                .isZero();
    }

    @Test
    void anHeirMayPromiseOnlyForADeceasedBorrowersEstate() {
        addParty(account + "-H", "HEIR", false);
        assertThat(capture(body(account + "-H", "10", today()), Map.of()).status()).isEqualTo(422);
        jdbc.sql("UPDATE party SET deceased = TRUE WHERE party_id = ?").param(borrower).update();
        assertThat(capture(body(account + "-H", "10", today()), Map.of()).status()).isEqualTo(201);
    }

    @Test
    void aRetriedCaptureWithTheSameKeyCreatesOnePromise() {
        String key = uniqueId("K");
        String request = body(borrower, "300.00", today().plusDays(2));
        var first = capture(request, Map.of("Idempotency-Key", key));
        var retry = capture(body(borrower, "300", today().plusDays(2)), Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("promiseId")).isEqualTo(first.json().get("promiseId"));
        var other = capture(body(borrower, "301.00", today().plusDays(2)), Map.of("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE account_id = ?").param(account).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateExactlyOnePromise() throws Exception {
        String key = uniqueId("K");
        String request = body(borrower, "250.00", today().plusDays(3));
        int n = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ApiClient.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return capture(request, Map.of("Idempotency-Key", key));
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (var answer : answers) {
                ApiClient.Response r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.toString()).isIn(200, 201);
                created += r.status() == 201 ? 1 : 0;
                ids.add(r.json().get("promiseId").asString());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE account_id = ?").param(account).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void onlyRolesThatWorkAccountsMayRecordPromises() {
        String user = uniqueId("agency").toLowerCase(java.util.Locale.ROOT);
        users.createIfAbsent(user, "agency-pass-1", "Agency", org.recoup.app.security.Role.AGENCY, "en");
        jdbc.sql("UPDATE app_user SET agency_id = ? WHERE username = ?").params(user, user).update();
        new org.recoup.app.CaseAssignments(jdbc).ofAccount(account).toAgency(null, user); // placed with the agency
        var refused = api(user, "agency-pass-1").post("/api/v1/accounts/" + account + "/promises",
                body(borrower, "10", today()), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api(user, "agency-pass-1").get("/api/v1/accounts/" + account + "/promises").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE account_id = ?").param(account).query(Long.class).single())
                .isZero();
    }

    @Test
    void aPostedPaymentThatCoversThePromiseKeepsItAndTheCachedStatusFollows() {
        String promiseId = capture(body(borrower, "200.00", today().plusDays(1)), Map.of()).json().get("promiseId").asString();
        var partial = api().post("/api/v1/payments", """
                {"accountId":"%s","paidAt":"%s","amount":120.00,"channel":"WECHAT"}""".formatted(account,
                OffsetDateTime.now(SHANGHAI)), Map.of("Idempotency-Key", uniqueId("PAY")));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
        JsonNode afterPartial = api().get("/api/v1/accounts/" + account + "/promises").json().get(0);
        assertThat(afterPartial.get("status").asString()).isEqualTo("PENDING");
        assertThat(afterPartial.get("paid").asDouble()).isEqualTo(120.0);

        api().post("/api/v1/payments", """
                {"accountId":"%s","paidAt":"%s","amount":80.00,"channel":"WECHAT"}""".formatted(account,
                OffsetDateTime.now(SHANGHAI)), Map.of("Idempotency-Key", uniqueId("PAY")));
        JsonNode kept = api().get("/api/v1/accounts/" + account + "/promises").json().get(0);
        assertThat(kept.get("status").asString()).isEqualTo("KEPT");
        assertThat(kept.get("resolvedOn").asString()).isEqualTo(today().toString());
        assertThat(cachedStatus(promiseId)).isEqualTo("KEPT");

        var cancelKept = api().post("/api/v1/accounts/" + account + "/promises/" + promiseId + "/cancel", "", Map.of());
        assertThat(cancelKept.status()).isEqualTo(409);
        assertThat(cancelKept.json().get("code").asString()).isEqualTo("PROMISE_RESOLVED");
    }

    @Test
    void aPendingPromiseCanBeCancelledOnce() {
        String promiseId = capture(body(borrower, "200.00", today().plusDays(4)), Map.of()).json().get("promiseId").asString();
        String path = "/api/v1/accounts/" + account + "/promises/" + promiseId + "/cancel";
        var cancelled = api().post(path, "", Map.of());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cachedStatus(promiseId)).isEqualTo("CANCELLED");
        var again = api().post(path, "", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("cancelledAt")).isEqualTo(cancelled.json().get("cancelledAt"));
        assertThat(api().post("/api/v1/accounts/" + account + "/promises/NOPE/cancel", "", Map.of()).status()).isEqualTo(404);
    }

    private void promise(String id, String amount, String dueDate, String promisedAt) {
        jdbc.sql("""
                        INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, promised_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'it')""")
                .params(id, account, borrower, DebtFileFixture.minor(amount), LocalDate.parse(dueDate),
                        Timestamp.from(OffsetDateTime.parse(promisedAt).toInstant()))
                .update();
    }

    @Test
    void historiesAreComputedAsOfTheDateFromPromisesAndPayments() {
        String other = new DebtFileFixture(jdbc).account(uniqueId("PTP")).id();
        promise(account + "-1", "100.00", "2026-10-05", "2026-10-01T10:00:00+08:00");
        promise(account + "-2", "100.00", "2026-10-12", "2026-10-08T10:00:00+08:00");
        new DebtFileFixture(jdbc).new AccountFixture(account)
                .payment(account + "-P1", "2026-10-04T12:00:00+08:00", "100.00")
                .payment(account + "-P2", "2026-10-12T23:30:00+08:00", "40.00");

        Map<String, PtpHistory> onThe10th = promises.histories(List.of(account, other), LocalDate.of(2026, 10, 10));
        assertThat(onThe10th).containsOnlyKeys(account);
        assertThat(onThe10th.get(account)).isEqualTo(new PtpHistory(2, 1, 0, PtpStatus.PENDING, 2, null));

        Map<String, PtpHistory> onThe14th = promises.histories(List.of(account, other), LocalDate.of(2026, 10, 14));
        assertThat(onThe14th.get(account)).isEqualTo(new PtpHistory(2, 1, 1, PtpStatus.BROKEN, null, 1));
        assertThat(onThe14th.getOrDefault(other, PtpHistory.NONE)).isEqualTo(PtpHistory.NONE);
        // before any promise was made
        assertThat(promises.histories(List.of(account), LocalDate.of(2026, 9, 30))).isEmpty();

        // the fast path from promises and payments the caller already holds gives the same history
        var snapshot = accounts.engineInput(account).orElseThrow();
        assertThat(promises.promisesOf(List.of(account, other))).containsOnlyKeys(account);
        assertThat(org.recoup.engine.promise.PromiseResolver.history(promises.promisesOf(List.of(account)).get(account),
                snapshot.payments(), LocalDate.of(2026, 10, 14), snapshot.account().zone(), promises.policy()))
                .isEqualTo(onThe14th.get(account));
    }

    @Test
    void resolveUpdatesTheCachedStatusesOfPendingPromises() {
        promise(account + "-1", "100.00", "2026-10-05", "2026-10-01T10:00:00+08:00");
        promise(account + "-2", "50.00", "2026-10-06", "2026-10-01T10:00:00+08:00");
        new DebtFileFixture(jdbc).new AccountFixture(account).payment(account + "-P", "2026-10-06T09:00:00+08:00", "20.00");
        int changed = promises.resolve(LocalDate.of(2026, 10, 7));
        assertThat(changed).isGreaterThanOrEqualTo(2);
        assertThat(cachedStatus(account + "-1")).isEqualTo("BROKEN");
        assertThat(cachedStatus(account + "-2")).isEqualTo("PARTIALLY_KEPT");
        assertThat(jdbc.sql("SELECT paid_minor FROM promise WHERE promise_id = ?").param(account + "-2")
                .query(Long.class).single()).isEqualTo(2000L);
        // nothing pending left on this account: a second resolve changes none of its rows
        promises.resolve(LocalDate.of(2026, 10, 7));
        assertThat(jdbc.sql("SELECT resolved_on FROM promise WHERE promise_id = ?").param(account + "-1")
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/accounts/{id}/promises")).isTrue();
        assertThat(paths.get("/api/v1/accounts/{id}/promises").has("post")).isTrue();
        assertThat(paths.get("/api/v1/accounts/{id}/promises").has("get")).isTrue();
        assertThat(paths.has("/api/v1/accounts/{id}/promises/{promiseId}/cancel")).isTrue();
        assertThat(paths.get("/api/v1/config/promise-policy").has("put")).isTrue();
    }

    @Test
    void thePromisePolicyIsVersionedAndValidatedOnSave() {
        var current = api().get("/api/v1/config/promise-policy");
        assertThat(current.status()).isEqualTo(200);
        int version = current.json().get("version").asInt();
        var bad = api().put("/api/v1/config/promise-policy", "{\"graceDays\": -1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("graceDays");
        var saved = api().put("/api/v1/config/promise-policy", "{\"graceDays\": 2}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(version + 1);
        assertThat(saved.json().get("graceDays").asInt()).isEqualTo(2);
        try {
            promise(account + "-1", "100.00", "2026-10-05", "2026-10-01T10:00:00+08:00");
            assertThat(promises.histories(List.of(account), LocalDate.of(2026, 10, 7)).get(account).lastStatus())
                    .isEqualTo(PtpStatus.PENDING);
        } finally {
            assertThat(api().put("/api/v1/config/promise-policy", "{\"graceDays\": 0}").status()).isEqualTo(200);
        }
    }
}

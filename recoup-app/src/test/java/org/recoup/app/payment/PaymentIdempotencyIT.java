package org.recoup.app.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PaymentIdempotencyIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    UserAccounts users;

    @Autowired
    PaymentPosting posting;

    @Autowired
    PlatformTransactionManager transactionManager;

    private String account;
    private final List<Posted> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> recorder = this::record;

    /** A PaymentPosted event as a listener saw it. */
    record Posted(PaymentPosted event, boolean inTransaction, long rowsVisible) {
    }

    @BeforeEach
    void anAccountAndAnEventRecorder() {
        account = uniqueId("L");
        jdbc.sql("INSERT INTO account (account_id, product, currency, principal_minor, open_date) "
                        + "VALUES (?, 'CONSUMER_LOAN', 'CNY', 1000000, ?)")
                .params(account, LocalDate.of(2026, 1, 1)).update();
        jdbc.sql("INSERT INTO party (party_id, name, gender, time_zone) VALUES (?, 'Borrower', 'U', 'Asia/Shanghai')")
                .param(account + "-B").update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'BORROWER')")
                .params(account, account + "-B").update();
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void removeRecorder() {
        context.removeApplicationListener(recorder);
    }

    private void record(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PaymentPosted posted
                && posted.accountId().equals(account)) {
            long visible = jdbc.sql("SELECT COUNT(*) FROM payment WHERE payment_id = ?").param(posted.paymentId())
                    .query(Long.class).single();
            published.add(new Posted(posted, TransactionSynchronizationManager.isActualTransactionActive(), visible));
        }
    }

    private String body(String amount) {
        return """
                {"accountId":"%s","paidAt":"2026-11-23T10:15:00+08:00","amount":%s,"channel":"WECHAT","reference":"WX-1"}"""
                .formatted(account, amount);
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private long paymentsOfAccount() {
        return jdbc.sql("SELECT COUNT(*) FROM payment WHERE account_id = ?").param(account).query(Long.class).single();
    }

    @Test
    void firstPostCreatesThePaymentAndARetryWithTheSameBodyAnswersTheOriginal() {
        String idempotencyKey = uniqueId("K");
        var created = api().post("/api/v1/payments", body("1060.00"), key(idempotencyKey));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode payment = created.json();
        assertThat(payment.get("paymentId").asString()).startsWith("PAY-");
        assertThat(payment.get("accountId").asString()).isEqualTo(account);
        assertThat(payment.get("paidAt").asString()).isEqualTo("2026-11-23T02:15:00Z");
        assertThat(created.body()).contains("\"amount\":1060.00");
        assertThat(payment.get("currency").asString()).isEqualTo("CNY");
        assertThat(payment.get("channel").asString()).isEqualTo("WECHAT");
        assertThat(payment.get("reference").asString()).isEqualTo("WX-1");

        String reordered = """
                {
                  "reference": "WX-1", "channel": "WECHAT",
                  "amount": 1060.0,
                  "paidAt": "2026-11-23T02:15:00Z", "accountId": "%s"
                }""".formatted(account);
        var retry = api().post("/api/v1/payments", reordered, key(idempotencyKey));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(payment);

        assertThat(paymentsOfAccount()).isEqualTo(1);
        var row = jdbc.sql("SELECT amount_minor, source, channel FROM payment WHERE payment_id = ?")
                .param(payment.get("paymentId").asString())
                .query((rs, i) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        assertThat(row).containsExactly(106000L, "API", "WECHAT");
    }

    @Test
    void reusingAKeyWithAnotherAmountIsAConflict() {
        String idempotencyKey = uniqueId("K");
        assertThat(api().post("/api/v1/payments", body("100.00"), key(idempotencyKey)).status()).isEqualTo(201);

        var reused = api().post("/api/v1/payments", body("100.01"), key(idempotencyKey));

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(paymentsOfAccount()).isEqualTo(1);
    }

    @Test
    void createdPaymentHasALocationThatAnswersIt() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .header("Idempotency-Key", uniqueId("K"))
                .POST(HttpRequest.BodyPublishers.ofString(body("5.00"))).build();
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        String paymentId = JSON.readTree(response.body()).get("paymentId").asString();
        assertThat(location).endsWith("/api/v1/payments/" + paymentId);

        var found = api().get(URI.create(location).getPath());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(JSON.readTree(response.body()));

        var listed = api().get("/api/v1/accounts/" + account + "/payments");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().get(0).get("paymentId").asString()).isEqualTo(paymentId);
    }

    @Test
    void paymentsOfAnUnknownAccountAreNotFound() {
        var missing = api().get("/api/v1/accounts/" + uniqueId("NOPE") + "/payments");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void keysAreScopedPerUser() {
        String agent = uniqueId("agent");
        users.createIfAbsent(agent, "agent-password", "Agent", Role.AGENT, "en");
        new org.recoup.app.CaseAssignments(jdbc).ofAccount(account).toAgent("payments-team", agent); // the agent's case
        String sharedKey = uniqueId("K");

        var byAdmin = api().post("/api/v1/payments", body("10.00"), key(sharedKey));
        var byAgent = api(agent, "agent-password").post("/api/v1/payments", body("20.00"), key(sharedKey));

        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAgent.status()).as(byAgent.toString()).isEqualTo(201);
        assertThat(byAgent.json().get("paymentId")).isNotEqualTo(byAdmin.json().get("paymentId"));
        assertThat(paymentsOfAccount()).isEqualTo(2);
    }

    @Test
    void postedPaymentIsPublishedOnceAfterCommit() {
        String idempotencyKey = uniqueId("K");
        var created = api().post("/api/v1/payments", body("42.50"), key(idempotencyKey));
        api().post("/api/v1/payments", body("42.50"), key(idempotencyKey));

        assertThat(published).hasSize(1);
        Posted posted = published.getFirst();
        assertThat(posted.event().paymentId()).isEqualTo(created.json().get("paymentId").asString());
        assertThat(posted.event().amountMinor()).isEqualTo(4250);
        assertThat(posted.event().currency().getCurrencyCode()).isEqualTo("CNY");
        assertThat(posted.event().paidAt()).hasToString("2026-11-23T02:15:00Z");
        assertThat(posted.inTransaction()).as("published outside the posting transaction").isFalse();
        assertThat(posted.rowsVisible()).as("payment committed when the event is published").isEqualTo(1);
    }

    /**
     * A collector whose password is stored without hashing: with bcrypt every request spends ~0.3 s of CPU before it
     * reaches the controller, which staggers "concurrent" requests so much that they rarely race.
     */
    private ApiClient fastAgent() {
        String name = uniqueId("racer");
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role) VALUES (?, '{noop}pw', ?, 'AGENT')")
                .params(name, name).update();
        new org.recoup.app.CaseAssignments(jdbc).ofAccount(account).toAgent("payments-team", name); // the agent's case
        return api(name, "pw");
    }

    @Test
    void concurrentDuplicatesCreateExactlyOnePayment() throws Exception {
        String idempotencyKey = uniqueId("K");
        ApiClient agent = fastAgent();
        List<ApiClient.Response> responses = concurrently(100, i -> agent.post("/api/v1/payments", body("99.99"),
                key(idempotencyKey)));

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(ApiClient.Response::status, Collectors.counting()));
        assertThat(byStatus).as(responses.stream().filter(r -> r.status() >= 300).limit(3).toList().toString())
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 200, 99L));
        Set<JsonNode> bodies = responses.stream().map(ApiClient.Response::json).collect(Collectors.toSet());
        assertThat(bodies).as("every answer is the same payment").hasSize(1);
        assertThat(paymentsOfAccount()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_request WHERE idempotency_key = ?").param(idempotencyKey)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void concurrentPostsWithDifferentKeysCreateOnePaymentEach() throws Exception {
        String prefix = uniqueId("K");
        ApiClient agent = fastAgent();
        List<ApiClient.Response> responses = concurrently(100, i -> agent.post("/api/v1/payments", body("1.00"),
                key(prefix + "-" + i)));

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(responses.stream().map(r -> r.json().get("paymentId").asString()).distinct()).hasSize(100);
        assertThat(paymentsOfAccount()).isEqualTo(100);
        assertThat(published).hasSize(100);
    }

    @Test
    void concurrentDuplicatesRacingPastTheLookupStillCreateOnePayment() throws Exception {
        // Below HTTP (whose password hashing staggers requests): all callers miss the lookup and race on the insert.
        String idempotencyKey = uniqueId("K");
        PaymentRequest request = JSON.readValue(body("7.77"), PaymentRequest.class);
        List<PaymentPosting.Outcome> outcomes = concurrently(100, i -> posting.post("admin", idempotencyKey, request));

        assertThat(outcomes.stream().filter(PaymentPosting.Outcome::created)).hasSize(1);
        assertThat(outcomes.stream().map(PaymentPosting.Outcome::payment).distinct()).hasSize(1);
        assertThat(paymentsOfAccount()).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void duplicatesOfAnUncommittedRequestAnswerItsPaymentOnceItCommits() throws Exception {
        String idempotencyKey = uniqueId("K");
        PaymentRequest request = JSON.readValue(body("3.00"), PaymentRequest.class);
        String heldPayment = uniqueId("PAY");

        List<PaymentPosting.Outcome> outcomes = whileAnotherTransactionHoldsTheKey(idempotencyKey, request, heldPayment,
                false, () -> concurrently(10, i -> posting.post("admin", idempotencyKey, request)));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.created()).isFalse();
            assertThat(outcome.payment().paymentId()).isEqualTo(heldPayment);
        });
        assertThat(paymentsOfAccount()).isEqualTo(1);
        assertThat(published).isEmpty();
    }

    @Test
    void keyOfARequestThatRolledBackIsFreeAgain() throws Exception {
        String idempotencyKey = uniqueId("K");
        PaymentRequest request = JSON.readValue(body("4.00"), PaymentRequest.class);

        List<PaymentPosting.Outcome> outcomes = whileAnotherTransactionHoldsTheKey(idempotencyKey, request,
                uniqueId("PAY"), true, () -> concurrently(10, i -> posting.post("admin", idempotencyKey, request)));

        assertThat(outcomes.stream().filter(PaymentPosting.Outcome::created)).hasSize(1);
        assertThat(outcomes.stream().map(o -> o.payment().paymentId()).distinct()).hasSize(1);
        assertThat(paymentsOfAccount()).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    /**
     * Inserts the idempotency record and payment of {@code request} in a transaction of its own, runs {@code posts}
     * while that transaction is open, and commits (or rolls back) it 300 ms later.
     */
    private <T> T whileAnotherTransactionHoldsTheKey(String idempotencyKey, PaymentRequest request, String paymentId,
                                                     boolean rollBack, Callable<T> posts) throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> held = holder.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                PaymentResponse response = new PaymentResponse(paymentId, account, request.paidAt().toInstant(),
                        request.amount(), "CNY", request.channel(), request.reference(), "API");
                jdbc.sql("""
                                INSERT INTO payment_request (requested_by, idempotency_key, request_hash, payment_id,
                                                             response_status, response_body, created_at)
                                VALUES ('admin', ?, ?, ?, 201, ?, CURRENT_TIMESTAMP)""")
                        .params(idempotencyKey, request.fingerprint(), paymentId, JSON.writeValueAsString(response))
                        .update();
                jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, source) VALUES (?, ?, ?, ?, 'API')")
                        .params(paymentId, account, request.paidAt(), request.amount().movePointRight(2).longValueExact())
                        .update();
                inserted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (rollBack) {
                    tx.setRollbackOnly();
                }
            }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            ExecutorService poster = Executors.newSingleThreadExecutor();
            try {
                Future<T> result = poster.submit(posts);
                Thread.sleep(300);
                release.countDown();
                held.get(30, TimeUnit.SECONDS);
                return result.get(2, TimeUnit.MINUTES);
            } finally {
                poster.shutdownNow();
            }
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    /** Runs {@code count} calls on 32 threads, all released at once by a start gate. */
    private static <T> List<T> concurrently(int count, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch ready = new CountDownLatch(Math.min(count, 32));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.apply(n);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

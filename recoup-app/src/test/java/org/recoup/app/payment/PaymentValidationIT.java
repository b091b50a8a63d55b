package org.recoup.app.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

class PaymentValidationIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    private String account;

    @BeforeEach
    void anAccountInCny() {
        account = insertAccount("CNY");
    }

    private String insertAccount(String currency) {
        String id = uniqueId("L");
        jdbc.sql("INSERT INTO account (account_id, product, currency, principal_minor, open_date) "
                        + "VALUES (?, 'CONSUMER_LOAN', ?, 1000000, ?)")
                .params(id, currency, LocalDate.of(2026, 1, 1)).update();
        return id;
    }

    private static String body(String accountId, String paidAt, String amount, String channel) {
        return """
                {"accountId":%s,"paidAt":%s,"amount":%s,"channel":%s}""".formatted(accountId, paidAt, amount, channel);
    }

    private String body(String paidAt, String amount, String channel) {
        return body("\"" + account + "\"", paidAt, amount, channel);
    }

    private static final String PAID_AT = "\"2026-11-23T10:00:00+08:00\"";

    private ApiClient.Response post(String json) {
        return api().post("/api/v1/payments", json, Map.of("Idempotency-Key", uniqueId("K")));
    }

    /** Asserts an RFC 9457 problem naming {@code field}, and that nothing was stored for the account. */
    private ApiClient.Response assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("field").asString("")).as(response.toString()).isEqualTo(field);
        assertThat(response.json().get("code").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE account_id = ?").param(account).query(Long.class).single())
                .isZero();
        return response;
    }

    @Test
    void missingIdempotencyKeyIsRejectedNamingTheHeader() {
        var response = api().post("/api/v1/payments", body(PAID_AT, "10.00", "\"CARD\""));
        assertProblem(response, 400, "Idempotency-Key");
        assertThat(response.json().get("code").asString()).isEqualTo("MISSING_HEADER");
    }

    @Test
    void missingIdempotencyKeyIsReportedBeforeAnInvalidBody() {
        assertProblem(api().post("/api/v1/payments", body(PAID_AT, "-1", "\"PIGEON\"")), 400, "Idempotency-Key");
    }

    @Test
    void overlongIdempotencyKeyIsRejectedNamingTheHeader() {
        var response = api().post("/api/v1/payments", body(PAID_AT, "10.00", "\"CARD\""),
                Map.of("Idempotency-Key", "k".repeat(256)));
        assertProblem(response, 400, "Idempotency-Key");
        assertThat(response.json().get("detail").asString()).contains("255");
    }

    @Test
    void zeroAmountIsRejected() {
        var response = assertProblem(post(body(PAID_AT, "0", "\"CARD\"")), 400, "amount");
        assertThat(response.json().get("detail").asString()).contains("greater than 0");
    }

    @Test
    void negativeAmountIsRejected() {
        var response = assertProblem(post(body(PAID_AT, "-10.00", "\"CARD\"")), 400, "amount");
        assertThat(response.json().get("detail").asString()).contains("greater than 0");
    }

    @Test
    void missingAmountIsRejected() {
        assertProblem(post("{\"accountId\":\"" + account + "\",\"paidAt\":" + PAID_AT + "}"), 400, "amount");
    }

    @Test
    void moreDecimalsThanTheCurrencyAllowsAreRejected() {
        var response = assertProblem(post(body(PAID_AT, "10.001", "\"CARD\"")), 400, "amount");
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_AMOUNT");
        assertThat(response.json().get("detail").asString()).contains("at most 2 decimals for CNY").contains("10.001");
    }

    @Test
    void decimalsFollowTheAccountCurrency() {
        String yenAccount = insertAccount("JPY");
        var fractionalYen = post(body("\"" + yenAccount + "\"", PAID_AT, "100.5", "\"CASH_AT_BRANCH\""));
        assertThat(fractionalYen.status()).isEqualTo(400);
        assertThat(fractionalYen.json().get("detail").asString()).contains("at most 0 decimals for JPY");

        var wholeYen = post(body("\"" + yenAccount + "\"", PAID_AT, "100", "\"CASH_AT_BRANCH\""));
        assertThat(wholeYen.status()).as(wholeYen.toString()).isEqualTo(201);
        assertThat(wholeYen.body()).contains("\"amount\":100,").contains("\"currency\":\"JPY\"");
        assertThat(jdbc.sql("SELECT amount_minor FROM payment WHERE account_id = ?").param(yenAccount)
                .query(Long.class).single()).isEqualTo(100);
    }

    @Test
    void amountThatIsNotANumberIsRejected() {
        var response = assertProblem(post(body(PAID_AT, "\"abc\"", "\"CARD\"")), 400, "amount");
        assertThat(response.json().get("detail").asString()).contains("decimal").contains("abc");
    }

    @Test
    void unknownChannelIsRejectedListingTheAllowedValues() {
        var response = assertProblem(post(body(PAID_AT, "10.00", "\"PIGEON\"")), 400, "channel");
        assertThat(response.json().get("detail").asString()).contains("PIGEON")
                .contains("BANK_TRANSFER", "CARD", "WECHAT", "ALIPAY", "CASH_AT_BRANCH", "OTHER");
    }

    @Test
    void unknownAccountIsUnprocessable() {
        var response = post(body("\"" + uniqueId("NOPE") + "\"", PAID_AT, "10.00", "\"CARD\""));
        assertProblem(response, 422, "accountId");
        assertThat(response.json().get("code").asString()).isEqualTo("UNKNOWN_ACCOUNT");
    }

    @Test
    void missingAccountIdIsRejected() {
        assertProblem(post("{\"paidAt\":" + PAID_AT + ",\"amount\":1}"), 400, "accountId");
    }

    @Test
    void paidAtThatIsNotAnInstantIsRejected() {
        var response = assertProblem(post(body("\"yesterday\"", "10.00", "\"CARD\"")), 400, "paidAt");
        assertThat(response.json().get("detail").asString()).contains("ISO-8601");
    }

    @Test
    void paidAtWithoutOffsetIsRejected() {
        assertProblem(post(body("\"2026-11-23T10:00:00\"", "10.00", "\"CARD\"")), 400, "paidAt");
    }

    @Test
    void paidAtAsEpochNumberIsRejected() {
        var response = assertProblem(post(body("1763863200", "10.00", "\"CARD\"")), 400, "paidAt");
        assertThat(response.json().get("detail").asString()).contains("ISO-8601");
    }

    @Test
    void bodyThatIsNotAnObjectIsRejected() {
        var response = post("[1]");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("the request body must be a JSON object");
    }

    @Test
    void missingPaidAtIsRejected() {
        assertProblem(post("{\"accountId\":\"" + account + "\",\"amount\":1}"), 400, "paidAt");
    }

    @Test
    void paidAtMoreThanAFewMinutesInTheFutureIsRejected() {
        String inAnHour = "\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"";
        var response = assertProblem(post(body(inAnHour, "10.00", "\"CARD\"")), 400, "paidAt");
        assertThat(response.json().get("code").asString()).isEqualTo("PAID_AT_IN_FUTURE");
    }

    @Test
    void paidAtAMomentAheadOfOurClockIsAccepted() {
        String inAMinute = "\"" + Instant.now().plus(1, ChronoUnit.MINUTES) + "\"";
        assertThat(post(body(inAMinute, "10.00", "\"CARD\"")).status()).isEqualTo(201);
    }

    @Test
    void malformedJsonIsRejected() {
        var response = post("{\"accountId\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_BODY");
    }

    @Test
    void aRejectedRequestLeavesItsKeyFreeForTheCorrectedRequest() {
        String key = uniqueId("K");
        var rejected = api().post("/api/v1/payments", body(PAID_AT, "0", "\"CARD\""), Map.of("Idempotency-Key", key));
        var corrected = api().post("/api/v1/payments", body(PAID_AT, "10.00", "\"CARD\""), Map.of("Idempotency-Key", key));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    }

    @Test
    void openApiDocumentDescribesPostingWithTheIdempotencyKeyHeader() {
        var docs = anonymous().get("/v3/api-docs").json();
        var post = docs.get("paths").get("/api/v1/payments").get("post");
        var header = post.get("parameters").get(0);
        assertThat(header.get("name").asString()).isEqualTo("Idempotency-Key");
        assertThat(header.get("in").asString()).isEqualTo("header");
        assertThat(header.get("required").asBoolean()).isTrue();
        assertThat(post.get("responses").propertyNames()).contains("201", "200", "400", "409", "422");
        assertThat(docs.get("paths").get("/api/v1/accounts/{id}/payments").has("get")).isTrue();
        assertThat(docs.get("components").get("schemas").get("PaymentRequest").get("required").toString())
                .contains("accountId", "paidAt", "amount");
    }

    @Test
    void onlyCollectionRolesMayPostPayments() {
        String auditor = uniqueId("compliance");
        users.createIfAbsent(auditor, "compliance-password", "Auditor", Role.COMPLIANCE, "en");
        var response = api(auditor, "compliance-password").post("/api/v1/payments", body(PAID_AT, "10.00", "\"CARD\""),
                Map.of("Idempotency-Key", uniqueId("K")));
        assertThat(response.status()).isEqualTo(403);
    }
}

package org.recoup.app.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statute of limitations per account, hand-computed: 3 years from the due date of the oldest unpaid instalment
 * (2023-01-10), restarted by a letter with a delivery receipt, a recorded promise, a partial payment; a letter without a
 * receipt does not interrupt; a lawsuit filed in time stops the clock.
 */
class LimitationIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    private static final String AS_OF = "2026-03-01";

    private String account() {
        return new DebtFileFixture(jdbc).account(uniqueId("L"))
                .installment(1, "2023-01-10", "1000.00", "60.00", "0")
                .installment(2, "2023-02-10", "1000.00", "60.00", "0").id();
    }

    private tools.jackson.databind.JsonNode limitation(String account, String asOf) {
        var r = api().get("/api/v1/accounts/" + account + "/limitation?asOf=" + asOf);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("limitation");
    }

    @Test
    void withoutInterruptionTheDebtIsTimeBarredThreeYearsAfterTheOldestUnpaidDueDate() {
        var l = limitation(account(), AS_OF);

        assertThat(l.get("runsFrom").asText()).isEqualTo("2023-01-10");
        assertThat(l.get("limitationDate").asText()).isEqualTo("2026-01-10");
        assertThat(l.get("daysLeft").asLong()).isEqualTo(-50);
        assertThat(l.get("status").asText()).isEqualTo("TIME_BARRED");
    }

    @Test
    void aLetterWithADeliveryReceiptRestartsThePeriodFromTheReceiptDate() {
        String account = account();
        String message = letter(account, "2024-05-20");

        var l = limitation(account, AS_OF);

        assertThat(l.get("limitationDate").asText()).isEqualTo("2027-05-20");
        assertThat(l.get("daysLeft").asLong()).isEqualTo(445); // 2026-03-01 → 2027-05-20
        assertThat(l.get("restartedBy").get("kind").asText()).isEqualTo("LETTER_RECEIPT");
        assertThat(l.get("restartedBy").get("evidence").asText()).isEqualTo("outbox_message:" + message);
        assertThat(l.get("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aLetterWithoutADeliveryReceiptDoesNotInterrupt() {
        String account = account();
        letter(account, null);

        var l = limitation(account, AS_OF);

        assertThat(l.get("limitationDate").asText()).isEqualTo("2026-01-10");
        assertThat(l.get("restartedBy").isNull()).isTrue();
        assertThat(l.get("status").asText()).isEqualTo("TIME_BARRED");
    }

    @Test
    void aRecordedPromiseRestartsThePeriodFromTheDayItWasMadeInTheDebtorsZone() {
        String account = account();
        // 2024-01-31 17:30 UTC is 2024-02-01 01:30 in Shanghai
        jdbc.sql("""
                        INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, promised_at, status,
                                             created_by) VALUES (?, ?, ?, 50000, ?, ?, 'BROKEN', 'it')""")
                .params(account + "-PR", account, account + "-B", LocalDate.parse("2024-02-10"),
                        Timestamp.from(OffsetDateTime.parse("2024-01-31T17:30:00Z").toInstant()))
                .update();

        var l = limitation(account, AS_OF);

        assertThat(l.get("limitationDate").asText()).isEqualTo("2027-02-01");
        assertThat(l.get("restartedBy").get("kind").asText()).isEqualTo("PROMISE");
        assertThat(l.get("restartedBy").get("evidence").asText()).isEqualTo("promise:" + account + "-PR");
    }

    @Test
    void aPartialPaymentRestartsThePeriodButTheOldestUnpaidInstalmentStaysTheStart() {
        String account = account();
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, 10000, "
                        + "'BANK_TRANSFER')")
                .params(account + "-P", account, Timestamp.from(OffsetDateTime.parse("2025-03-03T12:00:00+08:00").toInstant()))
                .update();

        var l = limitation(account, AS_OF);

        assertThat(l.get("runsFrom").asText()).isEqualTo("2023-01-10");
        assertThat(l.get("limitationDate").asText()).isEqualTo("2028-03-03");
        assertThat(l.get("restartedBy").get("kind").asText()).isEqualTo("PARTIAL_PAYMENT");
        assertThat(l.get("restartedBy").get("evidence").asText()).isEqualTo("payment:" + account + "-P");
    }

    @Test
    void paymentsCoveringTheFirstInstalmentMoveTheStartToTheNextUnpaidOne() {
        String account = account();
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, 106000, "
                        + "'BANK_TRANSFER')")
                .params(account + "-P", account, Timestamp.from(OffsetDateTime.parse("2023-01-09T12:00:00+08:00").toInstant()))
                .update();

        var l = limitation(account, "2025-06-01");

        assertThat(l.get("runsFrom").asText()).isEqualTo("2023-02-10");
        assertThat(l.get("limitationDate").asText()).isEqualTo("2026-02-10");
        assertThat(l.get("restartedBy").isNull()).as("a payment before the period started restarts nothing").isTrue();
    }

    @Test
    void theWarningListShowsApproachingAndTimeBarredDebtsAndDownloads() {
        String account = account();

        var approaching = api().get("/api/v1/legal/limitations?asOf=2025-11-01");
        assertThat(approaching.status()).isEqualTo(200);
        var row = find(approaching.json(), account);
        assertThat(row).isNotNull();
        assertThat(row.get("limitation").get("status").asText()).isEqualTo("APPROACHING");
        assertThat(row.get("limitation").get("daysLeft").asLong()).isEqualTo(70);

        assertThat(find(api().get("/api/v1/legal/limitations?asOf=2025-06-01").json(), account))
                .as("223 days left: not within the 90-day window").isNull();
        assertThat(find(api().get("/api/v1/legal/limitations?asOf=2026-02-01").json(), account).get("limitation")
                .get("status").asText()).isEqualTo("TIME_BARRED");

        var csv = api().get("/api/v1/legal/limitations?asOf=2025-11-01&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(account + ",C-" + account + "-B,APPROACHING,2023-01-10,2026-01-10,70");
    }

    @Test
    void thePeriodIsConfigurablePerProductAndAnInvalidPolicyIsRefused() {
        String card = new DebtFileFixture(jdbc).account(uniqueId("CC"), "CREDIT_CARD", "CNY", "5000.00", "2022-12-01",
                null, null, 0, "CN", "Asia/Shanghai").installment(1, "2023-01-10", "500.00", "0", "0").id();
        String before = api().get("/api/v1/config/limitation-policy").body();
        try {
            var bad = api().put("/api/v1/config/limitation-policy",
                    "{\"defaultYears\":3,\"warningDays\":90,\"rules\":[{\"product\":\"CREDIT_CARD\",\"years\":0}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("detail").asText()).contains("rules[0].years");

            var saved = api().put("/api/v1/config/limitation-policy", "{\"defaultYears\":3,\"warningDays\":90,"
                    + "\"rules\":[{\"jurisdiction\":\"CN\",\"years\":3},{\"jurisdiction\":\"CN\",\"product\":\"CREDIT_CARD\",\"years\":2}]}");
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

            assertThat(limitation(card, "2024-06-01").get("limitationDate").asText()).isEqualTo("2025-01-10");
        } finally {
            api().put("/api/v1/config/limitation-policy", before.replaceAll("\"version\":\\d+,?", ""));
        }
        assertThat(limitation(card, "2024-06-01").get("limitationDate").asText()).isEqualTo("2026-01-10");
    }

    @Test
    void anAccountOutOfTheCallersScopeIsNotFound() {
        String account = account();
        new org.recoup.app.CaseAssignments(jdbc).ofAccount(account).toTeam(uniqueId("team"));
        String outsider = uniqueId("agent");
        users.create(outsider, "limitation-it-password", new UserAccounts.UserFields(outsider, Role.AGENT, Tier.JUNIOR,
                uniqueId("other"), null, "en", true));

        assertThat(api(outsider, "limitation-it-password").get("/api/v1/accounts/" + account + "/limitation").status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/accounts/" + account + "/limitation").status()).isEqualTo(200);
    }

    private static tools.jackson.databind.JsonNode find(tools.jackson.databind.JsonNode rows, String account) {
        for (var r : rows) {
            if (r.get("accountId").asText().equals(account)) {
                return r;
            }
        }
        return null;
    }

    private String letter(String account, String receiptDate) {
        String id = uniqueId("M");
        jdbc.sql("""
                        INSERT INTO outbox_message (message_id, case_id, account_id, party_id, channel, body, source, status,
                                                    created_by, created_at, receipt_date, receipt_reference)
                        VALUES (?, ?, ?, ?, 'LETTER', '催款函', 'AGENT', 'SENT', 'it', ?, ?, ?)""")
                .params(id, "C-" + account + "-B", account, account + "-B",
                        Timestamp.from(OffsetDateTime.parse("2024-05-10T10:00:00+08:00").toInstant()),
                        receiptDate == null ? null : LocalDate.parse(receiptDate),
                        receiptDate == null ? null : "EMS-" + id)
                .update();
        return id;
    }
}

package org.recoup.app.payment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.recoup.engine.debt.PaymentChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment and payment_request tables. */
@Repository
class PaymentStore {

    /** An idempotency record: the request that created a payment and the answer it got. */
    record StoredRequest(String requestHash, String paymentId, int responseStatus, String responseBody) {
    }

    /** A stored payment; the amount in minor units of its account's currency. */
    record StoredPayment(String paymentId, String accountId, Instant paidAt, long amountMinor, PaymentChannel channel,
                         String reference, String source) {
    }

    private static final String PAYMENT_COLUMNS =
            "payment_id, account_id, paid_at, amount_minor, channel, reference, source";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredRequest> findRequest(String requestedBy, String idempotencyKey) {
        return jdbc.sql("""
                        SELECT request_hash, payment_id, response_status, response_body
                        FROM payment_request WHERE requested_by = ? AND idempotency_key = ?""")
                .params(requestedBy, idempotencyKey)
                .query((rs, i) -> new StoredRequest(rs.getString("request_hash").strip(), rs.getString("payment_id"),
                        rs.getInt("response_status"), rs.getString("response_body")))
                .optional();
    }

    /** Fails with {@link org.springframework.dao.DuplicateKeyException} when the user already used the key. */
    void insertRequest(String requestedBy, String idempotencyKey, String requestHash, String paymentId,
                       int responseStatus, String responseBody, Instant at) {
        jdbc.sql("""
                        INSERT INTO payment_request (requested_by, idempotency_key, request_hash, payment_id,
                                                     response_status, response_body, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(requestedBy, idempotencyKey, requestHash, paymentId, responseStatus, responseBody, utc(at))
                .update();
    }

    void insertPayment(StoredPayment payment) {
        jdbc.sql("""
                        INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel, reference, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(payment.paymentId(), payment.accountId(), utc(payment.paidAt()), payment.amountMinor(),
                        payment.channel().name(), payment.reference(), payment.source())
                .update();
    }

    Optional<StoredPayment> find(String paymentId) {
        return jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE payment_id = ?")
                .param(paymentId)
                .query((rs, i) -> payment(rs))
                .optional();
    }

    List<StoredPayment> forAccount(String accountId) {
        return jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE account_id = ? ORDER BY paid_at, payment_id")
                .param(accountId)
                .query((rs, i) -> payment(rs))
                .list();
    }

    private static StoredPayment payment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredPayment(rs.getString("payment_id"), rs.getString("account_id"),
                rs.getObject("paid_at", OffsetDateTime.class).toInstant(), rs.getLong("amount_minor"),
                PaymentChannel.valueOf(rs.getString("channel")), rs.getString("reference"), rs.getString("source"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

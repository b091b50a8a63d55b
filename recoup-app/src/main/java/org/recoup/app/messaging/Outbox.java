package org.recoup.app.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.engine.compliance.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbox_message} table (with {@code outbox_letter} and {@code simulated_delivery}): reads and writes. */
@Repository
class Outbox {

    static final String COLUMNS = """
            o.message_id, o.case_id, o.account_id, o.party_id, o.contact_point_id, o.channel, o.template_id, o.locale,
            o.recipient, o.subject, o.body, o.status, o.attempts, o.next_attempt_at, o.gateway, o.provider_id, o.last_error,
            o.source, o.run_as_of, o.run_action, o.created_by, o.created_at, o.sent_at, o.delivered_at, o.failed_at,
            o.receipt_reference, o.receipt_date, o.receipt_recorded_by, o.receipt_recorded_at,
            (SELECT COUNT(*) FROM outbox_letter l WHERE l.message_id = o.message_id), o.contact_id, o.verdict_id""";

    /** A new row. */
    record NewMessage(String messageId, String clientKey, String requestHash, String caseId, String accountId,
                      String partyId, String contactPointId, Channel channel, String templateId, String locale,
                      String recipient, String subject, String body, String contactId, String verdictId, String source,
                      LocalDate runAsOf, String runAction, String status, Instant nextAttemptAt, String lastError,
                      String createdBy, Instant createdAt) {
    }

    /** Filters of the outbox list; null means any. {@code scope}: whose cases (null: every case). */
    record Filter(String status, Channel channel, String caseId, Actor scope, int limit) {
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewMessage m) {
        jdbc.sql("""
                INSERT INTO outbox_message (message_id, client_key, request_hash, case_id, account_id, party_id,
                    contact_point_id, channel, template_id, locale, recipient, subject, body, contact_id, verdict_id, source,
                    run_as_of, run_action, status, next_attempt_at, last_error, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.messageId(), m.clientKey(), m.requestHash(), m.caseId(), m.accountId(), m.partyId(),
                        m.contactPointId(), m.channel().name(), m.templateId(), m.locale(), m.recipient(), m.subject(),
                        m.body(), m.contactId(), m.verdictId(), m.source(), m.runAsOf(), m.runAction(), m.status(),
                        ts(m.nextAttemptAt()), m.lastError(), m.createdBy(), ts(m.createdAt()))
                .update();
    }

    void insertLetter(String messageId, byte[] pdf, String sha256, Instant at) {
        jdbc.sql("INSERT INTO outbox_letter (message_id, pdf, sha256, rendered_at) VALUES (?, ?, ?, ?)")
                .params(messageId, pdf, sha256, ts(at)).update();
    }

    Optional<byte[]> letterPdf(String messageId) {
        return jdbc.sql("SELECT pdf FROM outbox_letter WHERE message_id = ?").param(messageId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<OutboxMessage> find(String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message o WHERE o.message_id = ?").param(messageId)
                .query(Outbox::row).optional();
    }

    /** The message a client key names, with the fingerprint of the request that created it. */
    Optional<Keyed> byClientKey(String clientKey) {
        return jdbc.sql("SELECT o.message_id, o.request_hash FROM outbox_message o WHERE o.client_key = ?")
                .param(clientKey).query((rs, n) -> new Keyed(rs.getString(1), rs.getString(2))).optional();
    }

    record Keyed(String messageId, String requestHash) {
    }

    List<OutboxMessage> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outbox_message o WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.status() != null) {
            sql.append(" AND o.status = ?");
            params.add(f.status());
        }
        if (f.channel() != null) {
            sql.append(" AND o.channel = ?");
            params.add(f.channel().name());
        }
        if (f.caseId() != null) {
            sql.append(" AND o.case_id = ?");
            params.add(f.caseId());
        }
        if (f.scope() != null && !f.scope().seesEveryCase()) {
            CaseScope.Filter scope = CaseScope.sqlFilter(f.scope(), "o.case_id");
            sql.append(" AND ").append(scope.sql());
            params.addAll(scope.params());
        }
        sql.append(" ORDER BY o.created_at DESC, o.message_id DESC FETCH FIRST ").append(Math.max(1, f.limit()))
                .append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query(Outbox::row).list();
    }

    /** What the simulated gateway stored, newest first. */
    record Simulated(String messageId, String channel, String recipient, String subject, String body, String providerId,
                     Instant sentAt) {
    }

    List<Simulated> simulated(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT message_id, channel, recipient, subject, body, provider_id, sent_at FROM simulated_delivery "
                        + "WHERE message_id IN (" + String.join(",", messageIds.stream().map(m -> "?").toList())
                        + ") ORDER BY sent_at DESC, message_id")
                .params(new ArrayList<Object>(messageIds))
                .query((rs, n) -> new Simulated(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs, 7)))
                .list();
    }

    /** Records a letter's delivery receipt; false when no letter has this id. */
    boolean receipt(String messageId, String reference, LocalDate date, String by, Instant at) {
        return jdbc.sql("""
                UPDATE outbox_message SET receipt_reference = ?, receipt_date = ?, receipt_recorded_by = ?,
                    receipt_recorded_at = ?, status = CASE WHEN status = 'SENT' THEN 'DELIVERED' ELSE status END,
                    delivered_at = CASE WHEN status = 'SENT' THEN ? ELSE delivered_at END
                WHERE message_id = ? AND channel = 'LETTER'""")
                .params(reference, date, by, ts(at), ts(at), messageId).update() == 1;
    }

    static OutboxMessage row(ResultSet rs, int n) throws SQLException {
        String id = rs.getString(1);
        return new OutboxMessage(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Channel.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getInt(13), instant(rs, 14), rs.getString(15), rs.getString(16),
                rs.getString(17), rs.getString(18), rs.getObject(19, LocalDate.class), rs.getString(20), rs.getString(21),
                instant(rs, 22), instant(rs, 23), instant(rs, 24), instant(rs, 25), rs.getString(26),
                rs.getObject(27, LocalDate.class), rs.getString(28), instant(rs, 29),
                rs.getLong(30) > 0 ? "/api/v1/outbox/" + id + "/letter.pdf" : null, rs.getString(31), rs.getString(32));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}

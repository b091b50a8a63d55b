package org.recoup.app.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.recoup.app.compliance.GatedContacts;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands QUEUED messages to their gateways. Each pass <b>claims</b> its messages first — one {@code UPDATE … SET
 * status = 'SENDING', claimed_by = <pass> WHERE status = 'QUEUED'} — so that of several dispatchers (threads or
 * servers) exactly one gets each message; only then does it call the gateway, outside any transaction, and record the
 * result on the rows it claimed. A temporary failure puts the message back in the queue with exponential backoff until
 * {@code max-attempts}; a permanent one fails it. A message left SENDING longer than {@code stale-after} (its
 * dispatcher died mid-send) is failed as "outcome unknown", never sent again: a debtor must not get a message twice.
 */
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** What one pass did. */
    record Pass(int claimed, int sent, int retried, int failed, int stale) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final GatedContacts contacts;
    private final java.util.function.Function<Channel, MessageGateway> gateways;
    private final MessagingProperties.Dispatch config;
    private final Clock clock;

    OutboxDispatcher(JdbcClient jdbc, Outbox outbox, GatedContacts contacts,
                     java.util.function.Function<Channel, MessageGateway> gateways, MessagingProperties.Dispatch config,
                     Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.contacts = contacts;
        this.gateways = gateways;
        this.config = config;
        this.clock = clock;
    }

    /** One pass over at most {@code limit} due messages. */
    Pass dispatch(int limit) {
        Instant now = clock.instant();
        int stale = failStale(now);
        List<String> due = jdbc.sql("""
                        SELECT message_id FROM outbox_message
                        WHERE status = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                        ORDER BY next_attempt_at, message_id FETCH FIRST ? ROWS ONLY""")
                .params(Timestamp.from(now), limit).query(String.class).list();
        if (due.isEmpty()) {
            return new Pass(0, 0, 0, 0, stale);
        }
        String pass = "D-" + UUID.randomUUID();
        int claimedRows;
        try {
            claimedRows = jdbc.sql("UPDATE outbox_message SET status = 'SENDING', claimed_by = ?, claimed_at = ?, "
                            + "attempts = attempts + 1 WHERE status = 'QUEUED' AND message_id IN ("
                            + String.join(",", due.stream().map(id -> "?").toList()) + ")")
                    .params(params(pass, Timestamp.from(now), due)).update();
        } catch (DataAccessException contended) { // another dispatcher holds these rows: they are its to send
            log.debug("claim contended, leaving the batch to the other dispatcher: {}", contended.getMessage());
            return new Pass(0, 0, 0, 0, stale);
        }
        if (claimedRows == 0) {
            return new Pass(0, 0, 0, 0, stale);
        }
        record Claimed(String messageId, Channel channel, String recipient, String subject, String body, int attempts,
                       String contactId) {
        }
        List<Claimed> claimed = jdbc.sql("""
                        SELECT message_id, channel, recipient, subject, body, attempts, contact_id FROM outbox_message
                        WHERE claimed_by = ? AND status = 'SENDING' ORDER BY message_id""")
                .param(pass)
                .query((rs, n) -> new Claimed(rs.getString(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)))
                .list();
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (Claimed c : claimed) {
            MessageGateway gateway = gateways.apply(c.channel());
            byte[] pdf = c.channel() == Channel.LETTER ? outbox.letterPdf(c.messageId()).orElse(null) : null;
            MessageGateway.Delivery delivery;
            try {
                delivery = gateway.send(new MessageGateway.OutgoingMessage(c.messageId(), c.channel(), c.recipient(),
                        c.subject(), c.body(), pdf));
            } catch (RuntimeException e) { // a gateway that throws has not said whether it sent: do not send again
                log.warn("gateway {} threw for message {}", gateway.name(), c.messageId(), e);
                delivery = MessageGateway.Delivery.failed("gateway error, outcome unknown (not retried): " + e);
            }
            Instant at = clock.instant();
            switch (delivery.result()) {
                case SENT, DELIVERED -> {
                    boolean delivered = delivery.result() == MessageGateway.Delivery.Result.DELIVERED;
                    jdbc.sql("""
                            UPDATE outbox_message SET status = ?, gateway = ?, provider_id = ?, sent_at = ?,
                                delivered_at = ?, last_error = NULL, next_attempt_at = NULL
                            WHERE message_id = ? AND claimed_by = ? AND status = 'SENDING'""")
                            .params(delivered ? "DELIVERED" : "SENT", gateway.name(), delivery.providerId(),
                                    Timestamp.from(at), delivered ? Timestamp.from(at) : null, c.messageId(), pass)
                            .update();
                    if (delivered && c.contactId() != null) {
                        contacts.messageOutcome(c.contactId(), Outcome.DELIVERED);
                    }
                    sent++;
                }
                case RETRY -> {
                    if (c.attempts() >= config.getMaxAttempts()) {
                        fail(c.messageId(), c.contactId(), pass, gateway.name(), "gave up after " + c.attempts()
                                + " attempts: " + delivery.error(), at);
                        failed++;
                    } else {
                        jdbc.sql("""
                                UPDATE outbox_message SET status = 'QUEUED', gateway = ?, last_error = ?, next_attempt_at = ?,
                                    claimed_by = NULL, claimed_at = NULL
                                WHERE message_id = ? AND claimed_by = ? AND status = 'SENDING'""")
                                .params(gateway.name(), truncate(delivery.error()),
                                        Timestamp.from(at.plus(backoff(c.attempts()))), c.messageId(), pass)
                                .update();
                        retried++;
                    }
                }
                case FAILED -> {
                    fail(c.messageId(), c.contactId(), pass, gateway.name(), delivery.error(), at);
                    failed++;
                }
            }
        }
        return new Pass(claimed.size(), sent, retried, failed, stale);
    }

    /** The wait before attempt {@code attempts + 1}: backoff × 2^(attempts − 1), at most max-backoff. */
    Duration backoff(int attempts) {
        Duration d = config.getBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(config.getMaxBackoff()) > 0 ? config.getMaxBackoff() : d;
    }

    private void fail(String messageId, String contactId, String pass, String gateway, String error, Instant at) {
        int updated = jdbc.sql("""
                UPDATE outbox_message SET status = 'FAILED', gateway = ?, last_error = ?, failed_at = ?, next_attempt_at = NULL
                WHERE message_id = ? AND claimed_by = ? AND status = 'SENDING'""")
                .params(gateway, truncate(error), Timestamp.from(at), messageId, pass).update();
        if (updated == 1 && contactId != null) {
            contacts.messageOutcome(contactId, Outcome.FAILED);
        }
    }

    private int failStale(Instant now) {
        int n = jdbc.sql("""
                UPDATE outbox_message SET status = 'FAILED', failed_at = ?, next_attempt_at = NULL,
                    last_error = 'outcome unknown: the dispatcher stopped while sending; not retried so that it is never sent twice'
                WHERE status = 'SENDING' AND claimed_at < ?""")
                .params(Timestamp.from(now), Timestamp.from(now.minus(config.getStaleAfter()))).update();
        if (n > 0) {
            log.warn("{} message(s) left SENDING for more than {} failed as outcome unknown", n, config.getStaleAfter());
        }
        return n;
    }

    private static Object[] params(String pass, Timestamp at, List<String> ids) {
        List<Object> p = new ArrayList<>(ids.size() + 2);
        p.add(pass);
        p.add(at);
        p.addAll(ids);
        return p.toArray();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    /** The business dates whose planned messages are still sent: today and the {@code days − 1} before. */
    static List<LocalDate> runDates(LocalDate today, int days) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < Math.max(days, 1); i++) {
            dates.add(today.minusDays(i));
        }
        return dates;
    }
}

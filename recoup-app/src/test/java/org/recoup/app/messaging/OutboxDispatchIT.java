package org.recoup.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.compliance.GatedContacts;
import org.springframework.beans.factory.annotation.Autowired;

/** The dispatcher: claims before sending, retries with backoff, fails for good, never sends a message twice. */
class OutboxDispatchIT extends IntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    GatedContacts contacts;

    /** A clock the test moves, in microseconds as the databases store instants. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static MessagingProperties.Dispatch config() {
        MessagingProperties.Dispatch d = new MessagingProperties.Dispatch();
        d.setMaxAttempts(3);
        d.setBackoff(Duration.ofMinutes(1));
        d.setMaxBackoff(Duration.ofMinutes(10));
        return d;
    }

    private OutboxDispatcher dispatcher(MessageGateway gateway, Clock clock) {
        return new OutboxDispatcher(jdbc, outbox, contacts, channel -> gateway, config(), clock);
    }

    private String queued(String caseId) {
        String id = uniqueId("M");
        jdbc.sql("""
                INSERT INTO outbox_message (message_id, case_id, account_id, party_id, channel, recipient, body, source,
                    status, next_attempt_at, created_by, created_at)
                VALUES (?, ?, 'L-x', 'P-x', 'SMS', '+8613900000000', 'text', 'AGENT', 'QUEUED', ?, 'it', ?)""")
                .params(id, caseId, Timestamp.from(Instant.now().minusSeconds(5)), Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private String status(String messageId) {
        return jdbc.sql("SELECT status FROM outbox_message WHERE message_id = ?").param(messageId).query(String.class).single();
    }

    @Test
    void aTemporaryFailureIsRetriedAfterTheBackoff_thenSent() throws Exception {
        TestClock clock = new TestClock();
        String id = queued(uniqueId("C"));
        try (SmsStub stub = new SmsStub(503, 200)) {
            OutboxDispatcher d = dispatcher(new HttpSmsGateway(stub.config()), clock);

            Instant first = clock.instant();
            d.dispatch(1000);
            String afterFirst = status(id);
            Instant next = jdbc.sql("SELECT next_attempt_at FROM outbox_message WHERE message_id = ?").param(id)
                    .query(Timestamp.class).single().toInstant();
            d.dispatch(1000); // not due yet: the backoff holds it back
            int callsBeforeDue = (int) stub.received.stream().filter(r -> id.equals(r.idempotencyKey())).count();
            clock.now.set(clock.instant().plus(Duration.ofMinutes(1)).plusSeconds(1));
            d.dispatch(1000);

            assertThat(afterFirst).isEqualTo("QUEUED");
            assertThat(next).isEqualTo(first.plus(Duration.ofMinutes(1)));
            assertThat(callsBeforeDue).isEqualTo(1);
            assertThat(status(id)).isEqualTo("SENT");
            assertThat(stub.received.stream().filter(r -> id.equals(r.idempotencyKey()))).hasSize(2);
            Map<String, Object> row = jdbc.sql("SELECT attempts, provider_id, gateway, last_error FROM outbox_message "
                    + "WHERE message_id = ?").param(id).query().singleRow();
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
            assertThat(row.get("provider_id")).isNotNull();
            assertThat(row.get("gateway")).isEqualTo("http");
            assertThat(row.get("last_error")).isNull();
        }
    }

    @Test
    void aPermanentFailureIsNotRetried_andTheContactAttemptSaysFailed() throws Exception {
        MessagingFixture.Case c = new MessagingFixture(jdbc).create(uniqueId("MDF"));
        String id = api().post("/api/v1/cases/" + c.caseId() + "/messages", MessagingIT.sms(c),
                Map.of("Idempotency-Key", uniqueId("key"))).json().get("messageId").asString();
        TestClock clock = new TestClock();
        try (SmsStub stub = new SmsStub(400)) {
            OutboxDispatcher d = dispatcher(new HttpSmsGateway(stub.config()), clock);

            d.dispatch(1000);
            clock.now.set(clock.instant().plus(Duration.ofHours(2)));
            d.dispatch(1000);

            assertThat(status(id)).isEqualTo("FAILED");
            assertThat(stub.received.stream().filter(r -> id.equals(r.idempotencyKey()))).hasSize(1);
            assertThat(jdbc.sql("SELECT last_error FROM outbox_message WHERE message_id = ?").param(id).query(String.class)
                    .single()).contains("400");
            assertThat(jdbc.sql("SELECT outcome FROM contact_attempt WHERE contact_id = ?").param(id).query(String.class)
                    .single()).isEqualTo("FAILED");
        }
    }

    @Test
    void retriesStopAfterMaxAttempts() throws Exception {
        TestClock clock = new TestClock();
        String id = queued(uniqueId("C"));
        try (SmsStub stub = new SmsStub(500)) {
            OutboxDispatcher d = dispatcher(new HttpSmsGateway(stub.config()), clock);
            for (int i = 0; i < 6; i++) {
                d.dispatch(1000);
                clock.now.set(clock.instant().plus(Duration.ofMinutes(11)));
            }

            assertThat(status(id)).isEqualTo("FAILED");
            assertThat(stub.received.stream().filter(r -> id.equals(r.idempotencyKey()))).hasSize(3);
            assertThat(jdbc.sql("SELECT last_error FROM outbox_message WHERE message_id = ?").param(id).query(String.class)
                    .single()).startsWith("gave up after 3 attempts");
        }
    }

    @Test
    void concurrentDispatchersNeverSendAMessageTwice() throws Exception {
        String caseId = uniqueId("C");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(queued(caseId));
        }
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        MessageGateway counting = new MessageGateway() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public Delivery send(OutgoingMessage m) {
                sends.computeIfAbsent(m.messageId(), k -> new AtomicInteger()).incrementAndGet();
                return Delivery.sent("C-" + m.messageId());
            }
        };
        Clock clock = Clock.systemUTC();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> dispatchers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                dispatchers.add(() -> {
                    OutboxDispatcher d = dispatcher(counting, clock);
                    int claimed = 0;
                    for (int pass = 0; pass < 40; pass++) {
                        claimed += d.dispatch(7).claimed();
                    }
                    return claimed;
                });
            }
            pool.invokeAll(dispatchers).forEach(f -> {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            pool.shutdown();
        }
        dispatcher(counting, clock).dispatch(1000); // whatever contention left behind

        for (String id : ids) {
            assertThat(sends.get(id)).as("sends of " + id).isNotNull();
            assertThat(sends.get(id).get()).as("sends of " + id).isEqualTo(1);
            assertThat(status(id)).isEqualTo("SENT");
        }
    }

    @Test
    void aMessageLeftSendingByADeadDispatcherIsFailedAsUnknown_neverSentAgain() {
        String id = queued(uniqueId("C"));
        jdbc.sql("UPDATE outbox_message SET status = 'SENDING', claimed_by = 'D-dead', claimed_at = ?, attempts = 1 "
                + "WHERE message_id = ?").params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), id).update();
        AtomicInteger calls = new AtomicInteger();
        MessageGateway gateway = new MessageGateway() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public Delivery send(OutgoingMessage m) {
                if (m.messageId().equals(id)) {
                    calls.incrementAndGet();
                }
                return Delivery.sent("x");
            }
        };

        OutboxDispatcher.Pass pass = dispatcher(gateway, Clock.systemUTC()).dispatch(1000);

        assertThat(pass.stale()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(calls.get()).isZero();
        assertThat(jdbc.sql("SELECT last_error FROM outbox_message WHERE message_id = ?").param(id).query(String.class)
                .single()).startsWith("outcome unknown");
    }

    @Test
    void theBackoffDoublesUpToTheMaximum() {
        OutboxDispatcher d = dispatcher(null, Clock.systemUTC());

        assertThat(d.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(d.backoff(9)).isEqualTo(Duration.ofMinutes(10));
    }
}

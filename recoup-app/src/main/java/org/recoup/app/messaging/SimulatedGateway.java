package org.recoup.app.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default gateway: delivers nothing, stores what would have been sent in {@code simulated_delivery} (shown on
 * the outbox page). A message can be stored once only, so a second send of the same message would fail loudly.
 */
class SimulatedGateway implements MessageGateway {

    private final JdbcClient jdbc;
    private final Clock clock;

    SimulatedGateway(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Delivery send(OutgoingMessage m) {
        String providerId = "SIM-" + m.messageId();
        jdbc.sql("""
                INSERT INTO simulated_delivery (message_id, channel, recipient, subject, body, provider_id, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.messageId(), m.channel().name(), m.recipient(), m.subject(), m.body(), providerId,
                        Timestamp.from(clock.instant()))
                .update();
        return Delivery.sent(providerId);
    }
}

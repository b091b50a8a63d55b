package org.recoup.app.messaging;

import java.time.Clock;
import java.time.LocalDate;
import org.recoup.app.compliance.GatedContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox: takes the daily run's due planned messages into it, then hands QUEUED messages to the gateways.
 * Scheduled every {@code recoup.messaging.dispatch.interval} (when {@code enabled}) and callable
 * ({@code POST /api/v1/outbox/dispatch}); any number of passes may run at once (see {@link OutboxDispatcher}).
 */
@Component
class Dispatching {

    private static final Logger log = LoggerFactory.getLogger(Dispatching.class);

    /** What a call did: planned messages taken in, and the dispatcher's passes summed. */
    record Summary(int enqueued, int claimed, int sent, int retried, int failed, int stale) {
    }

    private final OutboxDispatcher dispatcher;
    private final MessageSending sending;
    private final RunActions runActions;
    private final MessagingProperties.Dispatch config;
    private final Clock clock;

    Dispatching(JdbcClient jdbc, Outbox outbox, GatedContacts contacts, MessageGateways gateways,
                MessagingProperties properties, MessageSending sending, RunActions runActions,
                ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.config = properties.getDispatch();
        this.dispatcher = new OutboxDispatcher(jdbc, outbox, contacts, gateways::of, config, this.clock);
        this.sending = sending;
        this.runActions = runActions;
    }

    @Scheduled(fixedDelayString = "${recoup.messaging.dispatch.interval:PT30S}",
            initialDelayString = "${recoup.messaging.dispatch.interval:PT30S}")
    void scheduled() {
        if (!config.isEnabled()) {
            return;
        }
        try {
            Summary s = run(null);
            if (s.enqueued() + s.claimed() + s.stale() > 0) {
                log.info("outbox: {}", s);
            }
        } catch (RuntimeException e) {
            log.error("outbox dispatch failed; retried at the next interval", e);
        }
    }

    /**
     * Takes in the due planned messages of {@code asOf} (null: of the last {@code run-action-days} business dates),
     * then dispatches until no due message is left (at most 50 passes).
     */
    Summary run(LocalDate asOf) {
        int enqueued = 0;
        for (LocalDate date : asOf != null ? java.util.List.of(asOf)
                : OutboxDispatcher.runDates(LocalDate.now(clock), config.getRunActionDays())) {
            enqueued += enqueue(date);
        }
        int claimed = 0;
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int stale = 0;
        for (int i = 0; i < 50; i++) {
            OutboxDispatcher.Pass p = dispatcher.dispatch(config.getBatchSize());
            claimed += p.claimed();
            sent += p.sent();
            retried += p.retried();
            failed += p.failed();
            stale += p.stale();
            if (p.claimed() == 0) {
                break;
            }
        }
        return new Summary(enqueued, claimed, sent, retried, failed, stale);
    }

    private int enqueue(LocalDate asOf) {
        int n = 0;
        while (true) {
            var due = runActions.due(asOf, clock.instant(), 200);
            int before = n;
            for (RunActions.Planned p : due) {
                try {
                    if (sending.enqueueRunAction(p)) {
                        n++;
                    }
                } catch (RuntimeException e) { // e.g. the letter font is missing: keep the action for the next pass
                    log.error("planned message {} {} {} not taken into the outbox; retried at the next pass: {}",
                            p.asOf(), p.caseId(), p.action(), e.getMessage());
                }
            }
            if (due.size() < 200 || n == before) { // a full page that took nothing in would come back unchanged
                return n;
            }
        }
    }
}

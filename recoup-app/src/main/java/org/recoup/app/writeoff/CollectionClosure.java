package org.recoup.app.writeoff;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes closed accounts out of the active strategy with the least change to the daily run: the run still computes
 * their states and decisions (the history and the bureau file need them), but right after it completes — before the
 * work queue is rebuilt and before the outbox reads the plan — every action planned for a case whose accounts are all
 * closed for collection (charged off, or sold and not bought back) is set to {@code DROPPED} with the reason
 * {@value #REASON}. The queue and the outbox only take PLANNED and DEFERRED actions.
 */
@Component
class CollectionClosure {

    static final String REASON = "CLOSED_FOR_COLLECTION";

    private static final Logger log = LoggerFactory.getLogger(CollectionClosure.class);

    /** The borrower accounts of a case that are closed for collection (charged off or sold, not bought back). */
    static final String CLOSED = "(EXISTS (SELECT 1 FROM charge_off co WHERE co.account_id = ap.account_id) "
            + "OR EXISTS (SELECT 1 FROM debt_sale_account dsa JOIN debt_sale ds ON ds.sale_id = dsa.sale_id "
            + "WHERE dsa.active_account_id = ap.account_id AND ds.status = 'SOLD'))";

    private final JdbcClient jdbc;

    CollectionClosure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    void runCompleted(RunCompleted run) {
        int dropped = drop(run.asOf());
        if (dropped > 0) {
            log.info("run {} ({}): {} action(s) dropped for cases closed for collection", run.runId(), run.asOf(), dropped);
        }
    }

    int drop(java.time.LocalDate asOf) {
        return jdbc.sql("UPDATE run_action SET status = 'DROPPED', reasons = ? WHERE as_of = ? AND status <> 'DROPPED' "
                        + "AND case_id IN (SELECT cc.case_id FROM collection_case cc WHERE "
                        + "EXISTS (SELECT 1 FROM account_party ap WHERE ap.party_id = cc.party_id AND ap.role = 'BORROWER') "
                        + "AND NOT EXISTS (SELECT 1 FROM account_party ap WHERE ap.party_id = cc.party_id "
                        + "AND ap.role = 'BORROWER' AND NOT " + CLOSED + "))")
                .params(REASON, asOf).update();
    }
}

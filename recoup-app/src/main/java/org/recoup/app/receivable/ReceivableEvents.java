package org.recoup.app.receivable;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After each daily run, the customers' tracks for its business date. Reminder letters are a mailing a supervisor
 * launches (POST /api/v1/receivables/reviews or the page's button): the run only reports how many are due.
 */
@Component
class ReceivableEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivableEvents.class);

    private final ReceivableReview review;

    ReceivableEvents(ReceivableReview review) {
        this.review = review;
    }

    @EventListener
    void runCompleted(RunCompleted run) {
        try {
            var outcomes = review.review(run.asOf(), "system", false);
            long due = outcomes.stream().filter(o -> "DUE".equals(o.reminder())).count();
            if (due > 0) {
                LOG.info("receivables after run {}: {} reminder letter(s) due", run.asOf(), due);
            }
        } catch (RuntimeException e) {
            // the run itself succeeded; the review can be repeated through POST /api/v1/receivables/reviews
            LOG.warn("receivables review after run {} ({}) failed: {}", run.runId(), run.asOf(), e.toString());
        }
    }
}

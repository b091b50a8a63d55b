package org.recoup.app.receivable;

import org.recoup.app.dailyrun.RunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After each daily run, the receivables review for its business date (tracks, reminder letters). */
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
            var outcomes = review.review(run.asOf(), "system");
            long sent = outcomes.stream().filter(o -> "SENT".equals(o.reminder())).count();
            if (sent > 0) {
                LOG.info("receivables review {}: {} reminder letters sent", run.asOf(), sent);
            }
        } catch (RuntimeException e) {
            // the run itself succeeded; the review can be repeated through POST /api/v1/receivables/reviews
            LOG.warn("receivables review after run {} ({}) failed: {}", run.runId(), run.asOf(), e.toString());
        }
    }
}

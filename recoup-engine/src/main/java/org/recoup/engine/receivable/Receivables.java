package org.recoup.engine.receivable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assesses a customer (aging, risk class, track, reminder level) and picks the reminder letter to send. */
public final class Receivables {

    private Receivables() {
    }

    /**
     * @param creditLimitMinor null when the customer has no limit
     * @param insolvent        the customer is deceased or bankrupt (the company is in insolvency)
     */
    public static CustomerAssessment assess(List<OpenItem> items, LocalDate asOf, Long creditLimitMinor,
                                            boolean insolvent, ReceivablePolicy policy) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        policy.aging().forEach(b -> amounts.put(b.code(), 0L));
        long outstanding = 0;
        long overdue = 0;
        int oldest = 0;
        LocalDate oldestDue = null;
        for (OpenItem item : items) {
            if (item.outstandingMinor() <= 0) {
                continue;
            }
            int days = item.daysPastDue(asOf);
            amounts.merge(policy.agingBand(days).code(), item.outstandingMinor(), Long::sum);
            outstanding += item.outstandingMinor();
            if (days > 0) {
                overdue += item.outstandingMinor();
                if (days > oldest) {
                    oldest = days;
                    oldestDue = item.dueDate();
                }
            }
        }
        List<CustomerAssessment.BandAmount> aging = new ArrayList<>();
        policy.aging().forEach(b -> aging.add(new CustomerAssessment.BandAmount(b.code(), b.label(), amounts.get(b.code()))));
        boolean overLimit = creditLimitMinor != null && outstanding > creditLimitMinor;
        ReceivablePolicy.RiskRule risk = policy.riskClass(oldest, insolvent);
        ReceivablePolicy.Track track = policy.track(oldest, overLimit, risk.code());
        String level = applicableLevel(policy, oldest, track).map(ReceivablePolicy.ReminderLevel::code).orElse(null);
        return new CustomerAssessment(asOf, List.copyOf(aging), outstanding, overdue, oldest, oldestDue,
                creditLimitMinor, overLimit, risk.code(), risk.label(), track.code(), track.label(), level);
    }

    /** The highest level whose {@code fromDays} is reached, capped at the track's {@code maxReminderLevel}. */
    static Optional<ReceivablePolicy.ReminderLevel> applicableLevel(ReceivablePolicy policy, int oldestDaysPastDue,
                                                                    ReceivablePolicy.Track track) {
        int cap = track.maxReminderLevel() == null ? policy.reminders().size() - 1 : policy.rank(track.maxReminderLevel());
        ReceivablePolicy.ReminderLevel found = null;
        for (int i = 0; i <= cap && i < policy.reminders().size(); i++) {
            if (oldestDaysPastDue >= policy.reminders().get(i).fromDays()) {
                found = policy.reminders().get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The reminder letter to send now: the level that applies, when no letter of that level or a higher one was sent in
     * this delinquency episode. Levels skipped (a review missed, a customer who jumped from current to 50 days) are not
     * sent one by one: only the highest that applies goes out.
     *
     * @param sentInEpisode codes of the levels already sent for the same episode (same oldest overdue due date)
     */
    public static Optional<String> reminderToSend(CustomerAssessment assessment, List<String> sentInEpisode,
                                                  ReceivablePolicy policy) {
        if (assessment.reminderLevel() == null) {
            return Optional.empty();
        }
        int due = policy.rank(assessment.reminderLevel());
        int highestSent = sentInEpisode.stream().mapToInt(policy::rank).max().orElse(-1);
        return due > highestSent ? Optional.of(assessment.reminderLevel()) : Optional.empty();
    }
}

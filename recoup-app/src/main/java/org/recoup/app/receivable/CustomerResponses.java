package org.recoup.app.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.recoup.engine.receivable.CustomerAssessment;
import org.recoup.engine.receivable.ReceivablePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A customer as the API and the page show it: assessment, track treatment, open items, reminders, track changes. */
@Component
class CustomerResponses {

    /** A customer as of a date; amounts in major units of {@code currency}. */
    record CustomerResponse(String partyId, String name, String currency, BigDecimal creditLimit, int paymentTermsDays,
                            BigDecimal availableCredit, boolean overLimit, LocalDate asOf, BigDecimal outstanding,
                            BigDecimal overdue, List<Band> aging, int oldestDaysPastDue, LocalDate oldestOverdueDueDate,
                            String riskClass, String riskClassLabel, String track, String trackLabel, LocalDate trackSince,
                            TrackTreatment treatment, String reminderLevel, List<OpenItemView> openItems,
                            List<ReminderView> reminders, List<TrackChange> trackChanges) {
    }

    record Band(String code, String label, BigDecimal amount) {
    }

    record TrackTreatment(String code, String label, String maxReminderLevel, List<String> channels, String callWindow,
                          String description) {
    }

    record OpenItemView(String invoiceId, int seq, LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount,
                        BigDecimal outstanding, int daysPastDue) {
    }

    record ReminderView(String reminderId, String level, LocalDate asOf, int daysPastDue, BigDecimal overdue,
                        String track, String contactId, String documentId) {
    }

    record TrackChange(LocalDate changedOn, String fromTrack, String toTrack, String reason) {
    }

    private final JdbcClient jdbc;

    CustomerResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CustomerResponse of(ReceivableBook.CustomerView v, ReceivablePolicy policy, boolean detail) {
        ReceivableBook.Customer c = v.customer();
        CustomerAssessment a = v.assessment();
        String cur = c.currency();
        ReceivablePolicy.Track track = policy.tracks().stream().filter(t -> t.code().equals(a.track())).findFirst().orElseThrow();
        List<OpenItemView> items = detail ? v.items().stream().filter(i -> i.outstandingMinor() > 0)
                .map(i -> new OpenItemView(i.invoiceId(), i.seq(), i.invoiceDate(), i.dueDate(),
                        LetterContent.major(i.amountMinor(), cur), LetterContent.major(i.outstandingMinor(), cur),
                        i.daysPastDue(a.asOf())))
                .toList() : null;
        List<ReminderView> reminders = detail ? jdbc.sql("""
                        SELECT reminder_id, level, as_of, days_past_due, overdue_minor, track, contact_id, document_id
                        FROM receivable_reminder WHERE party_id = ? ORDER BY created_at, reminder_id""")
                .param(c.partyId())
                .query((rs, n) -> new ReminderView(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getInt(4), LetterContent.major(rs.getLong(5), cur), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list() : null;
        List<TrackChange> changes = detail ? jdbc.sql("SELECT changed_on, from_track, to_track, reason FROM "
                        + "receivable_track_change WHERE party_id = ? ORDER BY changed_on")
                .param(c.partyId())
                .query((rs, n) -> new TrackChange(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list() : null;
        return new CustomerResponse(c.partyId(), c.name(), cur,
                c.creditLimitMinor() == null ? null : LetterContent.major(c.creditLimitMinor(), cur), c.paymentTermsDays(),
                a.availableCreditMinor() == null ? null : LetterContent.major(a.availableCreditMinor(), cur), a.overLimit(),
                a.asOf(), LetterContent.major(a.outstandingMinor(), cur), LetterContent.major(a.overdueMinor(), cur),
                a.aging().stream().map(b -> new Band(b.code(), b.label(), LetterContent.major(b.amountMinor(), cur))).toList(),
                a.oldestDaysPastDue(), a.oldestOverdueDue(), a.riskClass(), a.riskLabel(), a.track(), a.trackLabel(),
                c.trackSince(), new TrackTreatment(track.code(), track.label(), track.maxReminderLevel(), track.channels(),
                        track.callWindow(), track.description()),
                a.reminderLevel(), items, reminders, changes);
    }
}

package org.recoup.app.receivable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.recoup.app.compliance.GatedContacts;
import org.recoup.app.document.Documents;
import org.recoup.app.document.PdfDocuments;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.recoup.engine.receivable.CustomerAssessment;
import org.recoup.engine.receivable.OpenItem;
import org.recoup.engine.receivable.ReceivablePolicy;
import org.recoup.engine.receivable.Receivables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receivables review for a business date, customer by customer (each in its own transaction): puts the customer on
 * the track the policy's rules pick (recording every switch) and sends the reminder letter that is due — the highest
 * level that applies on the track, once per level and delinquency episode. A letter is a contact: it passes the
 * compliance gate ({@link GatedContacts}, channel LETTER, recorded as a contact attempt) and its PDF is kept in the
 * case's documents (kind {@value #LETTER_KIND}); a blocked letter is not generated and is tried again at the next review.
 */
@Service
class ReceivableReview {

    static final String LETTER_KIND = "B2B_REMINDER";

    /** What the review did for one customer. {@code reminder}: SENT, BLOCKED, DUE (not sent: tracks only) or NONE. */
    record Outcome(String partyId, String name, String previousTrack, String track, boolean trackChanged,
                   int oldestDaysPastDue, String reminderLevel, String reminder, String reminderId, String documentId,
                   List<String> blockReasons) {
    }

    private final ReceivableBook book;
    private final ReceivablePolicies policies;
    private final GatedContacts gate;
    private final Documents documents;
    private final PdfDocuments pdf;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReceivableReview(ReceivableBook book, ReceivablePolicies policies, GatedContacts gate, Documents documents,
                     PdfDocuments pdf, JdbcClient jdbc, PlatformTransactionManager transactions,
                     ObjectProvider<Clock> clock) {
        this.book = book;
        this.policies = policies;
        this.gate = gate;
        this.documents = documents;
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Tracks and letters. */
    List<Outcome> review(LocalDate asOf, String user) {
        return review(asOf, user, true);
    }

    /**
     * Tracks only when {@code sendLetters} is false (after the daily run: cheap, touches no contact record); the letters
     * due are then reported as {@code DUE} and go out with the next full review.
     */
    List<Outcome> review(LocalDate asOf, String user, boolean sendLetters) {
        ReceivablePolicy policy = policies.current();
        List<Outcome> outcomes = new ArrayList<>();
        for (ReceivableBook.CustomerView view : book.everyCustomer(asOf, policy)) {
            try {
                outcomes.add(transaction.execute(tx -> reviewOne(view, asOf, policy, user, sendLetters)));
            } catch (DuplicateKeyException concurrentReview) {
                // another review sent this level (or switched the track) at the same moment: nothing twice
                outcomes.add(new Outcome(view.customer().partyId(), view.customer().name(), view.customer().track(),
                        view.assessment().track(), false, view.assessment().oldestDaysPastDue(),
                        view.assessment().reminderLevel(), "NONE", null, null, List.of()));
            }
        }
        return outcomes;
    }

    private Outcome reviewOne(ReceivableBook.CustomerView view, LocalDate asOf, ReceivablePolicy policy, String user,
                              boolean sendLetters) {
        ReceivableBook.Customer customer = view.customer();
        CustomerAssessment a = view.assessment();
        boolean changed = !a.track().equals(customer.track());
        if (changed) {
            switchTrack(customer, a, asOf, user);
        }
        if (a.oldestOverdueDue() == null) {
            return new Outcome(customer.partyId(), customer.name(), customer.track(), a.track(), changed, 0, null,
                    "NONE", null, null, List.of());
        }
        List<String> sent = jdbc.sql("SELECT level FROM receivable_reminder WHERE party_id = ? AND episode_due = ?")
                .params(customer.partyId(), a.oldestOverdueDue()).query(String.class).list();
        var level = Receivables.reminderToSend(a, sent, policy);
        if (level.isEmpty()) {
            return new Outcome(customer.partyId(), customer.name(), customer.track(), a.track(), changed,
                    a.oldestDaysPastDue(), a.reminderLevel(), "NONE", null, null, List.of());
        }
        ReceivablePolicy.ReminderLevel reminder = policy.reminders().get(policy.rank(level.get()));
        if (!sendLetters) {
            return new Outcome(customer.partyId(), customer.name(), customer.track(), a.track(), changed,
                    a.oldestDaysPastDue(), reminder.code(), "DUE", null, null, List.of());
        }
        OpenItem oldest = view.items().stream().filter(i -> i.overdue(asOf)).findFirst().orElseThrow();
        String contactId = "RMD-" + Documents.sha256((customer.partyId() + "|" + a.oldestOverdueDue() + "|"
                + reminder.code()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 40);
        String content = reminder.title() + "：" + reminder.body() + " 逾期金额 "
                + LetterContent.amount(a.overdueMinor(), customer.currency()) + " " + customer.currency();
        String address = jdbc.sql("SELECT contact_point_id FROM contact_point WHERE party_id = ? AND type = 'ADDRESS' "
                        + "AND valid = TRUE ORDER BY contact_point_id FETCH FIRST 1 ROWS ONLY")
                .param(customer.partyId()).query(String.class).optional().orElse(null);
        GatedContacts.Result result = gate.record(new GatedContacts.Contact(contactId, oldest.invoiceId(),
                customer.partyId(), address, Channel.LETTER, clock.instant(), content, Purpose.COLLECTION, null), user);
        if (!result.recorded()) {
            return new Outcome(customer.partyId(), customer.name(), customer.track(), a.track(), changed,
                    a.oldestDaysPastDue(), reminder.code(), "BLOCKED", null, null,
                    result.verdict().reasons().stream().map(Verdict.Reason::code).map(Enum::name).toList());
        }
        String reminderId = "RM-" + UUID.randomUUID();
        byte[] letter = pdf.generic(new PdfDocuments.GenericDocument(reminder.title(), "应收账款管理部",
                customer.name() + "（客户编号 " + customer.partyId() + "）：",
                List.of(reminder.body(),
                        "截至 " + asOf + "，贵司逾期未付金额合计 " + LetterContent.amount(a.overdueMinor(), customer.currency())
                                + " " + customer.currency() + "，最早一笔已逾期 " + a.oldestDaysPastDue() + " 天；应收余额合计 "
                                + LetterContent.amount(a.outstandingMinor(), customer.currency()) + " " + customer.currency()
                                + "。付款条件：开票后 " + customer.paymentTermsDays() + " 天内付款。",
                        "如对以下明细有异议，请在收到本函后尽快与我们对账。"),
                LetterContent.itemHeader(), LetterContent.itemRows(view.items(), asOf, customer.currency(), true),
                List.of("应收账款管理部（盖章）", "日期：" + asOf), reminderId), Locale.SIMPLIFIED_CHINESE);
        var stored = documents.store(new Documents.NewDocument("C-" + customer.partyId(), oldest.invoiceId(),
                LETTER_KIND, "reminder-" + reminder.code().toLowerCase(Locale.ROOT) + "-" + asOf + ".pdf",
                "application/pdf", letter, reminder.label() + " " + reminderId, user));
        jdbc.sql("""
                        INSERT INTO receivable_reminder (reminder_id, party_id, level, episode_due, as_of, days_past_due,
                            overdue_minor, track, contact_id, document_id, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reminderId, customer.partyId(), reminder.code(), a.oldestOverdueDue(), asOf,
                        a.oldestDaysPastDue(), a.overdueMinor(), a.track(), contactId, stored.documentId(),
                        java.sql.Timestamp.from(clock.instant()), user)
                .update();
        return new Outcome(customer.partyId(), customer.name(), customer.track(), a.track(), changed,
                a.oldestDaysPastDue(), reminder.code(), "SENT", reminderId, stored.documentId(), List.of());
    }

    private void switchTrack(ReceivableBook.Customer customer, CustomerAssessment a, LocalDate asOf, String user) {
        int updated = jdbc.sql("UPDATE receivable_customer SET track = ?, track_since = ?, updated_at = CURRENT_TIMESTAMP "
                        + "WHERE party_id = ?").params(a.track(), asOf, customer.partyId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO receivable_customer (party_id, currency, payment_terms_days, track, track_since, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(customer.partyId(), customer.currency(), customer.paymentTermsDays(), a.track(), asOf, user)
                    .update();
        }
        String reason = "oldest overdue " + a.oldestDaysPastDue() + " days, risk class " + a.riskClass()
                + (a.overLimit() ? ", over credit limit" : "");
        int replaced = jdbc.sql("UPDATE receivable_track_change SET to_track = ?, reason = ? WHERE party_id = ? AND changed_on = ?")
                .params(a.track(), reason, customer.partyId(), asOf).update();
        if (replaced == 0) {
            jdbc.sql("INSERT INTO receivable_track_change (party_id, changed_on, from_track, to_track, reason) VALUES (?, ?, ?, ?, ?)")
                    .params(customer.partyId(), asOf, customer.track(), a.track(), reason).update();
        }
    }
}

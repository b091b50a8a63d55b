package org.recoup.app.compliance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.PartyRole;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The compliance feature's public API for features that make contacts themselves (messaging): record a contact
 * through the atomic gate <b>inside the caller's transaction</b> (so the caller's own rows — an outbox message — are
 * written with the attempt or not at all), read the stored message templates, and correct the outcome of a message
 * once its gateway answered.
 */
@Service
public class GatedContacts {

    /** A stored, linted message template. */
    public record MessageTemplate(String id, Channel channel, String locale, PartyRole recipientRole, String text) {
    }

    /** A contact to record: a message sent now (outcome {@code SENT}) with the text that goes out. */
    public record Contact(String contactId, String accountId, String partyId, String contactPointId, Channel channel,
                          Instant at, String content, Purpose purpose, String templateId) {
    }

    /**
     * The gate's answer: {@code recorded} (the attempt is stored, or was already stored with this id and content:
     * {@code created} false), else {@code verdict} holds the blocking reasons and {@code nextAllowedAt}.
     */
    public record Result(boolean recorded, boolean created, Verdict verdict, String verdictId) {
    }

    private final ContactRecording recording;
    private final MessageTemplates templates;
    private final JdbcClient jdbc;

    GatedContacts(ContactRecording recording, MessageTemplates templates, JdbcClient jdbc) {
        this.recording = recording;
        this.templates = templates;
        this.jdbc = jdbc;
    }

    /**
     * Records {@code contact} through the gate in the current transaction (it must be called inside one): locks the
     * account and party rows, evaluates with every recorded attempt counting, audits the verdict and, when allowed,
     * stores the attempt with outcome {@code SENT}. A blocked contact stores only its verdict.
     *
     * @throws org.recoup.app.api.ApiProblem for an unknown account or party (422, field named)
     */
    public Result record(Contact contact, String username) {
        ContactRequestBody.Record body = new ContactRequestBody.Record(contact.accountId(), contact.partyId(),
                contact.contactPointId(), contact.channel(), OffsetDateTime.ofInstant(contact.at(), ZoneOffset.UTC),
                contact.content(), null, contact.purpose(), contact.templateId(), Outcome.SENT, contact.contactId(), null,
                null);
        ContactRecording.Result result = recording.record(body, username);
        if (result.blocked() != null) {
            return new Result(false, false, result.blocked(), result.verdictId());
        }
        return new Result(true, result.created(), null, result.verdictId());
    }

    /** The outcome a message's gateway reported ({@code DELIVERED} or {@code FAILED}) replaces {@code SENT}. */
    public void messageOutcome(String contactId, Outcome outcome) {
        if (outcome != Outcome.SENT && outcome != Outcome.DELIVERED && outcome != Outcome.FAILED) {
            throw new IllegalArgumentException("a message's outcome is SENT, DELIVERED or FAILED, not " + outcome);
        }
        jdbc.sql("UPDATE contact_attempt SET outcome = ? WHERE contact_id = ? AND channel IN ('SMS', 'EMAIL', 'LETTER')")
                .params(outcome.name(), contactId).update();
    }

    /** Every stored template, by id. */
    public List<MessageTemplate> templates() {
        return templates.current().templates().values().stream().map(GatedContacts::view)
                .sorted(Comparator.comparing(MessageTemplate::id)).toList();
    }

    public Optional<MessageTemplate> template(String id) {
        return templates.find(id).map(GatedContacts::view);
    }

    private static MessageTemplate view(MessageTemplates.Template t) {
        return new MessageTemplate(t.id(), t.channel(), t.locale(), t.recipientRole(), t.text());
    }
}

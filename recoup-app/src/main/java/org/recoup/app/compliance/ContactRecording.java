package org.recoup.app.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/v1/contacts}: the atomic gate. In one transaction it locks the account row, then the party row
 * (always in that order, so two contacts never deadlock), loads the facts, evaluates, and writes the verdict audit and
 * — only when allowed — the attempt. Concurrent contacts for one party or account are serialised by those locks, so
 * they can never together exceed a cap; a blocked contact records nothing but its verdict.
 */
@Service
class ContactRecording {

    private static final Logger log = LoggerFactory.getLogger(ContactRecording.class);

    /** How far in the future a recorded contact may be: clocks of dialers and ours disagree a little. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final int LOCK_RETRIES = 40;
    private static final Set<Outcome> MESSAGE_ONLY = EnumSet.of(Outcome.SENT, Outcome.DELIVERED, Outcome.FAILED);
    private static final Set<Outcome> CALL_ONLY = EnumSet.of(Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY,
            Outcome.NOT_CONNECTED);
    private static final Set<Outcome> VISIT_ONLY = EnumSet.of(Outcome.VISITED, Outcome.NOT_MET);

    /** A recorded contact as the API shows it. */
    record ContactView(String contactId, String accountId, String partyId, String contactPointId, Channel channel,
                       Instant at, Outcome outcome, Disposition disposition, Purpose purpose, String templateId,
                       List<String> staff, List<ContactRequestBody.Attachment> attachments, String recordedBy,
                       String source, String verdictId) {
    }

    /** The answer: a contact (created now or earlier), or the verdict that blocked it. */
    record Result(boolean created, ContactView contact, Verdict blocked, String verdictId) {
    }

    private final ContactGate gate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ContactRecording(ContactGate gate, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.gate = gate;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    Result record(ContactRequestBody.Record body, String username) {
        Instant now = gate.clock().instant();
        if (body.at().toInstant().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.badRequest("AT_IN_FUTURE", "at", "at must not be more than " + FUTURE_TOLERANCE.toMinutes()
                    + " minutes in the future (a contact is recorded when it happens; use /compliance/check to plan) but was "
                    + body.at());
        }
        checkOutcome(body.channel(), body.outcome());
        ContactRequest request = body.toEngine();
        String contactId = body.contactId() != null ? body.contactId() : "C-" + UUID.randomUUID();
        String fingerprint = fingerprint(body);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> recordLocked(request, body, contactId, fingerprint, username, now));
            } catch (DuplicateKeyException concurrentSameId) {
                return replay(contactId, fingerprint);
            } catch (TransientDataAccessException lockTimeout) {
                if (attempt >= LOCK_RETRIES) {
                    throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "GATE_BUSY", null,
                            "too many concurrent contacts for this account or party; retry shortly");
                }
                log.debug("gate lock contention for {} / {} (try {}): {}", request.accountId(), request.partyId(), attempt,
                        lockTimeout.getMessage());
                pause(attempt);
            }
        }
    }

    private Result recordLocked(ContactRequest request, ContactRequestBody.Record body, String contactId,
                                String fingerprint, String username, Instant now) {
        if (jdbc.sql("SELECT account_id FROM account WHERE account_id = ? FOR UPDATE").param(request.accountId())
                .query(String.class).optional().isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_ACCOUNT", "accountId",
                    "account " + request.accountId() + " does not exist");
        }
        if (jdbc.sql("SELECT party_id FROM party WHERE party_id = ? FOR UPDATE").param(request.partyId())
                .query(String.class).optional().isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_PARTY", "partyId",
                    "party " + request.partyId() + " does not exist");
        }
        Optional<Stored> existing = stored(contactId);
        if (existing.isPresent()) {
            return replay(existing.get(), fingerprint);
        }
        ContactGate.Decided decided = gate.decideForRecording(request);
        Verdict verdict = decided.verdict();
        String verdictId = UUID.randomUUID().toString();
        gate.audit(List.of(new VerdictAudit.Entry(verdictId, now, "CONTACT", username, request, verdict,
                decided.factsJson(), body.templateId(), verdict.allowed() ? contactId : null)));
        if (!verdict.allowed()) {
            return new Result(false, null, verdict, verdictId);
        }
        jdbc.sql("""
                INSERT INTO contact_attempt (contact_id, account_id, party_id, contact_point_id, channel, attempted_at,
                    outcome, source, disposition, created_by, purpose, content, staff, template_id, request_hash, verdict_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'API', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contactId, request.accountId(), request.partyId(), request.contactPointId(),
                        request.channel().name(), Timestamp.from(request.at()), body.outcome().name(),
                        body.disposition() == null ? null : body.disposition().name(), username,
                        request.purpose().name(), request.content(),
                        request.staff().isEmpty() ? null : String.join(",", request.staff()), body.templateId(),
                        fingerprint, verdictId)
                .update();
        for (ContactRequestBody.Attachment a : attachments(body)) {
            jdbc.sql("INSERT INTO contact_attachment (contact_id, sha256, name) VALUES (?, ?, ?)")
                    .params(contactId, a.sha256(), a.name()).update();
        }
        return new Result(true, find(contactId).orElseThrow(), null, verdictId);
    }

    java.time.Clock clock() {
        return gate.clock();
    }

    Optional<ContactView> find(String contactId) {
        return stored(contactId).map(Stored::view);
    }

    private record Stored(ContactView view, String requestHash) {
    }

    private Optional<Stored> stored(String contactId) {
        List<ContactRequestBody.Attachment> attachments = jdbc.sql(
                        "SELECT sha256, name FROM contact_attachment WHERE contact_id = ? ORDER BY sha256")
                .param(contactId).query((rs, n) -> new ContactRequestBody.Attachment(rs.getString(1), rs.getString(2)))
                .list();
        return jdbc.sql("""
                        SELECT contact_id, account_id, party_id, contact_point_id, channel, attempted_at, outcome, disposition,
                               purpose, template_id, staff, created_by, source, verdict_id, request_hash
                        FROM contact_attempt WHERE contact_id = ?""")
                .param(contactId)
                .query((rs, n) -> new Stored(new ContactView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Channel.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                        Outcome.valueOf(rs.getString(7)),
                        rs.getString(8) == null ? null : Disposition.valueOf(rs.getString(8)),
                        rs.getString(9) == null ? null : Purpose.valueOf(rs.getString(9)), rs.getString(10),
                        rs.getString(11) == null ? List.of() : List.of(rs.getString(11).split(",")), attachments,
                        rs.getString(12), rs.getString(13), rs.getString(14)), rs.getString(15)))
                .optional();
    }

    private Result replay(String contactId, String fingerprint) {
        return replay(stored(contactId).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "CONTACT_ID_IN_FLIGHT",
                "contactId", "another request with this contactId is being processed; retry")), fingerprint);
    }

    private static Result replay(Stored stored, String fingerprint) {
        if (!fingerprint.equals(stored.requestHash())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONTACT_ID_REUSED", "contactId", "contact "
                    + stored.view().contactId() + " was already recorded with other content; use a new contactId");
        }
        return new Result(false, stored.view(), null, stored.view().verdictId());
    }

    private static void checkOutcome(Channel channel, Outcome outcome) {
        boolean ok = switch (channel) {
            case CALL -> !MESSAGE_ONLY.contains(outcome) && !VISIT_ONLY.contains(outcome);
            case SMS, EMAIL, LETTER -> !CALL_ONLY.contains(outcome) && !VISIT_ONLY.contains(outcome)
                    && outcome != Outcome.RIGHT_PARTY && outcome != Outcome.THIRD_PARTY;
            case VISIT -> !MESSAGE_ONLY.contains(outcome) && !CALL_ONLY.contains(outcome);
        };
        if (!ok) {
            throw ApiProblem.badRequest("INVALID_OUTCOME", "outcome", "outcome " + outcome + " is not possible for a "
                    + channel + " contact");
        }
    }

    private static List<ContactRequestBody.Attachment> attachments(ContactRequestBody.Record body) {
        if (body.attachments() == null) {
            return List.of();
        }
        List<ContactRequestBody.Attachment> list = body.attachments().stream()
                .map(a -> new ContactRequestBody.Attachment(a.sha256().toLowerCase(Locale.ROOT), a.name()))
                .sorted(Comparator.comparing(ContactRequestBody.Attachment::sha256)).toList();
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).sha256().equals(list.get(i - 1).sha256())) {
                throw ApiProblem.badRequest("DUPLICATE_ATTACHMENT", "attachments", "attachment " + list.get(i).sha256()
                        + " is listed twice");
            }
        }
        return list;
    }

    /** The request as a value (instants in UTC, attachments sorted, hashes lower-case), hashed. */
    static String fingerprint(ContactRequestBody.Record b) {
        StringBuilder s = new StringBuilder("recoup.contact.v1");
        for (Object o : new Object[] {b.accountId(), b.partyId(), ContactRequestBody.blankToNull(b.contactPointId()),
                b.channel(), b.at().toInstant(), b.content(), b.staff(), b.purpose() == null ? Purpose.COLLECTION : b.purpose(),
                b.templateId(), b.outcome(), b.disposition(), attachments(b)}) {
            s.append('\u001f').append(o);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5L * attempt, 50L) + java.util.concurrent.ThreadLocalRandom.current().nextInt(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gate", e);
        }
    }
}

package org.recoup.app.workbench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.compliance.Contacts;
import org.recoup.app.promise.PromiseDesk;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContentLint;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.compliance.PartyRole;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the outcome of working a case, all or nothing, in one transaction: the contact through the compliance gate
 * (blocked → nothing but the gate's verdict is kept, and the answer lists every reason and the next allowed time),
 * then the promise instalments (through the promise feature), the holds asked for, the note, and the outcome row;
 * then {@link OutcomeRecorded} is published for the queue. The note is linted first: a note the content lint flags is
 * refused with its findings and nothing is recorded.
 * <p>
 * Idempotent by (user, {@code clientKey}): the account row is locked first (the gate's own first lock), so a
 * double-click waits for the first request and then answers its outcome.
 */
@Service
class Outcomes {

    static final int MAX_NOTE = 4000;
    static final int MAX_PROMISES = 12;
    static final Duration MAX_FOLLOW_UP = Duration.ofDays(90);
    private static final Set<String> LIABLE = Set.of("BORROWER", "CO_BORROWER", "GUARANTOR");

    /** What recording answered: the outcome (new or the original of a retry), or the gate's verdict. */
    record Result(Recorded recorded, Verdict blocked, String verdictId) {
    }

    /** A recorded outcome. */
    record Recorded(String outcomeId, String caseId, boolean created, String contactId, String disposition,
                    List<String> promiseIds, List<String> holdIds, String noteId, Instant followUpAt,
                    Instant recordedAt, String recordedBy) {
    }

    /** A note the lint refused: every finding. */
    static final class NoteRefused extends RuntimeException {
        private final transient List<ContentLint.Finding> findings;

        NoteRefused(List<ContentLint.Finding> findings) {
            super("the note was not saved: " + findings.stream().map(f -> f.code() + " " + f.message()).toList());
            this.findings = findings;
        }

        List<ContentLint.Finding> findings() {
            return findings;
        }
    }

    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final PromiseDesk promises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Outcomes(JdbcClient jdbc, Contacts contacts, PromiseDesk promises, ApplicationEventPublisher events,
             PlatformTransactionManager tm, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.promises = promises;
        this.events = events;
        this.transaction = new TransactionTemplate(tm);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Compliance officers audit; they do not work cases. */
    static void requireRecorder(Actor actor) {
        if (actor.role() == Role.COMPLIANCE) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_A_COLLECTOR", null,
                    "compliance officers review cases but do not record contacts or claims");
        }
    }

    /** The content lint's findings on a note (a note is written about the case, read by colleagues). */
    static List<ContentLint.Finding> lint(String note) {
        if (note == null || note.isBlank()) {
            return List.of();
        }
        return ContentLint.defaults().lint(note, null, PartyRole.BORROWER);
    }

    Result record(String caseId, Actor actor, OutcomeRequest r) {
        requireRecorder(actor);
        validate(r);
        List<ContentLint.Finding> findings = lint(r.note());
        if (!findings.isEmpty()) {
            throw new NoteRefused(findings);
        }
        String party = CaseFiles.partyOf(caseId).orElseThrow(() -> ApiProblem.notFound("case", caseId));
        List<String> roles = jdbc.sql("""
                        SELECT p.role FROM account_party b JOIN account_party p ON p.account_id = b.account_id
                        WHERE b.account_id = ? AND b.party_id = ? AND b.role = 'BORROWER' AND p.party_id = ?""")
                .params(r.accountId(), party, r.partyId()).query(String.class).list();
        if (roles.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_IN_CASE", "partyId", "party " + r.partyId()
                    + " on account " + r.accountId() + " is not part of case " + caseId);
        }
        boolean liable = roles.stream().anyMatch(LIABLE::contains);
        if (!r.promiseList().isEmpty() && !liable) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "PARTY_NOT_LIABLE", "partyId", "party "
                    + r.partyId() + " is " + String.join(", ", roles) + "; only a liable party can promise to pay");
        }
        String fingerprint = r.fingerprint();
        String user = actor.username();
        return transaction.execute(status -> {
            jdbc.sql("SELECT account_id FROM account WHERE account_id = ? FOR UPDATE").param(r.accountId())
                    .query(String.class).optional();
            Optional<Recorded> existing = find(user, r.clientKey(), fingerprint);
            if (existing.isPresent()) {
                return new Result(existing.get(), null, null);
            }
            Instant now = clock.instant();
            Contacts.Recorded contact = contacts.record(new Contacts.Attempt(contactId(user, r.clientKey()),
                    r.accountId(), r.partyId(), blankToNull(r.contactPointId()), r.channelOrCall(), now,
                    r.disposition().outcome(liable), r.disposition().disposition(),
                    liable ? Purpose.COLLECTION : Purpose.LOCATE), user);
            if (contact.isBlocked()) {
                return new Result(null, contact.blocked(), contact.verdictId());
            }
            List<String> promiseIds = new ArrayList<>();
            List<OutcomeRequest.PromiseInstalment> lines = r.promiseList();
            for (int i = 0; i < lines.size(); i++) {
                OutcomeRequest.PromiseInstalment p = lines.get(i);
                promiseIds.add(promises.capture(r.accountId(), user, "outcome:" + r.clientKey() + ":" + (i + 1),
                        r.partyId(), p.amount(), p.dueDate(), p.channel()).promiseId());
            }
            List<String> holdIds = new ArrayList<>();
            for (OutcomeRequest.HoldKind hold : r.holdList()) {
                String reason = "requested during contact " + contact.contactId() + " (" + r.disposition() + ")";
                holdIds.add(contacts.hold(r.partyId(), HoldType.valueOf(hold.name()), now, reason, user));
            }
            String noteId = null;
            if (r.note() != null && !r.note().isBlank()) {
                noteId = "N-" + UUID.randomUUID();
                jdbc.sql("""
                        INSERT INTO case_note (note_id, case_id, party_id, contact_id, body, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(noteId, caseId, r.partyId(), contact.contactId(), r.note().strip(), user, Timestamp.from(now))
                        .update();
            }
            String outcomeId = "O-" + UUID.randomUUID();
            Instant followUp = r.followUpAt() == null ? null : r.followUpAt().toInstant();
            jdbc.sql("""
                    INSERT INTO case_outcome (outcome_id, case_id, recorded_by, client_key, request_hash, account_id,
                        party_id, contact_point_id, channel, disposition, contact_id, promise_ids, hold_ids, note_id,
                        follow_up_at, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(outcomeId, caseId, user, r.clientKey(), fingerprint, r.accountId(), r.partyId(),
                            blankToNull(r.contactPointId()), r.channelOrCall().name(), r.disposition().name(),
                            contact.contactId(), promiseIds.isEmpty() ? null : String.join(",", promiseIds),
                            holdIds.isEmpty() ? null : String.join(",", holdIds), noteId,
                            followUp == null ? null : Timestamp.from(followUp), Timestamp.from(now))
                    .update();
            events.publishEvent(new OutcomeRecorded(caseId, user, r.disposition().name(), followUp, now));
            return new Result(new Recorded(outcomeId, caseId, true, contact.contactId(), r.disposition().name(),
                    promiseIds, holdIds, noteId, followUp, now, user), null, null);
        });
    }

    private Optional<Recorded> find(String user, String clientKey, String fingerprint) {
        return jdbc.sql("""
                        SELECT outcome_id, case_id, contact_id, disposition, promise_ids, hold_ids, note_id, follow_up_at,
                               recorded_at, request_hash FROM case_outcome WHERE recorded_by = ? AND client_key = ?""")
                .params(user, clientKey)
                .query((rs, n) -> {
                    if (!fingerprint.equals(rs.getString(10))) {
                        throw new ApiProblem(HttpStatus.CONFLICT, "CLIENT_KEY_REUSED", "clientKey", "clientKey "
                                + clientKey + " was already used for another outcome (" + rs.getString(1) + ")");
                    }
                    OffsetDateTime follow = rs.getObject(8, OffsetDateTime.class);
                    return new Recorded(rs.getString(1), rs.getString(2), false, rs.getString(3), rs.getString(4),
                            split(rs.getString(5)), split(rs.getString(6)), rs.getString(7),
                            follow == null ? null : follow.toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant(),
                            user);
                })
                .optional();
    }

    private void validate(OutcomeRequest r) {
        if (r.clientKey() == null || r.clientKey().isBlank() || r.clientKey().length() > 100) {
            throw ApiProblem.badRequest("INVALID_CLIENT_KEY", "clientKey", "clientKey is required (1–100 characters)");
        }
        if (r.accountId() == null || r.accountId().isBlank()) {
            throw ApiProblem.badRequest("REQUIRED", "accountId", "accountId is required");
        }
        if (r.partyId() == null || r.partyId().isBlank()) {
            throw ApiProblem.badRequest("REQUIRED", "partyId", "partyId is required");
        }
        if (r.disposition() == null) {
            throw ApiProblem.badRequest("REQUIRED", "disposition", "disposition is required");
        }
        if (r.channelOrCall() != Channel.CALL && r.channelOrCall() != Channel.VISIT) {
            throw ApiProblem.badRequest("INVALID_CHANNEL", "channel", "an outcome records a CALL or a VISIT; messages "
                    + "are sent from the messages panel");
        }
        if (r.note() != null && r.note().length() > MAX_NOTE) {
            throw ApiProblem.badRequest("NOTE_TOO_LONG", "note", "note must be at most " + MAX_NOTE + " characters");
        }
        List<OutcomeRequest.PromiseInstalment> lines = r.promiseList();
        if (r.disposition() == DispositionCode.PROMISE && lines.isEmpty()) {
            throw ApiProblem.badRequest("PROMISE_REQUIRED", "promises", "disposition PROMISE needs at least one "
                    + "instalment (amount, dueDate, channel)");
        }
        if (!lines.isEmpty() && r.disposition() != DispositionCode.PROMISE) {
            throw ApiProblem.badRequest("PROMISE_WITHOUT_DISPOSITION", "promises", "promises are recorded with "
                    + "disposition PROMISE, not " + r.disposition());
        }
        if (lines.size() > MAX_PROMISES) {
            throw ApiProblem.badRequest("TOO_MANY_PROMISES", "promises", "at most " + MAX_PROMISES + " instalments");
        }
        for (int i = 0; i < lines.size(); i++) {
            OutcomeRequest.PromiseInstalment p = lines.get(i);
            if (p == null || p.amount() == null || p.amount().signum() <= 0) {
                throw ApiProblem.badRequest("INVALID_AMOUNT", "promises[" + i + "].amount",
                        "instalment " + (i + 1) + ": amount must be a decimal greater than 0");
            }
            if (p.dueDate() == null) {
                throw ApiProblem.badRequest("REQUIRED", "promises[" + i + "].dueDate",
                        "instalment " + (i + 1) + ": dueDate is required");
            }
        }
        if (r.followUpAt() != null) {
            Instant now = clock.instant();
            Instant at = r.followUpAt().toInstant();
            if (!at.isAfter(now) || at.isAfter(now.plus(MAX_FOLLOW_UP))) {
                throw ApiProblem.badRequest("INVALID_FOLLOW_UP", "followUpAt", "followUpAt must be in the future and "
                        + "within " + MAX_FOLLOW_UP.toDays() + " days but was " + r.followUpAt());
            }
        }
    }

    /** The gate's contact id for an outcome: derived from (user, key), so a retry reaches the same contact. */
    static String contactId(String user, String clientKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((user + '\n' + clientKey).getBytes(StandardCharsets.UTF_8));
            return "WB-" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

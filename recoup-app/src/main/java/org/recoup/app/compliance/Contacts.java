package org.recoup.app.compliance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The compliance feature's API for the agent workbench: record a contact through the atomic gate (the same path as
 * {@code POST /api/v1/contacts}, joining the caller's transaction), set a hold, and read a case's holds.
 */
@Service
public class Contacts {

    /** A contact to record: made now by the caller; {@code contactId} makes a retry answer the original. */
    public record Attempt(String contactId, String accountId, String partyId, String contactPointId, Channel channel,
                          Instant at, Outcome outcome, Disposition disposition, Purpose purpose) {
    }

    /** The result: created now, an earlier contact with the same id and body ({@code created} false), or blocked. */
    public record Recorded(boolean created, String contactId, Verdict blocked, String verdictId) {
        public boolean isBlocked() {
            return blocked != null;
        }
    }

    /** A hold on a party as the case page shows it. */
    public record Hold(String holdId, String partyId, HoldType type, Instant from, Instant to, String reason,
                       String setBy, Instant endedAt, boolean active) {
    }

    private final ContactRecording recording;
    private final PartyHolds holds;
    private final JdbcClient jdbc;

    Contacts(ContactRecording recording, PartyHolds holds, JdbcClient jdbc) {
        this.recording = recording;
        this.holds = holds;
        this.jdbc = jdbc;
    }

    /**
     * Records the attempt through the gate: locks the account and party rows, decides, audits the verdict and — only
     * when allowed — stores the attempt. A blocked attempt stores nothing but its verdict.
     */
    public Recorded record(Attempt a, String username) {
        return record(a, List.of(), username);
    }

    /** {@link #record(Attempt, String)} for a contact made by several staff (a visit: the gate checks their number). */
    public Recorded record(Attempt a, List<String> staff, String username) {
        ContactRequestBody.Record body = new ContactRequestBody.Record(a.accountId(), a.partyId(), a.contactPointId(),
                a.channel(), a.at().atOffset(ZoneOffset.UTC), null, staff, a.purpose(), null, a.outcome(),
                a.contactId(), a.disposition(), null);
        ContactRecording.Result result = recording.record(body, username);
        if (result.blocked() != null) {
            return new Recorded(false, null, result.blocked(), result.verdictId());
        }
        return new Recorded(result.created(), result.contact().contactId(), null, result.verdictId());
    }

    /** Sets a hold from {@code from} with no end (DISPUTE, CEASE_COMMUNICATION, …); returns its id. */
    public String hold(String partyId, HoldType type, Instant from, String reason, String username) {
        return holds.set(partyId, PartyHolds.SettableType.valueOf(type.name()), from, null, reason, null, username)
                .holdId();
    }

    /** The holds (in force, ended or future) of the parties, newest first. */
    public List<Hold> holds(Collection<String> partyIds) {
        if (partyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT hold_id, party_id, type, from_at, to_at, reason, set_by, ended_at FROM party_hold
                        WHERE party_id IN (:ids) ORDER BY set_at DESC, hold_id""")
                .param("ids", partyIds)
                .query((rs, n) -> {
                    Instant from = rs.getTimestamp(4).toInstant();
                    Instant to = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
                    Instant ended = rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant();
                    Instant now = recordingClock();
                    boolean active = !now.isBefore(from) && (to == null || now.isBefore(to))
                            && (ended == null || now.isBefore(ended));
                    return new Hold(rs.getString(1), rs.getString(2), HoldType.valueOf(rs.getString(3)), from, to,
                            rs.getString(6), rs.getString(7), ended, active);
                })
                .list();
    }

    private Instant recordingClock() {
        return recording.clock().instant();
    }
}

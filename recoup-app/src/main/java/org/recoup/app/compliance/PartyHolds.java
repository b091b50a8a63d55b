package org.recoup.app.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.compliance.HoldType;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds on a party and the contact window a party consented to. Both are immutable histories: a hold is ended (who,
 * when) but never deleted or changed; a new window, or its withdrawal, is a new row.
 */
@Service
class PartyHolds {

    /** Holds a user may set: {@code PTP_IN_FORCE} comes from pending promises, never from here. */
    enum SettableType { DISPUTE, CEASE_COMMUNICATION, BANKRUPTCY, DECEASED, COMPLAINT, BREATHING_SPACE }

    record HoldView(String holdId, String partyId, HoldType type, Instant from, Instant to, String reason,
                    String evidenceSha256, String setBy, Instant setAt, Instant endedAt, String endedBy, boolean active) {
    }

    record WindowView(String partyId, String start, String end, Instant recordedAt, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final ContactGate gate;

    PartyHolds(JdbcClient jdbc, ContactGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    @Transactional
    HoldView set(String partyId, SettableType type, Instant from, Instant to, String reason, String evidence, String user) {
        requireParty(partyId);
        if (to != null && !to.isAfter(from)) {
            throw ApiProblem.badRequest("INVALID_HOLD", "to", "to must be after from (" + from + ") but was " + to);
        }
        String id = "H-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO party_hold (hold_id, party_id, type, from_at, to_at, reason, evidence_sha256, set_by, set_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, partyId, type.name(), Timestamp.from(from), to == null ? null : Timestamp.from(to), reason,
                        evidence == null ? null : evidence.toLowerCase(Locale.ROOT), user,
                        Timestamp.from(gate.clock().instant()))
                .update();
        return find(partyId, id);
    }

    /** Ends a hold now; ending an ended hold is refused (409) so the first end stays on record. */
    @Transactional
    HoldView end(String partyId, String holdId, String user) {
        HoldView hold = find(partyId, holdId);
        if (hold.endedAt() != null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "HOLD_ALREADY_ENDED", "holdId", "hold " + holdId + " was ended at "
                    + hold.endedAt() + " by " + hold.endedBy());
        }
        int updated = jdbc.sql("UPDATE party_hold SET ended_at = ?, ended_by = ? WHERE hold_id = ? AND ended_at IS NULL")
                .params(Timestamp.from(gate.clock().instant()), user, holdId).update();
        if (updated == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "HOLD_ALREADY_ENDED", "holdId", "hold " + holdId + " was ended concurrently");
        }
        return find(partyId, holdId);
    }

    List<HoldView> history(String partyId) {
        requireParty(partyId);
        return jdbc.sql(SELECT + " WHERE party_id = ? ORDER BY set_at, hold_id").param(partyId).query(this::view).list();
    }

    private HoldView find(String partyId, String holdId) {
        return jdbc.sql(SELECT + " WHERE party_id = ? AND hold_id = ?").params(partyId, holdId).query(this::view)
                .optional().orElseThrow(() -> ApiProblem.notFound("hold", holdId + " of party " + partyId));
    }

    private static final String SELECT = "SELECT hold_id, party_id, type, from_at, to_at, reason, evidence_sha256, "
            + "set_by, set_at, ended_at, ended_by FROM party_hold";

    private HoldView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Instant now = gate.clock().instant();
        Instant from = rs.getTimestamp(4).toInstant();
        Instant to = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
        Instant ended = rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant();
        boolean active = !now.isBefore(from) && (to == null || now.isBefore(to)) && (ended == null || now.isBefore(ended));
        return new HoldView(rs.getString(1), rs.getString(2), HoldType.valueOf(rs.getString(3)), from, to,
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), ended,
                rs.getString(11), active);
    }

    @Transactional
    WindowView recordWindow(String partyId, LocalTime start, LocalTime end, Instant recordedAt, String user) {
        requireParty(partyId);
        Instant at = recordedAt != null ? recordedAt : gate.clock().instant();
        jdbc.sql("INSERT INTO party_contact_window (window_id, party_id, window_start, window_end, recorded_at, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params("W-" + UUID.randomUUID(), partyId, start == null ? null : start.toString(),
                        end == null ? null : end.toString(), Timestamp.from(at), user)
                .update();
        return new WindowView(partyId, start == null ? null : start.toString(), end == null ? null : end.toString(), at, user);
    }

    List<WindowView> windows(String partyId) {
        requireParty(partyId);
        return jdbc.sql("SELECT party_id, window_start, window_end, recorded_at, recorded_by FROM party_contact_window "
                        + "WHERE party_id = ? ORDER BY recorded_at, window_id").param(partyId)
                .query((rs, n) -> new WindowView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    private void requireParty(String partyId) {
        if (jdbc.sql("SELECT COUNT(*) FROM party WHERE party_id = ?").param(partyId).query(Integer.class).single() == 0) {
            throw ApiProblem.notFound("party", partyId);
        }
    }
}

package org.recoup.app.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.recoup.app.storage.RowSink;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Verdict;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The evidence trail: every verdict of the gate (allowed and blocked) with its reasons, the facts it used and the
 * profile version that decided, written with {@code COPY} on PostgreSQL (JDBC batches elsewhere); and the compliance
 * report read from it.
 */
@Repository
class VerdictAudit {

    /** One verdict to store. {@code contactId} is set when the verdict admitted a recorded contact. */
    record Entry(String verdictId, Instant decidedAt, String source, String username, ContactRequest request,
                 Verdict verdict, String facts, String templateId, String contactId) {
    }

    /** Blocks counted by one key (a reason code, a team, a template); null keys are reported as {@code "(none)"}. */
    record Count(String key, long blocks) {
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    VerdictAudit(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    void insert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> verdicts = new ArrayList<>(entries.size());
        List<Object[]> reasons = new ArrayList<>();
        for (Entry e : entries) {
            ContactRequest r = e.request();
            Verdict v = e.verdict();
            verdicts.add(new Object[] {e.verdictId(), e.decidedAt(), e.source(), e.username(),
                    r.accountId(), r.partyId(), r.contactPointId(), r.channel().name(), r.purpose().name(),
                    r.at(), v.decision().name(),
                    v.reasons().isEmpty() ? null : truncate(v.codes().stream().map(Enum::name).distinct()
                            .collect(Collectors.joining(",")), 1000),
                    v.nextAllowedAt(), e.facts(),
                    v.profileId(), v.profileVersion(), e.templateId(), e.contactId()});
            for (int i = 0; i < v.reasons().size(); i++) {
                Verdict.Reason reason = v.reasons().get(i);
                reasons.add(new Object[] {e.verdictId(), i + 1, reason.code().name(), truncate(reason.rule(), 200),
                        truncate(reason.message() == null ? "" : reason.message(), 2000)});
            }
        }
        jdbcTemplate.execute((ConnectionCallback<Void>) c -> {
            RowSink.insert(c, "compliance_verdict", VERDICT_COLUMNS, verdicts);
            RowSink.insert(c, "compliance_verdict_reason", REASON_COLUMNS, reasons);
            return null;
        });
    }

    private static final String VERDICT_COLUMNS = "verdict_id, decided_at, source, username, account_id, party_id, "
            + "contact_point_id, channel, purpose, contact_at, decision, reason_codes, next_allowed_at, facts, "
            + "profile_id, profile_version, template_id, contact_id";
    private static final String REASON_COLUMNS = "verdict_id, seq, code, rule, message";

    /** Blocks decided in {@code [from, to)} grouped three ways; one verdict with two codes counts once per code. */
    Map<String, List<Count>> report(Instant from, Instant to) {
        Map<String, List<Count>> report = new LinkedHashMap<>();
        report.put("byReason", counts("""
                SELECT r.code, COUNT(*) FROM compliance_verdict v JOIN compliance_verdict_reason r ON r.verdict_id = v.verdict_id
                WHERE v.decision = 'BLOCK' AND v.decided_at >= :from AND v.decided_at < :to
                GROUP BY r.code ORDER BY COUNT(*) DESC, r.code""", from, to));
        report.put("byTeam", counts("""
                SELECT u.team, COUNT(*) FROM compliance_verdict v LEFT JOIN app_user u ON u.username = v.username
                WHERE v.decision = 'BLOCK' AND v.decided_at >= :from AND v.decided_at < :to
                GROUP BY u.team ORDER BY COUNT(*) DESC, u.team""", from, to));
        report.put("byTemplate", counts("""
                SELECT v.template_id, COUNT(*) FROM compliance_verdict v
                WHERE v.decision = 'BLOCK' AND v.decided_at >= :from AND v.decided_at < :to
                GROUP BY v.template_id ORDER BY COUNT(*) DESC, v.template_id""", from, to));
        return report;
    }

    long count(String decision, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM compliance_verdict WHERE decision = :d AND decided_at >= :from AND decided_at < :to")
                .param("d", decision).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    private List<Count> counts(String sql, Instant from, Instant to) {
        return jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Count(rs.getString(1) == null ? "(none)" : rs.getString(1), rs.getLong(2)))
                .list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

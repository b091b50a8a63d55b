package org.recoup.app.team;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly targets per agent and per team, and progress against them.
 *
 * <p><b>Attribution.</b> A payment counts for the agent and the team that held its account's case (the borrower's case)
 * at the instant it was paid ({@code payment.paid_at}), read from the case's assignment history: the last change at or
 * before that instant. A payment made while the case was in a team pool with no agent counts for the team only; a
 * payment before the case had any assignment counts for nobody. The month runs from its first day 00:00 to the next
 * month's in the application's time zone. Contacts are the contact attempts an agent recorded in the month
 * ({@code created_by}); promises the promises they took ({@code created_by}, {@code promised_at}); a team's are its
 * current members' sums.
 */
@Service
public class Targets {

    /** A target; {@code month} as {@code 2026-11}. */
    public record TargetRequest(String month, String scope, String subject, String currency, Long amountMinor,
                                Integer contactsTarget, Integer promisesTarget) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Targets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static YearMonth month(String value, String field) {
        try {
            return YearMonth.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_MONTH", field, field + " must be a month like 2026-11, was '" + value + "'");
        }
    }

    @Transactional
    public void save(Actor actor, TargetRequest r) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "only supervisors and administrators set targets");
        }
        if (r == null) {
            throw ApiProblem.badRequest("INVALID_TARGET", null, "a target {month, scope, subject, currency, amountMinor}");
        }
        YearMonth month = month(r.month(), "month");
        String scope = r.scope() == null ? "" : r.scope().strip().toUpperCase(Locale.ROOT);
        if (!scope.equals("AGENT") && !scope.equals("TEAM")) {
            throw ApiProblem.badRequest("INVALID_TARGET", "scope", "scope must be AGENT or TEAM");
        }
        String subject = r.subject() == null ? "" : r.subject().strip();
        boolean known = scope.equals("AGENT")
                ? jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ? AND role IN ('AGENT', 'TEAM_LEAD')")
                        .param(subject).query(Long.class).single() > 0
                : jdbc.sql("SELECT COUNT(*) FROM team WHERE team_id = ? AND kind = 'TEAM'").param(subject)
                        .query(Long.class).single() > 0;
        if (!known) {
            throw ApiProblem.badRequest("INVALID_TARGET", "subject", "subject '" + subject + "' is not "
                    + (scope.equals("AGENT") ? "an agent" : "a team"));
        }
        String currency = r.currency() == null ? "" : r.currency().strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_TARGET", "currency", "currency must be an ISO 4217 code like CNY");
        }
        if (r.amountMinor() == null || r.amountMinor() < 0) {
            throw ApiProblem.badRequest("INVALID_TARGET", "amountMinor", "amountMinor is required: minor units, at least 0");
        }
        if (r.contactsTarget() != null && r.contactsTarget() < 0) {
            throw ApiProblem.badRequest("INVALID_TARGET", "contactsTarget", "contactsTarget must not be negative");
        }
        if (r.promisesTarget() != null && r.promisesTarget() < 0) {
            throw ApiProblem.badRequest("INVALID_TARGET", "promisesTarget", "promisesTarget must not be negative");
        }
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate first = month.atDay(1);
        int updated = jdbc.sql("UPDATE collection_target SET amount_minor = ?, contacts_target = ?, promises_target = ?, "
                        + "updated_at = ?, updated_by = ? WHERE target_month = ? AND scope = ? AND subject = ? AND currency = ?")
                .params(r.amountMinor(), r.contactsTarget(), r.promisesTarget(), now, actor.username(), first, scope,
                        subject, currency).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO collection_target (target_month, scope, subject, currency, amount_minor, contacts_target, "
                            + "promises_target, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(first, scope, subject, currency, r.amountMinor(), r.contactsTarget(), r.promisesTarget(), now,
                            actor.username()).update();
        }
    }

    /**
     * Progress of every target of the month (a team lead sees their team and its members only): one row per target,
     * columns scope, subject, currency, target, recovered, progress (recovered / target), contacts and promises with
     * their targets.
     */
    public Table progress(Actor actor, YearMonth month, Map<String, String> labels) {
        ZoneId zone = clock.getZone();
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Map<String, Long> recovered = new HashMap<>();
        jdbc.sql("""
                        SELECT h.agent, h.team, ac.currency, SUM(p.amount_minor)
                        FROM payment p JOIN account ac ON ac.account_id = p.account_id
                        JOIN case_assignment_history h ON h.case_id = 'C-' || (SELECT MIN(ap.party_id) FROM account_party ap
                                 WHERE ap.account_id = p.account_id AND ap.role = 'BORROWER')
                             AND h.seq = (SELECT MAX(h2.seq) FROM case_assignment_history h2
                                          WHERE h2.case_id = h.case_id AND h2.assigned_at <= p.paid_at)
                        WHERE p.paid_at >= ? AND p.paid_at < ?
                        GROUP BY h.agent, h.team, ac.currency""")
                .params(from, to)
                .query(rs -> {
                    long amount = rs.getLong(4);
                    if (rs.getString(1) != null) {
                        recovered.merge("AGENT|" + rs.getString(1) + "|" + rs.getString(3), amount, Long::sum);
                    }
                    if (rs.getString(2) != null) {
                        recovered.merge("TEAM|" + rs.getString(2) + "|" + rs.getString(3), amount, Long::sum);
                    }
                });
        Map<String, Long> contacts = counts("SELECT created_by, COUNT(*) FROM contact_attempt WHERE created_by IS NOT NULL "
                + "AND attempted_at >= ? AND attempted_at < ? GROUP BY created_by", from, to);
        Map<String, Long> promises = counts("SELECT created_by, COUNT(*) FROM promise WHERE promised_at >= ? "
                + "AND promised_at < ? GROUP BY created_by", from, to);
        Map<String, String> teamOf = new HashMap<>();
        jdbc.sql("SELECT username, team FROM app_user WHERE team IS NOT NULL")
                .query(rs -> {
                    teamOf.put(rs.getString(1), rs.getString(2));
                });
        Table.Builder table = Table.titled(labels.getOrDefault("title", "Targets") + " " + month)
                .column("scope", labels.get("scope"), Table.Kind.TEXT)
                .column("subject", labels.get("subject"), Table.Kind.TEXT)
                .column("team", labels.get("team"), Table.Kind.TEXT)
                .column("currency", labels.get("currency"), Table.Kind.TEXT)
                .column("target", labels.get("target"), Table.Kind.AMOUNT)
                .column("recovered", labels.get("recovered"), Table.Kind.AMOUNT)
                .column("progress", labels.get("progress"), Table.Kind.RATE)
                .column("contactsTarget", labels.get("contactsTarget"), Table.Kind.INTEGER)
                .column("contacts", labels.get("contacts"), Table.Kind.INTEGER)
                .column("promisesTarget", labels.get("promisesTarget"), Table.Kind.INTEGER)
                .column("promises", labels.get("promises"), Table.Kind.INTEGER);
        jdbc.sql("SELECT scope, subject, currency, amount_minor, contacts_target, promises_target FROM collection_target "
                        + "WHERE target_month = ? ORDER BY scope DESC, subject, currency")
                .param(month.atDay(1))
                .query(rs -> {
                    String scope = rs.getString(1);
                    String subject = rs.getString(2);
                    String team = scope.equals("TEAM") ? subject : teamOf.get(subject);
                    if (actor.role() == Role.TEAM_LEAD && (actor.team() == null || !actor.team().equals(team))) {
                        return;
                    }
                    String currency = rs.getString(3);
                    Currency cur = Currency.getInstance(currency);
                    int digits = Math.max(0, cur.getDefaultFractionDigits());
                    long target = rs.getLong(4);
                    long got = recovered.getOrDefault(scope + "|" + subject + "|" + currency, 0L);
                    long contactCount = scope.equals("AGENT") ? contacts.getOrDefault(subject, 0L)
                            : sumOfMembers(contacts, teamOf, subject);
                    long promiseCount = scope.equals("AGENT") ? promises.getOrDefault(subject, 0L)
                            : sumOfMembers(promises, teamOf, subject);
                    table.row(scope, subject, team, currency, BigDecimal.valueOf(target, digits),
                            BigDecimal.valueOf(got, digits),
                            target == 0 ? null : BigDecimal.valueOf(got).divide(BigDecimal.valueOf(target), 4,
                                    RoundingMode.HALF_UP),
                            (Integer) rs.getObject(5), contactCount, (Integer) rs.getObject(6), promiseCount);
                });
        return table.build();
    }

    private Map<String, Long> counts(String sql, Timestamp from, Timestamp to) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql(sql).params(from, to).query(rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        });
        return out;
    }

    private static long sumOfMembers(Map<String, Long> byUser, Map<String, String> teamOf, String team) {
        long sum = 0;
        for (var e : byUser.entrySet()) {
            if (team.equals(teamOf.get(e.getKey()))) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    static List<String> labelKeys() {
        return List.of("title", "scope", "subject", "team", "currency", "target", "recovered", "progress",
                "contactsTarget", "contacts", "promisesTarget", "promises");
    }
}

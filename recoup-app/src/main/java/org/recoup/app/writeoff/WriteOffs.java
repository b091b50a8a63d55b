package org.recoup.app.writeoff;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charge-off of accounts (supervisors and administrators only) and the recoveries that follow: payments on a
 * charged-off account dated after its charge-off date are recoveries, reported apart from collections.
 */
@Service
public class WriteOffs {

    public record ChargeOffRequest(String accountId, String reasonCode, LocalDate chargedOffOn, String note) {
    }

    public record ChargeOff(String accountId, LocalDate chargedOffOn, String reasonCode, String note, String currency,
                            long balanceMinor, String createdBy) {
    }

    private final JdbcClient jdbc;
    private final WriteOffPolicy policy;
    private final Clock clock;
    private final MessageSource messages;

    WriteOffs(JdbcClient jdbc, WriteOffPolicy policy, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
        this.messages = messages;
    }

    static void requireManager(Actor actor, String what) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "only supervisors and administrators " + what);
        }
    }

    @Transactional
    public ChargeOff chargeOff(Actor actor, ChargeOffRequest r) {
        requireManager(actor, "write accounts off");
        if (r == null || r.accountId() == null || r.accountId().isBlank()) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF", "accountId", "accountId is required");
        }
        WriteOffPolicy.Config config = policy.current();
        if (r.reasonCode() == null || !config.has(r.reasonCode())) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF", "reasonCode", "reasonCode must be one of "
                    + config.reasons().stream().map(WriteOffPolicy.Reason::code).toList() + ", was '" + r.reasonCode() + "'");
        }
        if (r.chargedOffOn() == null) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF", "chargedOffOn", "chargedOffOn is required");
        }
        if (r.chargedOffOn().isAfter(LocalDate.now(clock.withZone(ZoneId.of(config.zone()))))) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF", "chargedOffOn", "chargedOffOn is in the future");
        }
        if (r.note() != null && r.note().length() > 500) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF", "note", "note is at most 500 characters");
        }
        jdbc.sql("SELECT account_id FROM account WHERE account_id = ?").param(r.accountId()).query(String.class)
                .optional().orElseThrow(() -> ApiProblem.notFound("account", r.accountId()));
        if (inSoldSale(r.accountId())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ACCOUNT_SOLD", "accountId",
                    "account " + r.accountId() + " is sold; buy it back before writing it off");
        }
        var state = jdbc.sql("""
                        SELECT s.currency, s.outstanding_principal_minor + s.overdue_interest_minor + s.overdue_fees_minor
                                 + s.overdue_penalty_minor
                        FROM account_state s WHERE s.account_id = ? AND s.as_of = (SELECT MAX(s2.as_of) FROM account_state s2
                                WHERE s2.account_id = s.account_id AND s2.as_of <= ?)""")
                .params(r.accountId(), r.chargedOffOn())
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)}).optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NO_STATE", "chargedOffOn",
                        "account " + r.accountId() + " has no state on or before " + r.chargedOffOn()
                                + ": run the daily run first"));
        try {
            jdbc.sql("INSERT INTO charge_off (account_id, charged_off_on, reason_code, note, currency, balance_minor, "
                            + "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(r.accountId(), r.chargedOffOn(), r.reasonCode(), r.note(), state[0], state[1],
                            Timestamp.from(clock.instant()), actor.username()).update();
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ALREADY_CHARGED_OFF", "accountId",
                    "account " + r.accountId() + " is charged off already");
        }
        return find(r.accountId());
    }

    private boolean inSoldSale(String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM debt_sale_account dsa JOIN debt_sale ds ON ds.sale_id = dsa.sale_id "
                        + "WHERE dsa.active_account_id = ? AND ds.status = 'SOLD'").param(accountId)
                .query(Long.class).single() > 0;
    }

    public ChargeOff find(String accountId) {
        return jdbc.sql("SELECT account_id, charged_off_on, reason_code, note, currency, balance_minor, created_by "
                        + "FROM charge_off WHERE account_id = ?").param(accountId)
                .query((rs, i) -> new ChargeOff(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7)))
                .optional().orElseThrow(() -> ApiProblem.notFound("charge-off of account", accountId));
    }

    /** Charged-off accounts with the balance written off, the recoveries since and the recovery rate. */
    public Table chargeOffs(Locale locale) {
        ZoneId zone = ZoneId.of(policy.current().zone());
        Table.Builder b = Table.titled(msg(locale, "writeoff.chargeoffs"))
                .column("account_id", msg(locale, "writeoff.col.account_id"), Table.Kind.TEXT)
                .column("charged_off_on", msg(locale, "writeoff.col.charged_off_on"), Table.Kind.DATE)
                .column("reason_code", msg(locale, "writeoff.col.reason_code"), Table.Kind.TEXT)
                .column("currency", msg(locale, "writeoff.col.currency"), Table.Kind.TEXT)
                .column("balance", msg(locale, "writeoff.col.balance"), Table.Kind.AMOUNT)
                .column("recovered", msg(locale, "writeoff.col.recovered"), Table.Kind.AMOUNT)
                .column("recovery_rate", msg(locale, "writeoff.col.recovery_rate"), Table.Kind.RATE)
                .column("created_by", msg(locale, "writeoff.col.created_by"), Table.Kind.TEXT);
        List<ChargeOff> all = jdbc.sql("SELECT account_id, charged_off_on, reason_code, note, currency, balance_minor, "
                        + "created_by FROM charge_off ORDER BY charged_off_on DESC, account_id FETCH FIRST 5000 ROWS ONLY")
                .query((rs, i) -> new ChargeOff(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7))).list();
        for (ChargeOff c : all) {
            long recovered = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM payment WHERE account_id = ? "
                            + "AND paid_at >= ?")
                    .params(c.accountId(), Timestamp.from(c.chargedOffOn().plusDays(1).atStartOfDay(zone).toInstant()))
                    .query(Long.class).single();
            b.row(c.accountId(), c.chargedOffOn(), c.reasonCode(), c.currency(), major(c.balanceMinor(), c.currency()),
                    major(recovered, c.currency()), c.balanceMinor() <= 0 ? null
                            : BigDecimal.valueOf(recovered).divide(BigDecimal.valueOf(c.balanceMinor()), 4,
                            java.math.RoundingMode.HALF_UP), c.createdBy());
        }
        return b.build();
    }

    /** Recoveries: payments on charged-off accounts dated after the charge-off date, paid from {@code from} to {@code to}. */
    public Table recoveries(LocalDate from, LocalDate to, Locale locale) {
        ZoneId zone = ZoneId.of(policy.current().zone());
        Table.Builder b = Table.titled(msg(locale, "writeoff.recoveries"))
                .column("payment_id", msg(locale, "writeoff.col.payment_id"), Table.Kind.TEXT)
                .column("account_id", msg(locale, "writeoff.col.account_id"), Table.Kind.TEXT)
                .column("charged_off_on", msg(locale, "writeoff.col.charged_off_on"), Table.Kind.DATE)
                .column("reason_code", msg(locale, "writeoff.col.reason_code"), Table.Kind.TEXT)
                .column("paid_on", msg(locale, "writeoff.col.paid_on"), Table.Kind.DATE)
                .column("currency", msg(locale, "writeoff.col.currency"), Table.Kind.TEXT)
                .column("amount", msg(locale, "writeoff.col.amount"), Table.Kind.AMOUNT);
        jdbc.sql("""
                        SELECT p.payment_id, p.account_id, co.charged_off_on, co.reason_code, p.paid_at, co.currency,
                               p.amount_minor
                        FROM charge_off co JOIN payment p ON p.account_id = co.account_id
                        WHERE p.paid_at >= ? AND p.paid_at < ?
                        ORDER BY p.paid_at, p.payment_id""")
                .params(Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    LocalDate paidOn = LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), zone);
                    LocalDate chargedOff = rs.getObject(3, LocalDate.class);
                    if (paidOn.isAfter(chargedOff)) {
                        b.row(rs.getString(1), rs.getString(2), chargedOff, rs.getString(4), paidOn, rs.getString(6),
                                major(rs.getLong(7), rs.getString(6)));
                    }
                });
        return b.build();
    }

    static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale == null ? Locale.ENGLISH : locale);
    }
}

package org.recoup.app.writeoff;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.security.Actor;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debt sale: a pool selected by filters from the account states of a date (DRAFT, reviewed: accounts can be taken
 * out), sold to a buyer at a price (SOLD: the accounts are closed for collection), its sale file for the buyer, and
 * buyback of single accounts (they reopen for collection). An account is in at most one live sale.
 */
@Service
public class DebtSales {

    /** Pool filters; null = no condition. Balances in minor units; {@code currency} is required (one price, one currency). */
    public record Filters(String currency, List<String> buckets, Integer minDpd, Integer maxDpd, List<String> products,
                          List<String> portfolios, Long minBalanceMinor, Long maxBalanceMinor, Boolean chargedOffOnly,
                          List<String> accountIds) {
    }

    public record SaleRequest(String saleId, String buyer, LocalDate asOf, Filters filters) {
    }

    public record SellRequest(BigDecimal price, LocalDate soldOn) {
    }

    public record BuybackRequest(String reason, LocalDate boughtBackOn) {
    }

    public record SaleAccount(String accountId, String currency, int dpd, String bucket, long outstandingPrincipalMinor,
                              long overdueTotalMinor, long balanceMinor, LocalDate boughtBackOn, String buybackReason) {
    }

    public record Sale(String saleId, String buyer, String status, LocalDate asOf, String currency, Long priceMinor,
                       LocalDate soldOn, String soldBy, String createdBy, long accounts, long balanceMinor,
                       List<SaleAccount> pool) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final MessageSource messages;

    DebtSales(JdbcClient jdbc, JsonMapper json, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional
    public Sale create(Actor actor, SaleRequest r) {
        WriteOffs.requireManager(actor, "sell debt");
        if (r == null || r.buyer() == null || r.buyer().isBlank() || r.buyer().length() > 200) {
            throw ApiProblem.badRequest("INVALID_SALE", "buyer", "buyer is required (at most 200 characters)");
        }
        if (r.asOf() == null) {
            throw ApiProblem.badRequest("INVALID_SALE", "asOf", "asOf (the date of the states the pool is taken from) is required");
        }
        Filters f = r.filters();
        if (f == null || f.currency() == null || f.currency().isBlank()) {
            throw ApiProblem.badRequest("INVALID_SALE", "filters.currency", "filters.currency is required");
        }
        String saleId = r.saleId() == null || r.saleId().isBlank()
                ? "DS-" + Long.toString(clock.millis(), 36).toUpperCase(Locale.ROOT) : r.saleId().strip();
        if (!saleId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiProblem.badRequest("INVALID_SALE", "saleId", "saleId: 1 to 64 letters, digits, '-' or '_'");
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO debt_sale (sale_id, buyer, status, as_of, filters, currency, created_at, created_by) "
                            + "VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?)")
                    .params(saleId, r.buyer().strip(), r.asOf(), json.writeValueAsString(f), f.currency(),
                            Timestamp.from(now), actor.username()).update();
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "SALE_EXISTS", "saleId", "sale " + saleId + " exists already");
        }
        StringBuilder where = new StringBuilder(" WHERE s.as_of = ? AND s.currency = ?");
        List<Object> params = new ArrayList<>(List.of(saleId, r.asOf(), f.currency()));
        in(where, params, "s.bucket", f.buckets());
        in(where, params, "a.product", f.products());
        in(where, params, "a.portfolio", f.portfolios());
        in(where, params, "s.account_id", f.accountIds());
        if (f.minDpd() != null) {
            where.append(" AND s.dpd >= ?");
            params.add(f.minDpd());
        }
        if (f.maxDpd() != null) {
            where.append(" AND s.dpd <= ?");
            params.add(f.maxDpd());
        }
        String balance = "s.outstanding_principal_minor + s.overdue_interest_minor + s.overdue_fees_minor "
                + "+ s.overdue_penalty_minor";
        if (f.minBalanceMinor() != null) {
            where.append(" AND ").append(balance).append(" >= ?");
            params.add(f.minBalanceMinor());
        }
        if (f.maxBalanceMinor() != null) {
            where.append(" AND ").append(balance).append(" <= ?");
            params.add(f.maxBalanceMinor());
        }
        if (Boolean.TRUE.equals(f.chargedOffOnly())) {
            where.append(" AND EXISTS (SELECT 1 FROM charge_off co WHERE co.account_id = s.account_id)");
        }
        where.append(" AND NOT EXISTS (SELECT 1 FROM debt_sale_account x WHERE x.active_account_id = s.account_id)");
        jdbc.sql("INSERT INTO debt_sale_account (sale_id, account_id, active_account_id, currency, dpd, bucket, "
                        + "outstanding_principal_minor, overdue_total_minor, balance_minor) "
                        + "SELECT CAST(? AS VARCHAR(64)), s.account_id, s.account_id, s.currency, s.dpd, s.bucket, "
                        + "s.outstanding_principal_minor, s.overdue_total_minor, " + balance
                        + " FROM account_state s JOIN account a ON a.account_id = s.account_id" + where)
                .params(params).update();
        return find(saleId);
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(")");
            params.addAll(values);
        }
    }

    /** Takes an account out of a DRAFT pool (review). */
    @Transactional
    public Sale exclude(Actor actor, String saleId, String accountId) {
        WriteOffs.requireManager(actor, "sell debt");
        requireStatus(saleId, "DRAFT");
        int removed = jdbc.sql("DELETE FROM debt_sale_account WHERE sale_id = ? AND account_id = ?")
                .params(saleId, accountId).update();
        if (removed == 0) {
            throw ApiProblem.notFound("account in sale " + saleId, accountId);
        }
        return find(saleId);
    }

    @Transactional
    public Sale sell(Actor actor, String saleId, SellRequest r) {
        WriteOffs.requireManager(actor, "sell debt");
        Sale sale = find(saleId);
        if (r == null || r.price() == null || r.price().signum() < 0) {
            throw ApiProblem.badRequest("INVALID_SALE", "price", "price is required and not negative");
        }
        if (r.soldOn() == null) {
            throw ApiProblem.badRequest("INVALID_SALE", "soldOn", "soldOn is required");
        }
        if (sale.accounts() == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "EMPTY_POOL", "saleId", "sale " + saleId + " has no accounts");
        }
        int digits = Math.max(0, Currency.getInstance(sale.currency()).getDefaultFractionDigits());
        long priceMinor;
        try {
            priceMinor = r.price().movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiProblem.badRequest("INVALID_SALE", "price", "price has more than " + digits + " decimals");
        }
        int updated = jdbc.sql("UPDATE debt_sale SET status = 'SOLD', price_minor = ?, sold_on = ?, sold_at = ?, "
                        + "sold_by = ? WHERE sale_id = ? AND status = 'DRAFT'")
                .params(priceMinor, r.soldOn(), Timestamp.from(clock.instant()), actor.username(), saleId).update();
        if (updated == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "SALE_NOT_DRAFT", "saleId", "sale " + saleId + " is " + sale.status()
                    + ", not DRAFT");
        }
        return find(saleId);
    }

    @Transactional
    public Sale cancel(Actor actor, String saleId) {
        WriteOffs.requireManager(actor, "sell debt");
        requireStatus(saleId, "DRAFT");
        jdbc.sql("UPDATE debt_sale SET status = 'CANCELLED' WHERE sale_id = ?").param(saleId).update();
        jdbc.sql("UPDATE debt_sale_account SET active_account_id = NULL WHERE sale_id = ?").param(saleId).update();
        return find(saleId);
    }

    /** Buys one sold account back: it reopens for collection. */
    @Transactional
    public Sale buyback(Actor actor, String saleId, String accountId, BuybackRequest r) {
        WriteOffs.requireManager(actor, "buy debt back");
        requireStatus(saleId, "SOLD");
        if (r == null || r.reason() == null || r.reason().isBlank() || r.reason().length() > 500) {
            throw ApiProblem.badRequest("REASON_REQUIRED", "reason", "reason is required (at most 500 characters)");
        }
        if (r.boughtBackOn() == null) {
            throw ApiProblem.badRequest("INVALID_BUYBACK", "boughtBackOn", "boughtBackOn is required");
        }
        int updated = jdbc.sql("UPDATE debt_sale_account SET active_account_id = NULL, bought_back_on = ?, "
                        + "bought_back_at = ?, bought_back_by = ?, buyback_reason = ? "
                        + "WHERE sale_id = ? AND account_id = ? AND bought_back_on IS NULL")
                .params(r.boughtBackOn(), Timestamp.from(clock.instant()), actor.username(), r.reason().strip(), saleId,
                        accountId).update();
        if (updated == 0) {
            boolean inSale = jdbc.sql("SELECT COUNT(*) FROM debt_sale_account WHERE sale_id = ? AND account_id = ?")
                    .params(saleId, accountId).query(Long.class).single() > 0;
            if (!inSale) {
                throw ApiProblem.notFound("account in sale " + saleId, accountId);
            }
            throw new ApiProblem(HttpStatus.CONFLICT, "ALREADY_BOUGHT_BACK", "accountId",
                    "account " + accountId + " was bought back already");
        }
        return find(saleId);
    }

    private void requireStatus(String saleId, String status) {
        String actual = find(saleId).status();
        if (!status.equals(actual)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "SALE_NOT_" + status, "saleId",
                    "sale " + saleId + " is " + actual + ", not " + status);
        }
    }

    public Sale find(String saleId) {
        List<SaleAccount> pool = jdbc.sql("SELECT account_id, currency, dpd, bucket, outstanding_principal_minor, "
                        + "overdue_total_minor, balance_minor, bought_back_on, buyback_reason FROM debt_sale_account "
                        + "WHERE sale_id = ? ORDER BY account_id").param(saleId)
                .query((rs, i) -> new SaleAccount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getObject(8, LocalDate.class), rs.getString(9)))
                .list();
        return jdbc.sql("SELECT sale_id, buyer, status, as_of, currency, price_minor, sold_on, sold_by, created_by "
                        + "FROM debt_sale WHERE sale_id = ?").param(saleId)
                .query((rs, i) -> new Sale(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), (Long) rs.getObject(6, Long.class),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), pool.size(),
                        pool.stream().mapToLong(SaleAccount::balanceMinor).sum(), pool))
                .optional().orElseThrow(() -> ApiProblem.notFound("debt sale", saleId));
    }

    public List<Sale> list() {
        return jdbc.sql("SELECT sale_id FROM debt_sale ORDER BY created_at DESC, sale_id FETCH FIRST 500 ROWS ONLY")
                .query(String.class).list().stream().map(this::find).toList();
    }

    /** All sales as a table (page and download). */
    public Table salesTable(Locale locale) {
        Table.Builder b = Table.titled(msg(locale, "writeoff.sales"))
                .column("sale_id", msg(locale, "writeoff.col.sale_id"), Table.Kind.TEXT)
                .column("buyer", msg(locale, "writeoff.col.buyer"), Table.Kind.TEXT)
                .column("status", msg(locale, "writeoff.col.status"), Table.Kind.TEXT)
                .column("as_of", msg(locale, "writeoff.col.as_of"), Table.Kind.DATE)
                .column("accounts", msg(locale, "writeoff.col.accounts"), Table.Kind.INTEGER)
                .column("currency", msg(locale, "writeoff.col.currency"), Table.Kind.TEXT)
                .column("balance", msg(locale, "writeoff.col.balance"), Table.Kind.AMOUNT)
                .column("price", msg(locale, "writeoff.col.price"), Table.Kind.AMOUNT)
                .column("sold_on", msg(locale, "writeoff.col.sold_on"), Table.Kind.DATE);
        for (Sale s : list()) {
            b.row(s.saleId(), s.buyer(), s.status(), s.asOf(), s.accounts(), s.currency(),
                    WriteOffs.major(s.balanceMinor(), s.currency()),
                    s.priceMinor() == null ? null : WriteOffs.major(s.priceMinor(), s.currency()), s.soldOn());
        }
        return b.build();
    }

    /**
     * The sale file for the buyer: per account the balances at the pool date and the debtor data needed to collect
     * (borrower name, id number, first mobile and address on file); bought-back accounts are marked.
     */
    public Table saleFile(String saleId, Locale locale) {
        Sale sale = find(saleId);
        Table.Builder b = Table.titled(msg(locale, "writeoff.salefile") + " " + saleId)
                .column("sale_id", "sale_id", Table.Kind.TEXT)
                .column("account_id", msg(locale, "writeoff.col.account_id"), Table.Kind.TEXT)
                .column("product", msg(locale, "writeoff.col.product"), Table.Kind.TEXT)
                .column("creditor", msg(locale, "writeoff.col.creditor"), Table.Kind.TEXT)
                .column("open_date", msg(locale, "writeoff.col.open_date"), Table.Kind.DATE)
                .column("currency", msg(locale, "writeoff.col.currency"), Table.Kind.TEXT)
                .column("principal", msg(locale, "writeoff.col.principal"), Table.Kind.AMOUNT)
                .column("dpd", "dpd", Table.Kind.INTEGER)
                .column("bucket", msg(locale, "writeoff.col.bucket"), Table.Kind.TEXT)
                .column("outstanding_principal", msg(locale, "writeoff.col.outstanding_principal"), Table.Kind.AMOUNT)
                .column("overdue_total", msg(locale, "writeoff.col.overdue_total"), Table.Kind.AMOUNT)
                .column("balance", msg(locale, "writeoff.col.balance"), Table.Kind.AMOUNT)
                .column("charged_off_on", msg(locale, "writeoff.col.charged_off_on"), Table.Kind.DATE)
                .column("borrower_id", msg(locale, "writeoff.col.borrower_id"), Table.Kind.TEXT)
                .column("borrower_name", msg(locale, "writeoff.col.borrower_name"), Table.Kind.TEXT)
                .column("borrower_id_number", msg(locale, "writeoff.col.borrower_id_number"), Table.Kind.TEXT)
                .column("borrower_mobile", msg(locale, "writeoff.col.borrower_mobile"), Table.Kind.TEXT)
                .column("borrower_address", msg(locale, "writeoff.col.borrower_address"), Table.Kind.TEXT)
                .column("bought_back_on", msg(locale, "writeoff.col.bought_back_on"), Table.Kind.DATE);
        jdbc.sql("""
                        SELECT dsa.account_id, a.product, a.creditor, a.open_date, dsa.currency, a.principal_minor, dsa.dpd,
                               dsa.bucket, dsa.outstanding_principal_minor, dsa.overdue_total_minor, dsa.balance_minor,
                               co.charged_off_on, p.party_id, p.name, p.id_number,
                               (SELECT MIN(cp.contact_value) FROM contact_point cp WHERE cp.party_id = p.party_id
                                  AND cp.type = 'MOBILE' AND cp.valid = TRUE),
                               (SELECT MIN(cp.contact_value) FROM contact_point cp WHERE cp.party_id = p.party_id
                                  AND cp.type = 'ADDRESS' AND cp.valid = TRUE),
                               dsa.bought_back_on
                        FROM debt_sale_account dsa
                        JOIN account a ON a.account_id = dsa.account_id
                        LEFT JOIN charge_off co ON co.account_id = dsa.account_id
                        LEFT JOIN account_party ap ON ap.account_id = dsa.account_id AND ap.role = 'BORROWER'
                        LEFT JOIN party p ON p.party_id = ap.party_id
                        WHERE dsa.sale_id = ?
                        ORDER BY dsa.account_id, p.party_id""")
                .param(saleId)
                .query(rs -> {
                    String currency = rs.getString(5);
                    b.row(sale.saleId(), rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), currency, WriteOffs.major(rs.getLong(6), currency),
                            rs.getInt(7), rs.getString(8), WriteOffs.major(rs.getLong(9), currency),
                            WriteOffs.major(rs.getLong(10), currency), WriteOffs.major(rs.getLong(11), currency),
                            rs.getObject(12, LocalDate.class), rs.getString(13), rs.getString(14), rs.getString(15),
                            rs.getString(16), rs.getString(17), rs.getObject(18, LocalDate.class));
                });
        return b.build();
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale == null ? Locale.ENGLISH : locale);
    }
}

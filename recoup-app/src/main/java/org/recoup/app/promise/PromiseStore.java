package org.recoup.app.promise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.promise.Promise;
import org.recoup.engine.promise.PromiseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The promise and promise_request tables, plus what resolving needs of account, party and payment. */
@Repository
class PromiseStore {

    /** Ids are sent in slices of this many, each as one array parameter ({@code = ANY (?)}: one plan, whatever the count). */
    static final int SLICE = 1_000;

    record StoredRequest(String requestHash, String promiseId) {
    }

    record StoredPromise(String promiseId, String accountId, String partyId, long amountMinor, LocalDate dueDate,
                         String channel, Instant promisedAt, Instant cancelledAt, PromiseStatus status, long paidMinor,
                         LocalDate resolvedOn, String createdBy, String source) {

        Promise toEngine() {
            return new Promise(promiseId, partyId, amountMinor, dueDate, promisedAt, cancelledAt);
        }
    }

    /** What resolving an account's promises needs besides them: its business zone and currency. */
    record AccountZone(String accountId, ZoneId zone, Currency currency, boolean defaulted) {
    }

    private static final String COLUMNS = "promise_id, account_id, party_id, amount_minor, due_date, channel, "
            + "promised_at, cancelled_at, status, paid_minor, resolved_on, created_by, source";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final Map<String, Optional<ZoneId>> zones = new ConcurrentHashMap<>();

    PromiseStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    Optional<StoredRequest> findRequest(String requestedBy, String idempotencyKey) {
        return jdbc.sql("""
                        SELECT request_hash, promise_id
                        FROM promise_request WHERE requested_by = ? AND idempotency_key = ?""")
                .params(requestedBy, idempotencyKey)
                .query((rs, i) -> new StoredRequest(rs.getString(1).strip(), rs.getString(2)))
                .optional();
    }

    /** Fails with {@link org.springframework.dao.DuplicateKeyException} when the user already used the key. */
    void insertRequest(String requestedBy, String idempotencyKey, String requestHash, String promiseId, Instant at) {
        jdbc.sql("""
                        INSERT INTO promise_request (requested_by, idempotency_key, request_hash, promise_id, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(requestedBy, idempotencyKey, requestHash, promiseId, utc(at))
                .update();
    }

    void insert(StoredPromise p) {
        jdbc.sql("""
                        INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, channel,
                                             promised_at, status, paid_minor, resolved_on, cancelled_at, created_by, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.promiseId(), p.accountId(), p.partyId(), p.amountMinor(), p.dueDate(), p.channel(),
                        utc(p.promisedAt()), p.status().name(), p.paidMinor(), p.resolvedOn(), utc(p.cancelledAt()),
                        p.createdBy(), p.source())
                .update();
    }

    List<StoredPromise> forAccount(String accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM promise WHERE account_id = ? ORDER BY promised_at, promise_id")
                .param(accountId).query((rs, i) -> promise(rs)).list();
    }

    /** The promises of the accounts, grouped by account (accounts without promises are absent). */
    Map<String, List<StoredPromise>> forAccounts(Collection<String> accountIds) {
        Map<String, List<StoredPromise>> out = new LinkedHashMap<>();
        for (List<String> slice : slices(accountIds)) {
            jdbc.sql("SELECT " + COLUMNS + " FROM promise WHERE account_id = ANY (:ids) ORDER BY account_id, promised_at, promise_id")
                    .param("ids", slice.toArray(String[]::new))
                    .query((rs, i) -> promise(rs))
                    .list()
                    .forEach(p -> out.computeIfAbsent(p.accountId(), a -> new ArrayList<>()).add(p));
        }
        return out;
    }

    /** Payments of the accounts, grouped by account, in the order received. */
    Map<String, List<Payment>> payments(Collection<String> accountIds) {
        Map<String, List<Payment>> out = new HashMap<>();
        for (List<String> slice : slices(accountIds)) {
            jdbc.sql("""
                            SELECT account_id, payment_id, paid_at, amount_minor, channel FROM payment
                            WHERE account_id = ANY (:ids) ORDER BY account_id, paid_at, payment_id""")
                    .param("ids", slice.toArray(String[]::new))
                    .query((ResultSet rs) -> {
                        out.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(new Payment(rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4),
                                PaymentChannel.valueOf(rs.getString(5))));
                    });
        }
        return out;
    }

    /**
     * Business zone (the borrower's time zone, else the jurisdiction's, as the delinquency engine dates payments) and
     * currency of the accounts.
     */
    Map<String, AccountZone> zones(Collection<String> accountIds) {
        Map<String, AccountZone> out = new HashMap<>();
        for (List<String> slice : slices(accountIds)) {
            jdbc.sql("""
                            SELECT a.account_id, a.jurisdiction, a.currency, p.time_zone
                            FROM account a
                            LEFT JOIN account_party ap ON ap.account_id = a.account_id AND ap.role = 'BORROWER'
                            LEFT JOIN party p ON p.party_id = ap.party_id
                            WHERE a.account_id = ANY (:ids)
                            ORDER BY a.account_id, ap.party_id""")
                    .param("ids", slice.toArray(String[]::new))
                    .query((ResultSet rs) -> {
                        String id = rs.getString(1);
                        AccountZone known = out.get(id);
                        if (known != null && !known.defaulted()) {
                            return;
                        }
                        Optional<ZoneId> zone = zone(rs.getString(4));
                        ZoneId fallback = Jurisdiction.valueOf(rs.getString(2)).defaultZone();
                        if (known == null || zone.isPresent()) {
                            out.put(id, new AccountZone(id, zone.orElse(fallback),
                                    Currency.getInstance(rs.getString(3).strip()), zone.isEmpty()));
                        }
                    });
        }
        return out;
    }

    /** Accounts with a promise still PENDING in the cache that was made before {@code before}, in id order. */
    List<String> accountsWithPendingPromises(Instant before) {
        return jdbc.sql("""
                        SELECT DISTINCT account_id FROM promise
                        WHERE status = 'PENDING' AND promised_at < ? ORDER BY account_id""")
                .param(utc(before)).query(String.class).list();
    }

    /**
     * Writes new cached statuses, each pair {old, new} only if the row still holds the old values (a concurrent
     * cancellation or resolution wins; the next resolution catches up). Returns how many rows changed.
     */
    int updateStatuses(List<StoredPromise[]> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int[] counts : batch(changes)) {
            for (int c : counts) {
                n += Math.max(c, 0);
            }
        }
        return n;
    }

    private int[][] batch(List<StoredPromise[]> changes) {
        return jdbcTemplate.batchUpdate("""
                        UPDATE promise SET status = ?, paid_minor = ?, resolved_on = ?
                        WHERE promise_id = ? AND status = ? AND paid_minor = ?
                          AND (resolved_on = ? OR (resolved_on IS NULL AND ? IS NULL))""",
                changes, 500, (ps, change) -> {
                    StoredPromise old = change[0];
                    StoredPromise now = change[1];
                    ps.setString(1, now.status().name());
                    ps.setLong(2, now.paidMinor());
                    ps.setObject(3, now.resolvedOn(), java.sql.Types.DATE);
                    ps.setString(4, old.promiseId());
                    ps.setString(5, old.status().name());
                    ps.setLong(6, old.paidMinor());
                    ps.setObject(7, old.resolvedOn(), java.sql.Types.DATE);
                    ps.setObject(8, old.resolvedOn(), java.sql.Types.DATE);
                });
    }

    /** Sets cancelled_at on a promise not cancelled yet; false if it already was (or does not exist). */
    boolean cancel(String accountId, String promiseId, Instant at, LocalDate on) {
        return jdbc.sql("""
                        UPDATE promise SET cancelled_at = ?, status = 'CANCELLED', resolved_on = ?
                        WHERE account_id = ? AND promise_id = ? AND cancelled_at IS NULL""")
                .params(utc(at), on, accountId, promiseId).update() == 1;
    }

    /** The liable-party roles of a party on an account, and whether the account's borrower is deceased. */
    record PartyOnAccount(List<String> roles, String timeZone, boolean borrowerDeceased) {
    }

    Optional<PartyOnAccount> partyOnAccount(String accountId, String partyId) {
        List<String[]> rows = jdbc.sql("""
                        SELECT ap.role, p.time_zone FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                        WHERE ap.account_id = ? AND ap.party_id = ? ORDER BY ap.role""")
                .params(accountId, partyId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        boolean deceased = jdbc.sql("""
                        SELECT COUNT(*) FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                        WHERE ap.account_id = ? AND ap.role = 'BORROWER' AND p.deceased""")
                .param(accountId).query(Long.class).single() > 0;
        return Optional.of(new PartyOnAccount(rows.stream().map(r -> r[0]).toList(), rows.getFirst()[1], deceased));
    }

    private Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return zones.computeIfAbsent(name.strip(), n -> {
            try {
                return Optional.of(ZoneId.of(n));
            } catch (java.time.DateTimeException invalid) {
                return Optional.empty();
            }
        });
    }

    private static StoredPromise promise(ResultSet rs) throws SQLException {
        OffsetDateTime cancelled = rs.getObject("cancelled_at", OffsetDateTime.class);
        return new StoredPromise(rs.getString("promise_id"), rs.getString("account_id"), rs.getString("party_id"),
                rs.getLong("amount_minor"), rs.getObject("due_date", LocalDate.class), rs.getString("channel"),
                rs.getObject("promised_at", OffsetDateTime.class).toInstant(),
                cancelled == null ? null : cancelled.toInstant(), PromiseStatus.valueOf(rs.getString("status")),
                rs.getLong("paid_minor"), rs.getObject("resolved_on", LocalDate.class), rs.getString("created_by"),
                rs.getString("source"));
    }

    static <T> List<List<T>> slices(Collection<T> all) {
        List<T> list = List.copyOf(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += SLICE) {
            out.add(list.subList(i, Math.min(list.size(), i + SLICE)));
        }
        return out;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

package org.recoup.app.portfolio;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Liability;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads accounts with their instalments, payments and liability facts for the engine: one account by id, or every
 * account of an id range as a stream (four ordered cursors merge-joined on account_id, so memory holds one account at
 * a time whatever the portfolio size).
 *
 * <p>The business zone of an account is its borrower's time zone (else the jurisdiction's); its liability facts come
 * from the borrower's deceased/bankrupt flags and whether a living, solvent co-borrower, guarantor or heir exists.
 */
@Component
public class PortfolioReader {

    private static final int FETCH_SIZE = 5_000;

    private static final String ACCOUNTS = """
            SELECT account_id, product, currency, principal_minor, open_date, penalty_rate_per_day, penalty_cap_minor,
                   grace_days, jurisdiction
            FROM account WHERE %s ORDER BY account_id""";
    private static final String PARTIES = """
            SELECT ap.account_id, ap.role, p.time_zone, p.deceased, p.bankrupt
            FROM account_party ap JOIN party p ON p.party_id = ap.party_id
            WHERE %s
              AND ap.role IN ('BORROWER', 'CO_BORROWER', 'GUARANTOR', 'HEIR')
            ORDER BY ap.account_id""";
    private static final String INSTALLMENTS = """
            SELECT account_id, seq, due_date, principal_minor, interest_minor, fee_minor
            FROM installment WHERE %s ORDER BY account_id, seq""";
    private static final String PAYMENTS = """
            SELECT account_id, payment_id, paid_at, amount_minor, channel
            FROM payment WHERE %s ORDER BY account_id, paid_at, payment_id""";

    private final DataSource dataSource;
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<ZoneId>> zones = new java.util.concurrent.ConcurrentHashMap<>();

    public PortfolioReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The four queries a range is read with, bounds written as literals: what a run reads, for measuring it
     * (e.g. {@code COPY (query) TO STDOUT}).
     */
    public static List<String> inputQueries(IdRange range) {
        return List.of(ACCOUNTS.formatted(range.literalCondition("account_id")),
                PARTIES.formatted(range.literalCondition("ap.account_id")),
                INSTALLMENTS.formatted(range.literalCondition("account_id")),
                PAYMENTS.formatted(range.literalCondition("account_id")));
    }

    public Optional<AccountSnapshot> load(String accountId) {
        List<AccountSnapshot> found = new ArrayList<>(1);
        forEach(IdRange.of(accountId), found::add);
        return found.stream().findFirst();
    }

    public long count(IdRange range) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM account WHERE %s", "account_id", range)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting accounts failed", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Splits the account ids into at most {@code parts} contiguous ranges of similar size, in the database's own
     * order of ids.
     */
    public List<IdRange> partition(int parts) {
        List<String> bounds = new ArrayList<>();
        long total = count(IdRange.ALL);
        if (parts > 1 && total > parts) {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM account ORDER BY account_id OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
                for (int i = 1; i < parts; i++) {
                    ps.setLong(1, total * i / parts);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && (bounds.isEmpty() || !bounds.getLast().equals(rs.getString(1)))) {
                            bounds.add(rs.getString(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("partitioning accounts failed", e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        }
        List<IdRange> ranges = new ArrayList<>();
        String from = null;
        for (String bound : bounds) {
            ranges.add(new IdRange(from, bound, false));
            from = bound;
        }
        ranges.add(new IdRange(from, null, false));
        return ranges;
    }

    /** Streams every account of the range, in the database's order of ids. */
    public void forEach(IdRange range, Consumer<AccountSnapshot> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement accounts = prepare(c, ACCOUNTS, "account_id", range);
                 PreparedStatement parties = prepare(c, PARTIES, "ap.account_id", range);
                 PreparedStatement installments = prepare(c, INSTALLMENTS, "account_id", range);
                 PreparedStatement payments = prepare(c, PAYMENTS, "account_id", range);
                 ResultSet ars = accounts.executeQuery();
                 Cursor prs = new Cursor(parties.executeQuery());
                 Cursor irs = new Cursor(installments.executeQuery());
                 Cursor pays = new Cursor(payments.executeQuery())) {
                while (ars.next()) {
                    String id = ars.getString(1);
                    sink.accept(readOne(id, ars, prs, irs, pays));
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading accounts " + range + " failed", e);
        }
    }

    /**
     * Opens the accounts of {@code range} with ids after {@code after} (exclusive; null: from the range's start) as a
     * pull stream on {@code c} (which the caller owns, in a read transaction): the restartable form of
     * {@link #forEach(IdRange, Consumer)}.
     */
    public Snapshots open(Connection c, IdRange range, String after) throws SQLException {
        return new Snapshots(c, range, after);
    }

    /** A pull stream of snapshots in id order; {@link #next()} returns null at the end. */
    public final class Snapshots implements AutoCloseable {
        private final List<AutoCloseable> open = new ArrayList<>();
        private final ResultSet accounts;
        private final Cursor parties;
        private final Cursor installments;
        private final Cursor payments;

        private Snapshots(Connection c, IdRange range, String after) throws SQLException {
            try {
                accounts = query(c, ACCOUNTS, "account_id", range, after);
                parties = new Cursor(query(c, PARTIES, "ap.account_id", range, after));
                installments = new Cursor(query(c, INSTALLMENTS, "account_id", range, after));
                payments = new Cursor(query(c, PAYMENTS, "account_id", range, after));
            } catch (SQLException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private ResultSet query(Connection c, String template, String column, IdRange range, String after)
                throws SQLException {
            String condition = range.condition(column) + (after == null ? "" : " AND " + column + " > ?");
            PreparedStatement ps = c.prepareStatement(template.formatted(condition), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            open.add(ps);
            ps.setFetchSize(FETCH_SIZE);
            int next = range.bind(ps, 1);
            if (after != null) {
                ps.setString(next, after);
            }
            return ps.executeQuery();
        }

        public AccountSnapshot next() throws SQLException {
            if (!accounts.next()) {
                return null;
            }
            return readOne(accounts.getString(1), accounts, parties, installments, payments);
        }

        @Override
        public void close() {
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing statements of a stream that is being abandoned
                }
            }
        }
    }

    private AccountSnapshot readOne(String id, ResultSet a, Cursor parties, Cursor installments, Cursor payments)
            throws SQLException {
        ZoneId zone = null;
        boolean deceased = false;
        boolean bankrupt = false;
        boolean otherLiable = false;
        while (parties.at(id)) {
            ResultSet p = parties.rs;
            String role = p.getString(2);
            if ("BORROWER".equals(role)) {
                if (zone == null) {
                    zone = zone(p.getString(3));
                }
                deceased |= p.getBoolean(4);
                bankrupt |= p.getBoolean(5);
            } else if (!p.getBoolean(4) && !p.getBoolean(5)) {
                otherLiable = true;
            }
            parties.advance();
        }
        Currency currency = Currency.getInstance(a.getString(3));
        BigDecimal rate = a.getBigDecimal(6);
        long cap = a.getLong(7);
        Long penaltyCap = a.wasNull() ? null : cap;
        Account account = new Account(id, Product.valueOf(a.getString(2)), currency, a.getLong(4),
                a.getObject(5, LocalDate.class), rate, penaltyCap, a.getInt(8), Jurisdiction.valueOf(a.getString(9)), zone,
                new Liability(deceased, bankrupt, otherLiable));

        List<Installment> schedule = new ArrayList<>(16);
        while (installments.at(id)) {
            ResultSet r = installments.rs;
            schedule.add(new Installment(r.getInt(2), r.getObject(3, LocalDate.class), r.getLong(4), r.getLong(5), r.getLong(6)));
            installments.advance();
        }
        List<Payment> paid = new ArrayList<>(4);
        while (payments.at(id)) {
            ResultSet r = payments.rs;
            Instant at = r.getObject(3, OffsetDateTime.class).toInstant();
            paid.add(new Payment(r.getString(2), at, r.getLong(4), PaymentChannel.valueOf(r.getString(5))));
            payments.advance();
        }
        return new AccountSnapshot(account, schedule, paid);
    }

    /** The zone named, or null (→ the jurisdiction's default) when it is blank or not a valid IANA id. */
    private ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return zones.computeIfAbsent(name, n -> {
            try {
                return Optional.of(ZoneId.of(n.strip()));
            } catch (DateTimeException invalid) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static PreparedStatement prepare(Connection c, String template, String column, IdRange range)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(template.formatted(range.condition(column)),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH_SIZE);
        range.bind(ps, 1);
        return ps;
    }

    /** A forward cursor that remembers whether it has a current row and its account id. */
    private static final class Cursor implements AutoCloseable {
        final ResultSet rs;
        String current;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            advance();
        }

        void advance() throws SQLException {
            current = rs.next() ? rs.getString(1) : null;
        }

        /**
         * Whether the cursor is on a row of account {@code id}. All cursors are ordered by the database in the same
         * order as the accounts and child rows always have their account (foreign keys), so equality is enough — no
         * Java string ordering, which may differ from the database collation.
         */
        boolean at(String id) {
            return id.equals(current);
        }

        @Override
        public void close() throws SQLException {
            rs.close();
        }
    }

}

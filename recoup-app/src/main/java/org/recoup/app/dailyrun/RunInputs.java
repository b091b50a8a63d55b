package org.recoup.app.dailyrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.recoup.app.portfolio.AccountSnapshot;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;

/**
 * The daily run's input stream for one id range: {@link PortfolioReader}'s four cursors plus three fact cursors
 * (borrower party, the borrower's contact points, contact attempts of the trailing window), all ordered by account id
 * and merge-joined, so memory holds one account at a time. Opened after a given account id to resume a range.
 */
public final class RunInputs implements AutoCloseable {

    /** Contact history is read this many days back (the longest segmentation window is 90 days). */
    static final int HISTORY_DAYS = 92;

    private static final String BORROWERS = """
            SELECT ap.account_id, p.party_id, p.birth_date, p.occupation, p.deceased, p.bankrupt, p.incarcerated,
                   p.time_zone
            FROM account_party ap JOIN party p ON p.party_id = ap.party_id
            WHERE %s AND ap.role = 'BORROWER'
            ORDER BY ap.account_id, p.party_id""";
    private static final String POINTS = """
            SELECT ap.account_id, cp.contact_point_id, cp.type, cp.consent, cp.valid
            FROM account_party ap JOIN contact_point cp ON cp.party_id = ap.party_id
            WHERE %s AND ap.role = 'BORROWER'
            ORDER BY ap.account_id, cp.contact_point_id""";
    private static final String CONTACTS = """
            SELECT account_id, attempted_at, channel, outcome, disposition
            FROM contact_attempt
            WHERE %s AND attempted_at >= %s AND attempted_at < %s
            ORDER BY account_id, attempted_at, contact_id""";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final PortfolioReader.Snapshots snapshots;
    private final Cursor borrowers;
    private final Cursor points;
    private final Cursor contacts;

    private RunInputs(PortfolioReader portfolio, Connection c, IdRange range, String after, LocalDate asOf)
            throws SQLException {
        try {
            snapshots = portfolio.open(c, range, after);
            open.add(snapshots);
            borrowers = cursor(c, BORROWERS.formatted(condition(range, after, "ap.account_id")), range, after, null);
            points = cursor(c, POINTS.formatted(condition(range, after, "ap.account_id")), range, after, null);
            contacts = cursor(c, CONTACTS.formatted(condition(range, after, "account_id"), "?", "?"), range, after, asOf);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static RunInputs open(PortfolioReader portfolio, Connection c, IdRange range, String after, LocalDate asOf)
            throws SQLException {
        return new RunInputs(portfolio, c, range, after, asOf);
    }

    /**
     * The three fact queries for a range with literal bounds (for measuring the run's floor with
     * {@code COPY (query) TO STDOUT}); {@link PortfolioReader#inputQueries(IdRange)} gives the other four.
     */
    public static List<String> factQueries(IdRange range, LocalDate asOf) {
        return List.of(BORROWERS.formatted(range.literalCondition("ap.account_id")),
                POINTS.formatted(range.literalCondition("ap.account_id")),
                CONTACTS.formatted(range.literalCondition("account_id"),
                        "TIMESTAMP WITH TIME ZONE '" + windowStart(asOf) + "'",
                        "TIMESTAMP WITH TIME ZONE '" + windowEnd(asOf) + "'"));
    }

    /**
     * The case step's read of a business date's decisions (whole date, literal values): the run's one further input
     * query, read back from what its account step wrote; for measuring the floor.
     */
    public static String caseStepQuery(LocalDate asOf) {
        return CaseReader.caseQuery(asOf);
    }

    /** UTC bounds wide enough for every zone; the exact local-date windows are applied in Java. */
    static java.time.OffsetDateTime windowStart(LocalDate asOf) {
        return asOf.minusDays(HISTORY_DAYS).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    static java.time.OffsetDateTime windowEnd(LocalDate asOf) {
        return asOf.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static String condition(IdRange range, String after, String column) {
        return range.condition(column) + (after == null ? "" : " AND " + column + " > ?");
    }

    private Cursor cursor(Connection c, String sql, IdRange range, String after, LocalDate asOf) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        open.add(ps);
        ps.setFetchSize(5_000);
        int i = range.bind(ps, 1);
        if (after != null) {
            ps.setString(i++, after);
        }
        if (asOf != null) {
            ps.setObject(i++, windowStart(asOf));
            ps.setObject(i, windowEnd(asOf));
        }
        return new Cursor(ps.executeQuery());
    }

    /** The next account with its facts, or null at the end of the range. */
    AccountInput next() throws SQLException {
        AccountSnapshot snapshot = snapshots.next();
        if (snapshot == null) {
            return null;
        }
        String id = snapshot.account().id();
        AccountInput.Borrower borrower = null;
        while (borrowers.at(id)) {
            ResultSet r = borrowers.rs;
            if (borrower == null) {
                borrower = new AccountInput.Borrower(r.getString(2), r.getObject(3, LocalDate.class),
                        r.getString(4), r.getBoolean(5), r.getBoolean(6), r.getBoolean(7), r.getString(8));
            }
            borrowers.advance();
        }
        List<AccountInput.Point> pointList = new ArrayList<>(4);
        while (points.at(id)) {
            ResultSet r = points.rs;
            pointList.add(new AccountInput.Point(r.getString(2), r.getString(3), r.getBoolean(4), r.getBoolean(5)));
            points.advance();
        }
        List<AccountInput.Contact> contactList = new ArrayList<>(4);
        while (contacts.at(id)) {
            ResultSet r = contacts.rs;
            contactList.add(new AccountInput.Contact(r.getObject(2, java.time.OffsetDateTime.class).toInstant(), r.getString(3), r.getString(4),
                    r.getString(5)));
            contacts.advance();
        }
        return new AccountInput(snapshot, borrower, contactList, pointList);
    }

    @Override
    public void close() {
        for (AutoCloseable c : open.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // abandoning the stream
            }
        }
    }

    /** A forward cursor on rows whose first column is the account id, in the database's order of ids. */
    private static final class Cursor {
        final ResultSet rs;
        String current;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            advance();
        }

        void advance() throws SQLException {
            current = rs.next() ? rs.getString(1) : null;
        }

        boolean at(String id) {
            return id.equals(current);
        }
    }
}

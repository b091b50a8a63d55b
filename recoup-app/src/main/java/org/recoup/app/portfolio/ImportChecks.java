package org.recoup.app.portfolio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks that need more than one row, as set-based SQL over the staging tables, file by file in dependency order:
 * duplicate keys within the import, references to accounts/parties/contact points (in this import or already in the
 * database), amounts with more decimals than the account's currency has, and payment/contact ids reused with other
 * content than what is stored. Each offending row is reported with its row number; after a file's checks its rows
 * with any error are marked {@code ok = false}, so files checked later see only what will be applied.
 */
final class ImportChecks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportChecks.class);

    /** What reading a file left for the checks. */
    record Staged(ImportFile file, long rows, List<Object[]> duplicateCandidates, boolean duplicatesOverflowed,
                  int maxDecimals) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ImportStaging staging;
    private final ImportErrors errors;
    private final ImportMode mode;
    private final long importId;

    ImportChecks(DataSource dataSource, ImportStaging staging, ImportErrors errors, ImportMode mode, long importId) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.staging = staging;
        this.errors = errors;
        this.mode = mode;
        this.importId = importId;
    }

    /** Runs every check; {@code staged} holds the files that were read (the others have empty staging tables). */
    void run(Map<ImportFile, Staged> staged) throws SQLException {
        for (ImportFile file : ImportFile.values()) {
            Staged s = staged.get(file);
            if (s == null || s.rows() == 0) {
                continue;
            }
            duplicates(s);
            switch (file) {
                case ACCOUNTS, PARTIES -> { }
                case ACCOUNT_PARTIES -> {
                    reference(file, "account_id", ImportFile.ACCOUNTS, "account", "account_id");
                    reference(file, "party_id", ImportFile.PARTIES, "party", "party_id");
                }
                case CONTACT_POINTS -> reference(file, "party_id", ImportFile.PARTIES, "party", "party_id");
                case INSTALLMENTS -> {
                    reference(file, "account_id", ImportFile.ACCOUNTS, "account", "account_id");
                    decimals(s, List.of("principal_due", "interest_due", "fee_due"),
                            List.of("principal_e4", "interest_e4", "fee_e4"));
                    scheduleUnderActivePlan(file);
                }
                case PAYMENTS -> {
                    reference(file, "account_id", ImportFile.ACCOUNTS, "account", "account_id");
                    decimals(s, List.of("amount"), List.of("amount_e4"));
                    paymentConflicts();
                }
                case CONTACTS -> {
                    reference(file, "account_id", ImportFile.ACCOUNTS, "account", "account_id");
                    reference(file, "party_id", ImportFile.PARTIES, "party", "party_id");
                    reference(file, "contact_point_id", ImportFile.CONTACT_POINTS, "contact_point", "contact_point_id");
                    contactConflicts();
                }
                case PROMISES -> {
                    reference(file, "account_id", ImportFile.ACCOUNTS, "account", "account_id");
                    reference(file, "party_id", ImportFile.PARTIES, "party", "party_id");
                    partyOnAccount(file);
                    decimals(s, List.of("amount"), List.of("amount_e4"));
                    promiseConflicts();
                }
            }
            markRowsWithErrors(file);
        }
    }

    // ---- duplicates ------------------------------------------------------------------------------------------------

    private void duplicates(Staged s) throws SQLException {
        if (s.duplicateCandidates().isEmpty() && !s.duplicatesOverflowed()) {
            return;
        }
        ImportFile file = s.file();
        List<String> key = keyColumns(file);
        String table = staging.table(file);
        String candidates = "";
        if (!s.duplicatesOverflowed()) {
            staging.createCandidates(file, keyDefinitions(file), s.duplicateCandidates());
            candidates = " AND EXISTS (SELECT 1 FROM " + staging.candidateTable(file) + " c WHERE "
                    + join(key, "c", "x") + ")";
        }
        String notNull = String.join(" AND ", key.stream().map(k -> "x." + k + " IS NOT NULL").toList());
        String sql = "SELECT s.row_no, " + String.join(", ", key.stream().map(k -> "s." + k).toList()) + ", f.first_row"
                + " FROM " + table + " s JOIN (SELECT " + String.join(", ", key.stream().map(k -> "x." + k).toList())
                + ", MIN(x.row_no) AS first_row FROM " + table + " x WHERE " + notNull + candidates
                + " GROUP BY " + String.join(", ", key.stream().map(k -> "x." + k).toList())
                + " HAVING COUNT(*) > 1) f ON " + join(key, "f", "s")
                + " WHERE s.row_no <> f.first_row ORDER BY s.row_no";
        stream(sql, rs -> {
            long row = rs.getLong(1);
            long first = rs.getLong(key.size() + 2);
            String message = switch (file) {
                case ACCOUNT_PARTIES -> "duplicate role " + rs.getString(4) + " of party " + q(rs.getString(3))
                        + " on account " + q(rs.getString(2));
                case INSTALLMENTS -> "duplicate seq " + rs.getInt(3) + " of account " + q(rs.getString(2));
                default -> "duplicate " + key.getFirst() + " " + q(rs.getString(2));
            };
            String column = switch (file) {
                case ACCOUNT_PARTIES -> "role";
                case INSTALLMENTS -> "seq";
                default -> key.getFirst();
            };
            errors.accept(new ImportError(file.fileName(), row, column,
                    column + ": " + message + " (first on row " + first + ")"));
        });
    }

    static List<String> keyColumns(ImportFile file) {
        return switch (file) {
            case ACCOUNTS -> List.of("account_id");
            case PARTIES -> List.of("party_id");
            case ACCOUNT_PARTIES -> List.of("account_id", "party_id", "role");
            case CONTACT_POINTS -> List.of("contact_point_id");
            case INSTALLMENTS -> List.of("account_id", "seq");
            case PAYMENTS -> List.of("payment_id");
            case CONTACTS -> List.of("contact_id");
            case PROMISES -> List.of("promise_id");
        };
    }

    private static List<String> keyDefinitions(ImportFile file) {
        List<String> key = keyColumns(file);
        return file.stagingColumns().stream().filter(d -> key.contains(d.substring(0, d.indexOf(' ')))).toList();
    }

    // ---- references ------------------------------------------------------------------------------------------------

    /**
     * Rows whose {@code column} names no row of {@code parent} that will be applied and nothing in {@code table}.
     * A reference to a parent row that is itself invalid is only reported in valid-only mode (the row is then not
     * applied); in all-or-nothing mode the parent's own error already rejects the import.
     */
    private void reference(ImportFile file, String column, ImportFile parent, String table, String key)
            throws SQLException {
        String p = staging.table(parent);
        String sql = "SELECT s.row_no, s." + column + ", CASE WHEN EXISTS (SELECT 1 FROM " + p + " x WHERE x." + key
                + " = s." + column + ") THEN 1 ELSE 0 END AS staged"
                + " FROM " + staging.table(file) + " s"
                + " WHERE s." + column + " IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM " + p + " v WHERE v." + key + " = s." + column + " AND v.ok)"
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " t WHERE t." + key + " = s." + column + ")"
                + " ORDER BY s.row_no";
        String what = table.replace('_', ' ');
        stream(sql, rs -> {
            String id = rs.getString(2);
            if (rs.getInt(3) == 0) {
                errors.accept(new ImportError(file.fileName(), rs.getLong(1), column, column + ": unknown " + what + " "
                        + q(id) + ", neither in " + parent.fileName() + " nor in the database"));
            } else if (mode == ImportMode.VALID_ONLY) {
                errors.accept(new ImportError(file.fileName(), rs.getLong(1), column, column + ": " + what + " " + q(id)
                        + " is not applied because its row in " + parent.fileName() + " has errors"));
            }
        });
    }

    /**
     * Instalment rows of an account whose schedule an active repayment plan has replaced (docs/plans.md): applying them
     * would silently undo the plan, so they are refused, naming the plan; the plan's own schedule is kept until it
     * completes, breaks or is reverted. (Reads the plan feature's {@code repayment_plan}/{@code plan_open_account}.)
     */
    private void scheduleUnderActivePlan(ImportFile file) throws SQLException {
        String sql = "SELECT s.row_no, s.account_id, o.plan_id FROM " + staging.table(file) + " s"
                + " JOIN plan_open_account o ON o.account_id = s.account_id"
                + " JOIN repayment_plan r ON r.plan_id = o.plan_id AND r.status = 'ACTIVE'"
                + " ORDER BY s.row_no";
        stream(sql, rs -> errors.accept(new ImportError(file.fileName(), rs.getLong(1), "account_id", "account_id: "
                + "account " + q(rs.getString(2)) + " is under active repayment plan " + q(rs.getString(3))
                + "; its instalments are the plan's schedule and cannot be imported until the plan ends")));
    }

    /**
     * Rows whose party is not a party of their account, neither in account_parties.csv (rows that will be applied) nor
     * in the database. Rows whose account or party is unknown were reported already.
     */
    private void partyOnAccount(ImportFile file) throws SQLException {
        String links = staging.table(ImportFile.ACCOUNT_PARTIES);
        String sql = "SELECT s.row_no, s.party_id, s.account_id FROM " + staging.table(file) + " s"
                + " WHERE s.ok AND s.account_id IS NOT NULL AND s.party_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM " + links + " l WHERE l.account_id = s.account_id"
                + " AND l.party_id = s.party_id AND l.ok)"
                + " AND NOT EXISTS (SELECT 1 FROM account_party t WHERE t.account_id = s.account_id"
                + " AND t.party_id = s.party_id)"
                + " AND (EXISTS (SELECT 1 FROM party p WHERE p.party_id = s.party_id)"
                + " OR EXISTS (SELECT 1 FROM " + staging.table(ImportFile.PARTIES) + " x WHERE x.party_id = s.party_id AND x.ok))"
                + " AND (EXISTS (SELECT 1 FROM account a WHERE a.account_id = s.account_id)"
                + " OR EXISTS (SELECT 1 FROM " + staging.table(ImportFile.ACCOUNTS) + " x WHERE x.account_id = s.account_id AND x.ok))"
                + " ORDER BY s.row_no";
        stream(sql, rs -> errors.accept(new ImportError(file.fileName(), rs.getLong(1), "party_id", "party_id: party "
                + q(rs.getString(2)) + " is not a party of account " + q(rs.getString(3)) + ", neither in "
                + ImportFile.ACCOUNT_PARTIES.fileName() + " nor in the database")));
    }

    // ---- decimals of the account's currency ----------------------------------------------------------------------

    private void decimals(Staged s, List<String> columns, List<String> stagedColumns) throws SQLException {
        if (s.maxDecimals() == 0) {
            return;
        }
        String accounts = staging.table(ImportFile.ACCOUNTS);
        Integer fewest = jdbc.queryForObject("SELECT MIN(c.digits) FROM " + staging.currencyTable() + " c JOIN"
                + " (SELECT currency FROM " + accounts + " WHERE ok UNION SELECT currency FROM account) u"
                + " ON u.currency = c.code", Integer.class);
        if (fewest != null && s.maxDecimals() <= fewest) {
            return;
        }
        String sql = "SELECT s.row_no, c.code, c.digits, " + String.join(", ", stagedColumns.stream().map(x -> "s." + x).toList())
                + " FROM " + staging.table(s.file()) + " s"
                + " LEFT JOIN " + accounts + " sa ON sa.account_id = s.account_id AND sa.ok"
                + " LEFT JOIN account a ON a.account_id = s.account_id"
                + " JOIN " + staging.currencyTable() + " c ON c.code = COALESCE(sa.currency, a.currency)"
                + " WHERE " + String.join(" OR ", stagedColumns.stream().map(x -> "MOD(s." + x + ", c.divisor) <> 0").toList())
                + " ORDER BY s.row_no";
        stream(sql, rs -> {
            for (int i = 0; i < columns.size(); i++) {
                long e4 = rs.getLong(4 + i);
                if (rs.wasNull()) {
                    continue;
                }
                int digits = rs.getInt(3);
                if (e4 % ImportValues.tenToThe(ImportValues.MAX_DECIMALS - digits) != 0) {
                    ImportValues.Decimal amount = new ImportValues.Decimal(e4, ImportValues.MAX_DECIMALS);
                    errors.accept(new ImportError(s.file().fileName(), rs.getLong(1), columns.get(i), columns.get(i) + ": "
                            + ImportRow.tooManyDecimals(digits, rs.getString(2).trim(), amount)));
                }
            }
        });
    }

    // ---- ids reused with other content ---------------------------------------------------------------------------

    private void paymentConflicts() throws SQLException {
        String accounts = staging.table(ImportFile.ACCOUNTS);
        String sql = "SELECT s.row_no, s.payment_id,"
                + " CASE WHEN p.account_id <> s.account_id THEN 1 ELSE 0 END,"
                + " CASE WHEN p.paid_at <> s.paid_at THEN 1 ELSE 0 END,"
                + " CASE WHEN c.code IS NULL OR p.amount_minor <> s.amount_e4 / c.divisor THEN 1 ELSE 0 END,"
                + " CASE WHEN p.channel <> s.channel THEN 1 ELSE 0 END,"
                + " CASE WHEN p.reference IS DISTINCT FROM s.reference THEN 1 ELSE 0 END"
                + " FROM " + staging.table(ImportFile.PAYMENTS) + " s"
                + " JOIN payment p ON p.payment_id = s.payment_id"
                + " LEFT JOIN " + accounts + " sa ON sa.account_id = s.account_id AND sa.ok"
                + " LEFT JOIN account a ON a.account_id = s.account_id"
                + " LEFT JOIN " + staging.currencyTable() + " c ON c.code = COALESCE(sa.currency, a.currency)"
                + " WHERE s.ok AND (p.account_id <> s.account_id OR p.paid_at <> s.paid_at OR c.code IS NULL"
                + " OR p.amount_minor <> s.amount_e4 / c.divisor OR p.channel <> s.channel"
                + " OR p.reference IS DISTINCT FROM s.reference)"
                + " ORDER BY s.row_no";
        conflicts(sql, ImportFile.PAYMENTS, "payment_id", "payment",
                List.of("account_id", "paid_at", "amount", "channel", "reference"));
    }

    private void contactConflicts() throws SQLException {
        String sql = "SELECT s.row_no, s.contact_id,"
                + " CASE WHEN t.account_id <> s.account_id THEN 1 ELSE 0 END,"
                + " CASE WHEN t.party_id <> s.party_id THEN 1 ELSE 0 END,"
                + " CASE WHEN t.contact_point_id IS DISTINCT FROM s.contact_point_id THEN 1 ELSE 0 END,"
                + " CASE WHEN t.channel <> s.channel THEN 1 ELSE 0 END,"
                + " CASE WHEN t.attempted_at <> s.attempted_at THEN 1 ELSE 0 END,"
                + " CASE WHEN t.outcome <> s.outcome THEN 1 ELSE 0 END,"
                + " CASE WHEN t.disposition IS DISTINCT FROM s.disposition THEN 1 ELSE 0 END"
                + " FROM " + staging.table(ImportFile.CONTACTS) + " s"
                + " JOIN contact_attempt t ON t.contact_id = s.contact_id"
                + " WHERE s.ok AND (t.account_id <> s.account_id OR t.party_id <> s.party_id"
                + " OR t.contact_point_id IS DISTINCT FROM s.contact_point_id OR t.channel <> s.channel"
                + " OR t.attempted_at <> s.attempted_at OR t.outcome <> s.outcome"
                + " OR t.disposition IS DISTINCT FROM s.disposition)"
                + " ORDER BY s.row_no";
        conflicts(sql, ImportFile.CONTACTS, "contact_id", "contact",
                List.of("account_id", "party_id", "contact_point_id", "channel", "at", "outcome", "disposition"));
    }

    private void promiseConflicts() throws SQLException {
        String accounts = staging.table(ImportFile.ACCOUNTS);
        String sql = "SELECT s.row_no, s.promise_id,"
                + " CASE WHEN p.account_id <> s.account_id THEN 1 ELSE 0 END,"
                + " CASE WHEN p.party_id <> s.party_id THEN 1 ELSE 0 END,"
                + " CASE WHEN c.code IS NULL OR p.amount_minor <> s.amount_e4 / c.divisor THEN 1 ELSE 0 END,"
                + " CASE WHEN p.due_date <> s.due_date THEN 1 ELSE 0 END,"
                + " CASE WHEN p.promised_at <> s.promised_at THEN 1 ELSE 0 END,"
                + " CASE WHEN p.channel IS DISTINCT FROM s.channel THEN 1 ELSE 0 END,"
                + " CASE WHEN p.cancelled_at IS DISTINCT FROM s.cancelled_at THEN 1 ELSE 0 END"
                + " FROM " + staging.table(ImportFile.PROMISES) + " s"
                + " JOIN promise p ON p.promise_id = s.promise_id"
                + " LEFT JOIN " + accounts + " sa ON sa.account_id = s.account_id AND sa.ok"
                + " LEFT JOIN account a ON a.account_id = s.account_id"
                + " LEFT JOIN " + staging.currencyTable() + " c ON c.code = COALESCE(sa.currency, a.currency)"
                + " WHERE s.ok AND (p.account_id <> s.account_id OR p.party_id <> s.party_id OR c.code IS NULL"
                + " OR p.amount_minor <> s.amount_e4 / c.divisor OR p.due_date <> s.due_date"
                + " OR p.promised_at <> s.promised_at OR p.channel IS DISTINCT FROM s.channel"
                + " OR p.cancelled_at IS DISTINCT FROM s.cancelled_at)"
                + " ORDER BY s.row_no";
        conflicts(sql, ImportFile.PROMISES, "promise_id", "promise",
                List.of("account_id", "party_id", "amount", "due_date", "promised_at", "channel", "cancelled_at"));
    }

    private void conflicts(String sql, ImportFile file, String column, String what, List<String> fields)
            throws SQLException {
        stream(sql, rs -> {
            List<String> differing = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                if (rs.getInt(3 + i) == 1) {
                    differing.add(fields.get(i));
                }
            }
            errors.accept(new ImportError(file.fileName(), rs.getLong(1), column, column + ": " + what + " "
                    + q(rs.getString(2)) + " was already imported with a different " + String.join(", ", differing)
                    + "; a " + column + " cannot be reused for another " + what));
        });
    }

    // ---- marking -------------------------------------------------------------------------------------------------

    private void markRowsWithErrors(ImportFile file) {
        errors.flush();
        if (errors.count(file) == 0) {
            return;
        }
        jdbc.update("UPDATE " + staging.table(file) + " SET ok = FALSE WHERE ok AND row_no IN"
                + " (SELECT e.row_no FROM import_error e WHERE e.import_id = ? AND e.file_no = ?)", importId, file.ordinal());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs a query and hands over its rows as they come (a cursor on PostgreSQL), so memory stays flat. */
    private void stream(String sql, RowHandler handler) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(5_000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("{} ms: {}", (System.nanoTime() - started) / 1_000_000, sql);
        }
    }

    private static String join(List<String> key, String left, String right) {
        return String.join(" AND ", key.stream().map(k -> left + "." + k + " = " + right + "." + k).toList());
    }

    private static String q(String id) {
        return ImportRow.quoted(id);
    }
}

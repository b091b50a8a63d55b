package org.recoup.app.portfolio;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the staged rows that are ok, in ONE transaction of set-based statements: accounts, parties, contact points
 * and instalments are upserted (new keys inserted, changed rows updated in place, identical rows left alone), roles
 * are added, payments and contacts are inserted when their id is new (a same-content re-import is a no-op; other
 * content was refused by {@link ImportChecks}). Amounts of instalments and payments become minor units of their
 * account's currency here. H2 runs a standard MERGE per file; PostgreSQL an UPDATE … FROM and an INSERT … WHERE NOT
 * EXISTS, which it runs two to three times faster than MERGE on millions of rows.
 *
 * <p>Bulk mode (PostgreSQL): loading millions of rows through a primary key and foreign-key triggers costs several
 * times more than building the index and validating the key once afterwards. So for a table that receives at least
 * {@code recoup.import.bulk-threshold} new rows and at least a quarter of its current size, the same transaction drops its
 * indexes, its keys and the foreign keys pointing at it, loads, and recreates them exactly as they were (from
 * {@code pg_get_indexdef}/{@code pg_get_constraintdef}) — recreating them validates every row again. Other sessions
 * wait for those tables meanwhile; a failure rolls all of it back. Statements on a table in bulk mode run without
 * nested loops: with no index, a nested loop over a table that is being filled (and whose statistics say empty,
 * e.g. after a TRUNCATE) rescans it for every row. A table that received many rows is analyzed
 * within the transaction (ANALYZE counts the transaction's own rows), so the statements after it — and the
 * foreign-key checks against it — are planned for its real size rather than for an empty table.
 */
final class ImportApply {

    private static final Logger log = LoggerFactory.getLogger(ImportApply.class);
    /** Rows changed in a table from which its statistics are refreshed within the transaction (PostgreSQL). */
    private static final long ANALYZE_AFTER = 10_000;

    private record Constraint(String table, String name, String type, String definition) {
    }

    private record Index(String name, String definition) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ImportStaging staging;
    private final ImportStaging.Dialect dialect;
    private final long bulkThreshold;

    ImportApply(DataSource dataSource, PlatformTransactionManager transactions, ImportStaging staging,
                ImportStaging.Dialect dialect, long bulkThreshold) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.staging = staging;
        this.dialect = dialect;
        this.bulkThreshold = bulkThreshold;
    }

    /** Applies everything that is ok; returns the rows inserted or changed per file. */
    Map<ImportFile, Long> apply(Map<ImportFile, Long> stagedRows) {
        List<String> bulkTables = dialect == ImportStaging.Dialect.POSTGRESQL ? bulkTables(stagedRows) : List.of();
        Map<ImportFile, Long> changed = transaction.execute(status -> {
            if (dialect == ImportStaging.Dialect.POSTGRESQL) {
                jdbc.execute("SET LOCAL work_mem = '64MB'");
                jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
            }
            List<Constraint> constraints = new ArrayList<>();
            List<Index> indexes = new ArrayList<>();
            if (!bulkTables.isEmpty()) {
                log.info("bulk mode for {}: dropping their indexes and keys until the rows are in", bulkTables);
                collect(bulkTables, constraints, indexes);
                dropAll(constraints, indexes);
            }
            Map<ImportFile, Long> rows = new EnumMap<>(ImportFile.class);
            for (ImportFile file : ImportFile.values()) {
                if (stagedRows.getOrDefault(file, 0L) > 0) {
                    long started = System.nanoTime();
                    boolean bulk = bulkTables.contains(targetTable(file));
                    if (bulk) {
                        // without its indexes, a nested loop over the table being filled rescans it for every row
                        jdbc.execute("SET LOCAL enable_nestloop = off");
                    }
                    long count = 0;
                    for (String sql : statements(file)) {
                        count += jdbc.update(sql);
                    }
                    if (bulk) {
                        jdbc.execute("SET LOCAL enable_nestloop = on");
                    }
                    rows.put(file, count);
                    if (dialect == ImportStaging.Dialect.POSTGRESQL && count >= ANALYZE_AFTER) {
                        // the tables loaded next join it and check their foreign keys against it: plan with its new size
                        jdbc.execute("ANALYZE " + targetTable(file));
                    }
                    log.debug("applied {} in {} ms", file.fileName(), (System.nanoTime() - started) / 1_000_000);
                }
            }
            if (!bulkTables.isEmpty()) {
                long started = System.nanoTime();
                recreateAll(constraints, indexes);
                log.debug("recreated indexes and keys of {} in {} ms", bulkTables, (System.nanoTime() - started) / 1_000_000);
            }
            return rows;
        });
        return changed;
    }

    static String targetTable(ImportFile file) {
        return switch (file) {
            case ACCOUNTS -> "account";
            case PARTIES -> "party";
            case ACCOUNT_PARTIES -> "account_party";
            case CONTACT_POINTS -> "contact_point";
            case INSTALLMENTS -> "installment";
            case PAYMENTS -> "payment";
            case CONTACTS -> "contact_attempt";
            case PROMISES -> "promise";
        };
    }

    private List<String> statements(ImportFile file) {
        String s = staging.table(file);
        String currency = staging.currencyTable();
        return switch (file) {
            case ACCOUNTS -> upsert("account", List.of("account_id"),
                    List.of("product", "currency", "principal_minor", "open_date", "penalty_rate_per_day",
                            "penalty_cap_minor", "grace_days", "jurisdiction", "portfolio", "creditor"),
                    "SELECT * FROM " + s + " WHERE ok", true);
            case PARTIES -> upsert("party", List.of("party_id"),
                    List.of("name", "id_number", "gender", "birth_date", "occupation", "region", "time_zone",
                            "deceased", "bankrupt", "incarcerated"),
                    "SELECT * FROM " + s + " WHERE ok", true);
            case ACCOUNT_PARTIES -> List.of("INSERT INTO account_party (account_id, party_id, role)"
                    + " SELECT s.account_id, s.party_id, s.role FROM " + s + " s WHERE s.ok AND NOT EXISTS"
                    + " (SELECT 1 FROM account_party t WHERE t.account_id = s.account_id AND t.party_id = s.party_id"
                    + " AND t.role = s.role)");
            case CONTACT_POINTS -> upsert("contact_point", List.of("contact_point_id"),
                    List.of("party_id", "type", "contact_value", "consent", "time_zone"),
                    "SELECT * FROM " + s + " WHERE ok", true);
            case INSTALLMENTS -> upsert("installment", List.of("account_id", "seq"),
                    List.of("due_date", "principal_minor", "interest_minor", "fee_minor"),
                    "SELECT s.account_id, s.seq, s.due_date, s.principal_e4 / c.divisor AS principal_minor,"
                            + " s.interest_e4 / c.divisor AS interest_minor, s.fee_e4 / c.divisor AS fee_minor"
                            + " FROM " + s + " s JOIN account a ON a.account_id = s.account_id"
                            + " JOIN " + currency + " c ON c.code = a.currency WHERE s.ok", false);
            case PAYMENTS -> List.of("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel, reference, source)"
                    + " SELECT s.payment_id, s.account_id, s.paid_at, s.amount_e4 / c.divisor, s.channel, s.reference,"
                    + " 'IMPORT' FROM " + s + " s JOIN account a ON a.account_id = s.account_id"
                    + " JOIN " + currency + " c ON c.code = a.currency"
                    + " WHERE s.ok AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.payment_id = s.payment_id)");
            case CONTACTS -> List.of("INSERT INTO contact_attempt (contact_id, account_id, party_id, contact_point_id, channel,"
                    + " attempted_at, outcome, disposition, source)"
                    + " SELECT s.contact_id, s.account_id, s.party_id, s.contact_point_id, s.channel, s.attempted_at,"
                    + " s.outcome, s.disposition, 'IMPORT' FROM " + s + " s"
                    + " WHERE s.ok AND NOT EXISTS (SELECT 1 FROM contact_attempt t WHERE t.contact_id = s.contact_id)");
            // status starts PENDING: promise.Promises.resolve (the daily run) computes it from promises and payments
            case PROMISES -> List.of("INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date,"
                    + " channel, promised_at, cancelled_at, status, paid_minor, created_by, source)"
                    + " SELECT s.promise_id, s.account_id, s.party_id, s.amount_e4 / c.divisor, s.due_date, s.channel,"
                    + " s.promised_at, s.cancelled_at, 'PENDING', 0, 'import', 'IMPORT' FROM " + s + " s"
                    + " JOIN account a ON a.account_id = s.account_id"
                    + " JOIN " + currency + " c ON c.code = a.currency"
                    + " WHERE s.ok AND NOT EXISTS (SELECT 1 FROM promise p WHERE p.promise_id = s.promise_id)");
        };
    }

    /**
     * Inserts new keys, updates changed rows, leaves identical rows alone: a standard MERGE on H2; on PostgreSQL an
     * UPDATE … FROM of the changed rows followed by an INSERT … WHERE NOT EXISTS of the new ones, which PostgreSQL 15
     * runs two to three times faster than the equivalent MERGE on millions of rows.
     */
    private List<String> upsert(String target, List<String> key, List<String> columns, String source, boolean touch) {
        if (dialect != ImportStaging.Dialect.POSTGRESQL) {
            return List.of(merge(target, key, columns, source, touch));
        }
        String on = key.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        String changed = columns.stream().map(c -> "t." + c + " IS DISTINCT FROM s." + c)
                .collect(Collectors.joining(" OR "));
        String set = columns.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                + (touch ? ", updated_at = CURRENT_TIMESTAMP" : "");
        List<String> all = Stream.concat(key.stream(), columns.stream()).toList();
        return List.of(
                "UPDATE " + target + " t SET " + set + " FROM (" + source + ") s WHERE " + on + " AND (" + changed + ")",
                "INSERT INTO " + target + " (" + String.join(", ", all) + ") SELECT "
                        + all.stream().map(c -> "s." + c).collect(Collectors.joining(", "))
                        + " FROM (" + source + ") s WHERE NOT EXISTS (SELECT 1 FROM " + target + " t WHERE " + on + ")");
    }

    /** Standard MERGE (H2 and PostgreSQL 15): insert new keys, update changed rows, leave identical rows alone. */
    static String merge(String target, List<String> key, List<String> columns, String source, boolean touch) {
        String on = key.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        String changed = columns.stream().map(c -> "t." + c + " IS DISTINCT FROM s." + c)
                .collect(Collectors.joining(" OR "));
        String set = columns.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                + (touch ? ", updated_at = CURRENT_TIMESTAMP" : "");
        List<String> all = Stream.concat(key.stream(), columns.stream()).toList();
        return "MERGE INTO " + target + " t USING (" + source + ") s ON " + on
                + " WHEN MATCHED AND (" + changed + ") THEN UPDATE SET " + set
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", all) + ") VALUES ("
                + all.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }

    // ---- bulk mode (PostgreSQL) ----------------------------------------------------------------------------------

    /**
     * The tables worth loading in bulk mode: those receiving at least {@code bulkThreshold} new rows and at least a
     * quarter of what they hold. The table's size comes from the planner's estimate; only when it is comparable to the
     * import (a re-import, typically) are the new keys counted, so that re-importing an unchanged portfolio does not
     * rebuild every index.
     */
    private List<String> bulkTables(Map<ImportFile, Long> stagedRows) {
        List<String> tables = new ArrayList<>();
        for (ImportFile file : ImportFile.values()) {
            long rows = stagedRows.getOrDefault(file, 0L);
            if (rows < bulkThreshold) {
                continue;
            }
            String table = targetTable(file);
            Double estimate = jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)",
                    Double.class, table);
            double existing = estimate == null ? 0 : Math.max(0, estimate);
            long fresh;
            if (existing <= rows / 4.0) {
                fresh = rows;
            } else if (existing >= rows * 4.0) {
                fresh = 0;
            } else {
                String on = ImportChecks.keyColumns(file).stream().map(k -> "t." + k + " = s." + k)
                        .collect(Collectors.joining(" AND "));
                fresh = jdbc.queryForObject("SELECT COUNT(*) FROM " + staging.table(file) + " s WHERE s.ok AND NOT EXISTS"
                        + " (SELECT 1 FROM " + table + " t WHERE " + on + ")", Long.class);
            }
            log.debug("{}: {} rows staged, {} new, about {} in the table; bulk from {} new rows", table, rows, fresh,
                    (long) existing, bulkThreshold);
            if (fresh >= bulkThreshold && fresh >= existing / 4) {
                tables.add(table);
            }
        }
        return tables;
    }

    private void collect(List<String> tables, List<Constraint> constraints, List<Index> indexes) {
        Map<String, Constraint> unique = new LinkedHashMap<>();
        for (String table : tables) {
            jdbc.query("SELECT c.conrelid::regclass::text AS tbl, quote_ident(c.conname) AS name, c.contype,"
                            + " pg_get_constraintdef(c.oid) AS def FROM pg_constraint c"
                            + " WHERE (c.conrelid = to_regclass(?) AND c.contype IN ('p', 'u', 'f'))"
                            + " OR (c.confrelid = to_regclass(?) AND c.contype = 'f')",
                    rs -> {
                        Constraint c = new Constraint(rs.getString("tbl"), rs.getString("name"), rs.getString("contype"),
                                rs.getString("def"));
                        unique.putIfAbsent(c.table() + "." + c.name(), c);
                    }, table, table);
            jdbc.query("SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def"
                            + " FROM pg_index i WHERE i.indrelid = to_regclass(?) AND NOT EXISTS"
                            + " (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)",
                    rs -> {
                        indexes.add(new Index(rs.getString("name"), rs.getString("def")));
                    }, table);
        }
        constraints.addAll(unique.values());
    }

    private void dropAll(List<Constraint> constraints, List<Index> indexes) {
        for (Constraint c : constraints) {
            if (c.type().equals("f")) {
                jdbc.execute("ALTER TABLE " + c.table() + " DROP CONSTRAINT " + c.name());
            }
        }
        for (Constraint c : constraints) {
            if (!c.type().equals("f")) {
                jdbc.execute("ALTER TABLE " + c.table() + " DROP CONSTRAINT " + c.name());
            }
        }
        for (Index index : indexes) {
            jdbc.execute("DROP INDEX " + index.name());
        }
    }

    private void recreateAll(List<Constraint> constraints, List<Index> indexes) {
        for (Constraint c : constraints) {
            if (!c.type().equals("f")) {
                timed("ALTER TABLE " + c.table() + " ADD CONSTRAINT " + c.name() + " " + c.definition());
            }
        }
        for (Index index : indexes) {
            timed(index.definition());
        }
        for (Constraint c : constraints) {
            if (c.type().equals("f")) {
                timed("ALTER TABLE " + c.table() + " ADD CONSTRAINT " + c.name() + " " + c.definition());
            }
        }
    }

    private void timed(String sql) {
        long started = System.nanoTime();
        jdbc.execute(sql);
        log.debug("{} ms: {}", (System.nanoTime() - started) / 1_000_000, sql);
    }
}

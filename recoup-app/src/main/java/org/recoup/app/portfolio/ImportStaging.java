package org.recoup.app.portfolio;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-import staging tables: one per file ({@code imp_<id>_account}, …, UNLOGGED on PostgreSQL) holding the
 * parsed rows with their row number and an {@code ok} flag, plus {@code imp_<id>_currency} (code, minor digits,
 * divisor from 10^-4 units to minor units). Created before reading, dropped when the import ends.
 */
final class ImportStaging {

    /** The database flavour, which decides how rows are loaded and a few SQL details. */
    enum Dialect {
        POSTGRESQL, H2;

        static Dialect of(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                return product.contains("postgres") ? POSTGRESQL : H2;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database this is", e);
            }
        }
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final long importId;

    ImportStaging(DataSource dataSource, Dialect dialect, long importId) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = dialect;
        this.importId = importId;
    }

    String table(ImportFile file) {
        return file.stagingTable(importId);
    }

    String currencyTable() {
        return "imp_" + importId + "_currency";
    }

    /** A table of candidate duplicate keys of one file (see {@link ImportDuplicateFilter}). */
    String candidateTable(ImportFile file) {
        return table(file) + "_dup";
    }

    void create() {
        String unlogged = dialect == Dialect.POSTGRESQL ? "UNLOGGED " : "";
        for (ImportFile file : ImportFile.values()) {
            jdbc.execute("CREATE " + unlogged + "TABLE " + table(file) + " (row_no BIGINT NOT NULL, ok BOOLEAN NOT NULL, "
                    + String.join(", ", file.stagingColumns()) + ")");
        }
        jdbc.execute("CREATE " + unlogged + "TABLE " + currencyTable()
                + " (code CHAR(3) NOT NULL PRIMARY KEY, digits INTEGER NOT NULL, divisor BIGINT NOT NULL)");
        List<Object[]> currencies = new ArrayList<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            int digits = ImportValues.digitsOf(currency);
            if (digits <= ImportValues.MAX_DECIMALS) {
                currencies.add(new Object[] {currency.getCurrencyCode(), digits,
                        ImportValues.tenToThe(ImportValues.MAX_DECIMALS - digits)});
            }
        }
        jdbc.batchUpdate("INSERT INTO " + currencyTable() + " (code, digits, divisor) VALUES (?, ?, ?)", currencies);
    }

    ImportStagingWriter writer(ImportFile file) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return dialect == Dialect.POSTGRESQL
                    ? new ImportCopyWriter(connection, table(file), file.stagingColumnNames())
                    : new ImportBatchWriter(connection, table(file), file.stagingColumnNames());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Candidate keys of {@code file} that may occur more than once; the table has the file's key columns. */
    void createCandidates(ImportFile file, List<String> keyColumnDefinitions, List<Object[]> keys) {
        jdbc.execute("CREATE " + (dialect == Dialect.POSTGRESQL ? "UNLOGGED " : "") + "TABLE " + candidateTable(file)
                + " (" + String.join(", ", keyColumnDefinitions) + ")");
        String columns = String.join(", ", keyColumnDefinitions.stream().map(d -> d.substring(0, d.indexOf(' '))).toList());
        String placeholders = String.join(", ", keyColumnDefinitions.stream().map(d -> "?").toList());
        jdbc.batchUpdate("INSERT INTO " + candidateTable(file) + " (" + columns + ") VALUES (" + placeholders + ")", keys);
    }

    /** Fresh planner statistics after loading (PostgreSQL), so the set-based checks get hash joins. */
    void analyze() {
        if (dialect == Dialect.POSTGRESQL) {
            for (ImportFile file : ImportFile.values()) {
                jdbc.execute("ANALYZE " + table(file));
            }
        }
    }

    void drop() {
        for (ImportFile file : ImportFile.values()) {
            jdbc.execute("DROP TABLE IF EXISTS " + candidateTable(file));
            jdbc.execute("DROP TABLE IF EXISTS " + table(file));
        }
        jdbc.execute("DROP TABLE IF EXISTS " + currencyTable());
    }
}

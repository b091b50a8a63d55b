package org.recoup.app.portfolio;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files of a portfolio import (contract §2), in the order they depend on each other, with their required columns
 * and the columns of their per-import staging table ({@code imp_<importId>_<staging>}). Amounts of instalments and
 * payments are staged in units of 10^-4 ({@code _e4}) because their currency is only known once the account is
 * resolved; accounts carry their own currency and are staged in minor units.
 */
enum ImportFile {

    ACCOUNTS("accounts.csv", "account",
            List.of("account_id", "product", "currency", "principal", "open_date"),
            List.of("account_id VARCHAR(64)", "product VARCHAR(20)", "currency CHAR(3)", "principal_minor BIGINT",
                    "open_date DATE", "penalty_rate_per_day NUMERIC(12, 8)", "penalty_cap_minor BIGINT",
                    "grace_days INTEGER", "jurisdiction VARCHAR(2)", "portfolio VARCHAR(100)", "creditor VARCHAR(200)")),
    PARTIES("parties.csv", "party",
            List.of("party_id", "name", "time_zone"),
            List.of("party_id VARCHAR(64)", "name VARCHAR(200)", "id_number VARCHAR(64)", "gender CHAR(1)",
                    "birth_date DATE", "occupation VARCHAR(20)", "region VARCHAR(100)", "time_zone VARCHAR(64)",
                    "deceased BOOLEAN", "bankrupt BOOLEAN", "incarcerated BOOLEAN")),
    ACCOUNT_PARTIES("account_parties.csv", "account_party",
            List.of("account_id", "party_id", "role"),
            List.of("account_id VARCHAR(64)", "party_id VARCHAR(64)", "role VARCHAR(20)")),
    CONTACT_POINTS("contact_points.csv", "contact_point",
            List.of("contact_point_id", "party_id", "type", "value"),
            List.of("contact_point_id VARCHAR(64)", "party_id VARCHAR(64)", "type VARCHAR(20)",
                    "contact_value VARCHAR(300)", "consent BOOLEAN", "time_zone VARCHAR(64)")),
    INSTALLMENTS("installments.csv", "installment",
            List.of("account_id", "seq", "due_date", "principal_due"),
            List.of("account_id VARCHAR(64)", "seq INTEGER", "due_date DATE", "principal_e4 BIGINT",
                    "interest_e4 BIGINT", "fee_e4 BIGINT")),
    PAYMENTS("payments.csv", "payment",
            List.of("payment_id", "account_id", "paid_at", "amount"),
            List.of("payment_id VARCHAR(64)", "account_id VARCHAR(64)", "paid_at TIMESTAMP WITH TIME ZONE",
                    "amount_e4 BIGINT", "channel VARCHAR(20)", "reference VARCHAR(200)")),
    CONTACTS("contacts.csv", "contact",
            List.of("contact_id", "account_id", "party_id", "channel", "at", "outcome"),
            List.of("contact_id VARCHAR(64)", "account_id VARCHAR(64)", "party_id VARCHAR(64)",
                    "contact_point_id VARCHAR(64)", "channel VARCHAR(10)", "attempted_at TIMESTAMP WITH TIME ZONE",
                    "outcome VARCHAR(20)", "disposition VARCHAR(20)")),
    /** Optional extension of contract §2: promises to pay made before the import (docs/import.md). */
    PROMISES("promises.csv", "promise",
            List.of("promise_id", "account_id", "party_id", "amount", "due_date", "promised_at"),
            List.of("promise_id VARCHAR(64)", "account_id VARCHAR(64)", "party_id VARCHAR(64)", "amount_e4 BIGINT",
                    "due_date DATE", "promised_at TIMESTAMP WITH TIME ZONE", "channel VARCHAR(20)",
                    "cancelled_at TIMESTAMP WITH TIME ZONE"));

    private final String fileName;
    private final String staging;
    private final List<String> requiredColumns;
    private final List<String> stagingColumns;

    ImportFile(String fileName, String staging, List<String> requiredColumns, List<String> stagingColumns) {
        this.fileName = fileName;
        this.staging = staging;
        this.requiredColumns = requiredColumns;
        this.stagingColumns = stagingColumns;
    }

    /** The name in the contract, e.g. {@code accounts.csv}. */
    String fileName() {
        return fileName;
    }

    /** The name without {@code .csv}, e.g. {@code accounts} (also the XLSX sheet name). */
    String baseName() {
        return fileName.substring(0, fileName.length() - 4);
    }

    List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Column definitions of the staging table after {@code row_no} and {@code ok}. */
    List<String> stagingColumns() {
        return stagingColumns;
    }

    List<String> stagingColumnNames() {
        return stagingColumns.stream().map(definition -> definition.substring(0, definition.indexOf(' '))).toList();
    }

    String stagingTable(long importId) {
        return "imp_" + importId + "_" + staging;
    }

    /** {@code accounts.csv}, {@code accounts}, {@code ACCOUNTS.CSV} or {@code dir/accounts.csv} → ACCOUNTS. */
    static Optional<ImportFile> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).trim().toLowerCase(Locale.ROOT);
        if (base.endsWith(".csv")) {
            base = base.substring(0, base.length() - 4);
        }
        String wanted = base;
        return Arrays.stream(values()).filter(f -> f.baseName().equals(wanted)).findFirst();
    }

    static String expectedNames() {
        return String.join(", ", Arrays.stream(values()).map(ImportFile::fileName).toList());
    }
}

package org.recoup.app.property;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.document.Documents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic fee billing import (CSV, UTF-8 with or without BOM, header row): one row per bill — {@code building,
 * unit, owner_id, owner_name, period (YYYY-MM), fee_type, amount, due_date}, optional {@code currency} (default CNY).
 * Each bill becomes a {@code PROPERTY_FEE} account (id {@code PF-<building>-<unit>-<period>-<fee_type>}, one instalment
 * due on {@code due_date}, the owner its BORROWER — created as a party when new) plus its {@code property_bill} row.
 * Every row is checked first; any error applies nothing and is reported by row (header = row 1) and column. A bill
 * imported again with the same content is unchanged (re-importing a file is a no-op); with other content it is an
 * error — a bill is never silently rewritten.
 */
@Service
class BillingImport {

    static final List<String> REQUIRED = List.of("building", "unit", "owner_id", "owner_name", "period", "fee_type",
            "amount", "due_date");

    record RowError(int row, String column, String message) {
    }

    /** A finished import; {@code errors} non-empty means nothing was applied. */
    record Result(String importId, int rows, int created, int unchanged, List<RowError> errors) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    private record Bill(int row, String accountId, String building, String unit, String ownerId, String ownerName,
                        String period, String feeType, long amountMinor, String currency, LocalDate dueDate) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    BillingImport(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    Result run(String filename, byte[] content, String user) {
        if (content == null || content.length == 0) {
            throw ApiProblem.badRequest("INVALID_BILLING_FILE", "file", "the billing file is empty");
        }
        List<RowError> errors = new ArrayList<>();
        List<Bill> bills = parse(content, errors);
        if (!errors.isEmpty()) {
            return new Result(null, bills.size(), 0, 0, errors);
        }
        List<Bill> fresh = new ArrayList<>();
        int unchanged = 0;
        for (Bill b : bills) {
            var existing = jdbc.sql("SELECT party_id, amount_minor, currency, due_date FROM property_bill WHERE account_id = ?")
                    .param(b.accountId())
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3).strip(),
                            rs.getDate(4).toLocalDate()})
                    .optional();
            if (existing.isPresent()) {
                Object[] e = existing.get();
                if (e[0].equals(b.ownerId()) && (long) e[1] == b.amountMinor() && e[2].equals(b.currency())
                        && e[3].equals(b.dueDate())) {
                    unchanged++;
                } else {
                    errors.add(new RowError(b.row(), "amount", "the bill " + b.building() + " " + b.unit() + " "
                            + b.period() + " " + b.feeType() + " was already imported with owner " + e[0] + ", amount "
                            + BigDecimal.valueOf((long) e[1], digits(b.currency())) + " " + e[2] + ", due " + e[3]
                            + "; a billed fee is not changed by a re-import"));
                }
            } else if (jdbc.sql("SELECT COUNT(*) FROM account WHERE account_id = ?").param(b.accountId())
                    .query(Integer.class).single() > 0) {
                errors.add(new RowError(b.row(), "building", "account " + b.accountId() + " exists and is not a fee bill"));
            } else {
                fresh.add(b);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, bills.size(), 0, 0, errors);
        }
        String importId = "PI-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            apply(fresh, importId, now);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_IMPORT", null,
                    "another import created some of these bills at the same time; nothing was applied, import again");
        }
        jdbc.sql("INSERT INTO property_import (import_id, filename, sha256, rows_total, bills_created, bills_unchanged, "
                        + "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(importId, filename == null || filename.isBlank() ? "billing.csv" : filename, Documents.sha256(content),
                        bills.size(), fresh.size(), unchanged, now, user)
                .update();
        return new Result(importId, bills.size(), fresh.size(), unchanged, List.of());
    }

    private void apply(List<Bill> fresh, String importId, Timestamp now) {
        Set<String> parties = new HashSet<>();
        for (Bill b : fresh) {
            if (parties.add(b.ownerId()) && jdbc.sql("SELECT COUNT(*) FROM party WHERE party_id = ?").param(b.ownerId())
                    .query(Integer.class).single() == 0) {
                jdbc.sql("INSERT INTO party (party_id, name, gender, time_zone) VALUES (?, ?, 'U', 'Asia/Shanghai')")
                        .params(b.ownerId(), b.ownerName()).update();
            }
            jdbc.sql("""
                            INSERT INTO account (account_id, product, currency, principal_minor, open_date, grace_days,
                                                 jurisdiction, portfolio, creditor)
                            VALUES (?, 'PROPERTY_FEE', ?, ?, ?, 0, 'CN', ?, NULL)""")
                    .params(b.accountId(), b.currency(), b.amountMinor(), LocalDate.parse(b.period() + "-01"),
                            "property:" + b.building())
                    .update();
            jdbc.sql("INSERT INTO installment (account_id, seq, due_date, principal_minor) VALUES (?, 1, ?, ?)")
                    .params(b.accountId(), b.dueDate(), b.amountMinor()).update();
            jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'BORROWER')")
                    .params(b.accountId(), b.ownerId()).update();
            jdbc.sql("""
                            INSERT INTO property_bill (account_id, building, unit, party_id, period, fee_type, amount_minor,
                                                       currency, due_date, import_id, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(b.accountId(), b.building(), b.unit(), b.ownerId(), b.period(), b.feeType(), b.amountMinor(),
                            b.currency(), b.dueDate(), importId, now)
                    .update();
        }
    }

    private List<Bill> parse(byte[] content, List<RowError> errors) {
        List<Bill> bills = new ArrayList<>();
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(content, start, content.length - start),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            Map<String, Integer> header = new HashMap<>();
            csv.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            for (String column : REQUIRED) {
                if (!header.containsKey(column)) {
                    errors.add(new RowError(1, column, "the required column " + column + " is missing"));
                }
            }
            if (!errors.isEmpty()) {
                return bills;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (CSVRecord record : csv) {
                int row = (int) record.getRecordNumber() + 1;
                Bill bill = bill(row, record, header, errors);
                if (bill != null) {
                    Integer first = seen.putIfAbsent(bill.accountId(), row);
                    if (first != null) {
                        errors.add(new RowError(row, "fee_type", "the same building, unit, period and fee type as row "
                                + first));
                    } else {
                        bills.add(bill);
                    }
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new RowError(1, null, "the file is not UTF-8 text"));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new RowError(1, null, "the file is not valid CSV: " + e.getMessage()));
        }
        if (bills.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(2, null, "the file has no bills"));
        }
        return bills;
    }

    private static Bill bill(int row, CSVRecord r, Map<String, Integer> header, List<RowError> errors) {
        int before = errors.size();
        String building = text(row, r, header, "building", 60, errors);
        String unit = text(row, r, header, "unit", 60, errors);
        String ownerId = text(row, r, header, "owner_id", 64, errors);
        String ownerName = text(row, r, header, "owner_name", 200, errors);
        String period = text(row, r, header, "period", 7, errors);
        if (period != null && !period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            errors.add(new RowError(row, "period", "period must be YYYY-MM, was '" + period + "'"));
        }
        String feeType = text(row, r, header, "fee_type", 40, errors);
        String currency = header.containsKey("currency") && !value(r, header, "currency").isEmpty()
                ? value(r, header, "currency").toUpperCase(Locale.ROOT) : "CNY";
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, "currency", "unknown currency '" + currency + "'"));
            currency = null;
        }
        Long amount = null;
        String amountText = text(row, r, header, "amount", 30, errors);
        if (amountText != null && currency != null) {
            try {
                BigDecimal a = new BigDecimal(amountText);
                int digits = digits(currency);
                if (a.signum() <= 0) {
                    errors.add(new RowError(row, "amount", "amount must be positive, was " + amountText));
                } else if (a.stripTrailingZeros().scale() > digits) {
                    errors.add(new RowError(row, "amount", "amount has more than " + digits + " decimals: " + amountText));
                } else {
                    amount = a.movePointRight(digits).longValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                errors.add(new RowError(row, "amount", "amount must be a decimal number with '.', was '" + amountText + "'"));
            }
        }
        LocalDate due = null;
        String dueText = text(row, r, header, "due_date", 10, errors);
        if (dueText != null) {
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException e) {
                errors.add(new RowError(row, "due_date", "due_date must be YYYY-MM-DD, was '" + dueText + "'"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        String readable = "PF-" + building + "-" + unit + "-" + period + "-" + feeType;
        String accountId = readable.length() <= 64 ? readable
                : "PF-" + Documents.sha256((building + "|" + unit + "|" + period + "|" + feeType)
                        .getBytes(StandardCharsets.UTF_8)).substring(0, 40);
        return new Bill(row, accountId, building, unit, ownerId, ownerName, period, feeType, amount, currency, due);
    }

    private static String value(CSVRecord r, Map<String, Integer> header, String column) {
        int index = header.get(column);
        return index < r.size() ? r.get(index).strip() : "";
    }

    private static String text(int row, CSVRecord r, Map<String, Integer> header, String column, int max,
                               List<RowError> errors) {
        String v = value(r, header, column);
        if (v.isEmpty()) {
            errors.add(new RowError(row, column, column + " is required"));
            return null;
        }
        if (v.length() > max) {
            errors.add(new RowError(row, column, column + " has more than " + max + " characters"));
            return null;
        }
        return v;
    }

    static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}

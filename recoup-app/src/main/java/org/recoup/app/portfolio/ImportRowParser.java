package org.recoup.app.portfolio;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.recoup.app.portfolio.ImportRow.Column;
import org.recoup.app.portfolio.ImportRow.Header;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;

/**
 * Turns one data row of a file into the values of its staging row (in {@link ImportFile#stagingColumns()} order),
 * checking every field's format on the way. Checks that need other rows or the database (duplicates, references,
 * decimals of an account's currency, reused payment ids) are set-based, in {@link ImportChecks}.
 *
 * <p>A row with bad fields is still staged (with the bad values null and {@code ok} false) as long as its key is
 * readable, so that rows referring to it are not reported as unknown references as well; a row without a usable key
 * is not staged ({@link #parse} returns null).
 */
abstract sealed class ImportRowParser {

    static final List<String> PRODUCTS = names(Product.values());
    static final List<String> JURISDICTIONS = names(Jurisdiction.values());
    static final List<String> PAYMENT_CHANNELS = names(PaymentChannel.values());
    static final List<String> GENDERS = List.of("M", "F", "U");
    static final List<String> OCCUPATIONS = List.of("WHITE_COLLAR", "RETIREE", "SME_OWNER", "WORKER", "STUDENT", "OTHER");
    static final List<String> ROLES = List.of("BORROWER", "CO_BORROWER", "GUARANTOR", "SPOUSE", "HEIR",
            "EMERGENCY_CONTACT", "EMPLOYER");
    static final List<String> CONTACT_POINT_TYPES = List.of("MOBILE", "HOME_PHONE", "WORK_PHONE", "EMAIL", "ADDRESS");
    static final List<String> CONTACT_CHANNELS = List.of("CALL", "SMS", "EMAIL", "LETTER", "VISIT");
    static final List<String> OUTCOMES = List.of("RIGHT_PARTY", "THIRD_PARTY", "NO_ANSWER", "VOICEMAIL", "BUSY",
            "NOT_CONNECTED", "WRONG_NUMBER", "REFUSED_CONTACT", "SENT", "DELIVERED", "FAILED", "VISITED", "NOT_MET");

    /** Values of contact_attempt.disposition (V51): what the conversation established. */
    static final List<String> DISPOSITIONS = List.of("PROMISE", "REFUSED_TO_PAY", "DISPUTE", "CLAIMS_PAID", "HARDSHIP",
            "DECEASED_REPORTED", "CALLBACK", "OTHER");

    private static final BigDecimal MAX_RATE = new BigDecimal("10000");

    /** Most decimal places seen in an amount whose currency is the account's (checked later in SQL). */
    private int maxDecimals;

    static ImportRowParser of(ImportFile file, Header header) {
        return switch (file) {
            case ACCOUNTS -> new Accounts(header);
            case PARTIES -> new Parties(header);
            case ACCOUNT_PARTIES -> new AccountParties(header);
            case CONTACT_POINTS -> new ContactPoints(header);
            case INSTALLMENTS -> new Installments(header);
            case PAYMENTS -> new Payments(header);
            case CONTACTS -> new Contacts(header);
            case PROMISES -> new Promises(header);
        };
    }

    /** The staging values of the row, or null when its key is missing (the row is then not staged at all). */
    abstract Object[] parse(ImportRow row);

    /** The position of the unique key's columns in the staging values. */
    abstract int[] keyPositions();

    int maxDecimals() {
        return maxDecimals;
    }

    /** An amount in units of 10^-4, the currency's limit being checked in SQL. */
    Long e4(ImportValues.Decimal amount) {
        if (amount == null) {
            return null;
        }
        maxDecimals = Math.max(maxDecimals, amount.scale());
        return amount.scaledTo(ImportValues.MAX_DECIMALS);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static final class Accounts extends ImportRowParser {
        private final Column accountId, product, currency, principal, openDate, penaltyRate, penaltyCap, graceDays,
                jurisdiction, portfolio, creditor;

        Accounts(Header h) {
            accountId = h.column("account_id");
            product = h.column("product");
            currency = h.column("currency");
            principal = h.column("principal");
            openDate = h.column("open_date");
            penaltyRate = h.column("penalty_rate_per_day");
            penaltyCap = h.column("penalty_cap");
            graceDays = h.column("grace_days");
            jurisdiction = h.column("jurisdiction");
            portfolio = h.column("portfolio");
            creditor = h.column("creditor");
        }

        @Override
        Object[] parse(ImportRow row) {
            String id = row.id(accountId);
            String productName = row.oneOf(product, true, PRODUCTS, null);
            Currency cur = row.currency(currency);
            Object[] values = {
                    id,
                    productName,
                    cur == null ? null : cur.getCurrencyCode(),
                    row.minorUnits(principal, row.amount(principal, true, false), cur),
                    row.date(openDate, true),
                    rate(row),
                    row.minorUnits(penaltyCap, row.amount(penaltyCap, false, false), cur),
                    row.wholeNumber(graceDays, false, 0, 0),
                    row.oneOf(jurisdiction, false, JURISDICTIONS, "CN"),
                    row.text(portfolio, false, 100),
                    row.text(creditor, false, 200)};
            return id == null ? null : values;
        }

        /** A fraction per day, stored as NUMERIC(12, 8). */
        private BigDecimal rate(ImportRow row) {
            String v = row.value(penaltyRate);
            if (v == null) {
                return null;
            }
            ImportValues.Decimal d = ImportValues.decimal(v);
            if (d == null || d.isNegative() || d.scale() > 8 || d.toBigDecimal().compareTo(MAX_RATE) >= 0) {
                row.error(penaltyRate, "expected a fraction per day ≥ 0 with at most 8 decimal places, e.g. 0.001, got "
                        + ImportRow.quoted(v));
                return null;
            }
            return d.toBigDecimal();
        }

        @Override
        int[] keyPositions() {
            return new int[] {0};
        }
    }

    static final class Parties extends ImportRowParser {
        private final Column partyId, name, idNumber, gender, birthDate, occupation, region, timeZone, deceased,
                bankrupt, incarcerated;

        Parties(Header h) {
            partyId = h.column("party_id");
            name = h.column("name");
            idNumber = h.column("id_number");
            gender = h.column("gender");
            birthDate = h.column("birth_date");
            occupation = h.column("occupation");
            region = h.column("region");
            timeZone = h.column("time_zone");
            deceased = h.column("deceased");
            bankrupt = h.column("bankrupt");
            incarcerated = h.column("incarcerated");
        }

        @Override
        Object[] parse(ImportRow row) {
            String id = row.id(partyId);
            Object[] values = {
                    id,
                    row.text(name, true, 200),
                    row.text(idNumber, false, 64),
                    row.oneOf(gender, false, GENDERS, "U"),
                    row.date(birthDate, false),
                    row.oneOf(occupation, false, OCCUPATIONS, null),
                    row.text(region, false, 100),
                    row.timeZone(timeZone, true),
                    row.flag(deceased, false),
                    row.flag(bankrupt, false),
                    row.flag(incarcerated, false)};
            return id == null ? null : values;
        }

        @Override
        int[] keyPositions() {
            return new int[] {0};
        }
    }

    static final class AccountParties extends ImportRowParser {
        private final Column accountId, partyId, role;

        AccountParties(Header h) {
            accountId = h.column("account_id");
            partyId = h.column("party_id");
            role = h.column("role");
        }

        @Override
        Object[] parse(ImportRow row) {
            Object[] values = {row.id(accountId), row.id(partyId), row.oneOf(role, true, ROLES, null)};
            return values[0] == null || values[1] == null ? null : values;
        }

        @Override
        int[] keyPositions() {
            return new int[] {0, 1, 2};
        }
    }

    static final class ContactPoints extends ImportRowParser {
        private final Column contactPointId, partyId, type, value, consent, timeZone;

        ContactPoints(Header h) {
            contactPointId = h.column("contact_point_id");
            partyId = h.column("party_id");
            type = h.column("type");
            value = h.column("value");
            consent = h.column("consent");
            timeZone = h.column("time_zone");
        }

        @Override
        Object[] parse(ImportRow row) {
            String id = row.id(contactPointId);
            Object[] values = {
                    id,
                    row.id(partyId),
                    row.oneOf(type, true, CONTACT_POINT_TYPES, null),
                    row.text(value, true, 300),
                    row.flag(consent, true),
                    row.timeZone(timeZone, false)};
            return id == null ? null : values;
        }

        @Override
        int[] keyPositions() {
            return new int[] {0};
        }
    }

    static final class Installments extends ImportRowParser {
        private final Column accountId, seq, dueDate, principalDue, interestDue, feeDue;

        Installments(Header h) {
            accountId = h.column("account_id");
            seq = h.column("seq");
            dueDate = h.column("due_date");
            principalDue = h.column("principal_due");
            interestDue = h.column("interest_due");
            feeDue = h.column("fee_due");
        }

        @Override
        Object[] parse(ImportRow row) {
            String account = row.id(accountId);
            Integer number = row.wholeNumber(seq, true, 0, null);
            Object[] values = {
                    account,
                    number,
                    row.date(dueDate, true),
                    e4(row.amount(principalDue, true, false)),
                    orZero(row, interestDue),
                    orZero(row, feeDue)};
            return account == null ? null : values;
        }

        private Long orZero(ImportRow row, Column c) {
            if (row.value(c) == null) {
                return 0L;
            }
            return e4(row.amount(c, false, false));
        }

        @Override
        int[] keyPositions() {
            return new int[] {0, 1};
        }
    }

    static final class Payments extends ImportRowParser {
        private final Column paymentId, accountId, paidAt, amount, channel, reference;

        Payments(Header h) {
            paymentId = h.column("payment_id");
            accountId = h.column("account_id");
            paidAt = h.column("paid_at");
            amount = h.column("amount");
            channel = h.column("channel");
            reference = h.column("reference");
        }

        @Override
        Object[] parse(ImportRow row) {
            String id = row.id(paymentId);
            Object[] values = {
                    id,
                    row.id(accountId),
                    row.instant(paidAt, true),
                    e4(row.amount(amount, true, true)),
                    row.oneOf(channel, false, PAYMENT_CHANNELS, "OTHER"),
                    row.text(reference, false, 200)};
            return id == null ? null : values;
        }

        @Override
        int[] keyPositions() {
            return new int[] {0};
        }
    }

    static final class Contacts extends ImportRowParser {
        private final Column contactId, accountId, partyId, contactPointId, channel, at, outcome, disposition;

        Contacts(Header h) {
            contactId = h.column("contact_id");
            accountId = h.column("account_id");
            partyId = h.column("party_id");
            contactPointId = h.column("contact_point_id");
            channel = h.column("channel");
            at = h.column("at");
            outcome = h.column("outcome");
            disposition = h.column("disposition");
        }

        @Override
        Object[] parse(ImportRow row) {
            String id = row.id(contactId);
            Object[] values = {
                    id,
                    row.id(accountId),
                    row.id(partyId),
                    row.text(contactPointId, false, 64),
                    row.oneOf(channel, true, CONTACT_CHANNELS, null),
                    row.instant(at, true),
                    row.oneOf(outcome, true, OUTCOMES, null),
                    row.oneOf(disposition, false, DISPOSITIONS, null)};
            return id == null ? null : values;
        }

        @Override
        int[] keyPositions() {
            return new int[] {0};
        }
    }

    static final class Promises extends ImportRowParser {
        private final Column promiseId, accountId, partyId, amount, dueDate, promisedAt, channel, cancelledAt;

        Promises(Header h) {
            promiseId = h.column("promise_id");
            accountId = h.column("account_id");
            partyId = h.column("party_id");
            amount = h.column("amount");
            dueDate = h.column("due_date");
            promisedAt = h.column("promised_at");
            channel = h.column("channel");
            cancelledAt = h.column("cancelled_at");
        }

        @Override
        Object[] parse(ImportRow row) {
            String id = row.id(promiseId);
            java.time.OffsetDateTime made = row.instant(promisedAt, true);
            java.time.OffsetDateTime cancelled = row.instant(cancelledAt, false);
            if (made != null && cancelled != null && cancelled.isBefore(made)) {
                row.error(cancelledAt, "expected an instant not before promised_at (" + made + "), got "
                        + ImportRow.quoted(row.value(cancelledAt)));
                cancelled = null;
            }
            Object[] values = {
                    id,
                    row.id(accountId),
                    row.id(partyId),
                    e4(row.amount(amount, true, true)),
                    row.date(dueDate, true),
                    made,
                    row.oneOf(channel, false, PAYMENT_CHANNELS, null),
                    cancelled};
            return id == null ? null : values;
        }

        @Override
        int[] keyPositions() {
            return new int[] {0};
        }
    }
}

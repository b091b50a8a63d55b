package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field-level rules of each import file: what is accepted, and what each bad value is reported as. */
class ImportRowParserTest {

    /** What parsing a file produced: staged rows (with their ok flag) and errors. */
    record Parsed(List<Object[]> rows, List<Boolean> ok, List<ImportError> errors) {
        List<String> messages() {
            return errors.stream().map(ImportError::message).toList();
        }
    }

    static Parsed parse(ImportFile file, String csv) {
        return parse(file, csv.getBytes(StandardCharsets.UTF_8));
    }

    static Parsed parse(ImportFile file, byte[] bytes) {
        List<ImportError> errors = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Boolean> ok = new ArrayList<>();
        try (CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(bytes))) {
            ImportRow.Header header = ImportRow.Header.of(reader.header());
            assertThat(header.missing(file.requiredColumns())).isEmpty();
            ImportRowParser parser = ImportRowParser.of(file, header);
            ImportRow row = new ImportRow(file.fileName(), errors::add);
            String[] cells;
            while ((cells = reader.next()) != null) {
                row.reset(reader.rowNumber(), cells);
                Object[] values = parser.parse(row);
                if (values != null) {
                    rows.add(values);
                    ok.add(row.ok());
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new Parsed(rows, ok, errors);
    }

    // ---- accounts.csv ----------------------------------------------------------------------------------------------

    private static final String ACCOUNTS_HEADER = "account_id,product,currency,principal,open_date,penalty_rate_per_day,"
            + "penalty_cap,grace_days,jurisdiction,portfolio,creditor\n";

    @Test
    void anAccountRowBecomesMinorUnitsOfItsCurrencyWithDefaults() {
        Parsed p = parse(ImportFile.ACCOUNTS, "account_id,product,currency,principal,open_date\n"
                + "L-1001,CONSUMER_LOAN,CNY,12000.00,2026-03-15\n"
                + "J-1,CREDIT_CARD,JPY,50000,2026-01-01\n");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows().get(0)).containsExactly("L-1001", "CONSUMER_LOAN", "CNY", 1_200_000L,
                LocalDate.of(2026, 3, 15), null, null, 0, "CN", null, null);
        assertThat(p.rows().get(1)[3]).isEqualTo(50_000L);
    }

    @Test
    void accountOptionalColumnsAreParsed() {
        Parsed p = parse(ImportFile.ACCOUNTS, ACCOUNTS_HEADER
                + "L-1001,CONSUMER_LOAN,CNY,12000.00,2026-03-15,0.0005,2000.00,3,CN,consumer-east,Example Consumer Finance\n"
                + "U-5001,CONSUMER_LOAN,USD,3000.00,2026-02-01,0.00035,,5,US,us-pilot,\"Example Lending, LLC\"\n");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows().get(0)).containsExactly("L-1001", "CONSUMER_LOAN", "CNY", 1_200_000L,
                LocalDate.of(2026, 3, 15), new BigDecimal("0.0005"), 200_000L, 3, "CN", "consumer-east",
                "Example Consumer Finance");
        assertThat(p.rows().get(1)[5]).isEqualTo(new BigDecimal("0.00035"));
        assertThat(p.rows().get(1)[10]).as("RFC 4180 quoting").isEqualTo("Example Lending, LLC");
    }

    @Test
    void eachBadAccountValueIsItsOwnErrorSayingWhatWasExpected() {
        Parsed p = parse(ImportFile.ACCOUNTS, ACCOUNTS_HEADER
                + "L-1,MORTGAGE,RMB,-5,2026/13/01,abc,1.5,-1,FR,,\n");
        assertThat(p.errors()).extracting(ImportError::row).containsOnly(2L);
        assertThat(p.errors()).extracting(ImportError::column).containsExactly(
                "product", "currency", "principal", "open_date", "penalty_rate_per_day", "grace_days", "jurisdiction");
        assertThat(p.messages()).contains(
                "product: expected one of CONSUMER_LOAN, CREDIT_CARD, B2B_RECEIVABLE, PROPERTY_FEE, got \"MORTGAGE\"",
                "currency: expected an ISO 4217 currency code such as CNY or USD, got \"RMB\"",
                "principal: expected an amount ≥ 0, got \"-5\"",
                "open_date: expected a date YYYY-MM-DD, got \"2026/13/01\"",
                "grace_days: expected a whole number ≥ 0, got \"-1\"",
                "jurisdiction: expected one of CN, US, UK, got \"FR\"");
        assertThat(p.ok()).containsExactly(false);
        assertThat(p.rows().get(0)[0]).as("still staged by its key").isEqualTo("L-1");
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyAllowsIsAnError() {
        Parsed p = parse(ImportFile.ACCOUNTS, "account_id,product,currency,principal,open_date\n"
                + "L-1,CONSUMER_LOAN,CNY,100.005,2026-03-15\n"
                + "J-1,CONSUMER_LOAN,JPY,100.5,2026-03-15\n"
                + "L-2,CONSUMER_LOAN,CNY,100.500,2026-03-15\n");
        assertThat(p.messages()).containsExactly(
                "principal: expected at most 2 decimal places for CNY, got \"100.005\"",
                "principal: expected at most 0 decimal places for JPY, got \"100.5\"");
        assertThat(p.ok()).containsExactly(false, false, true);
    }

    @Test
    void missingRequiredValuesAreReportedPerColumn() {
        Parsed p = parse(ImportFile.ACCOUNTS, "account_id,product,currency,principal,open_date\n"
                + ",CONSUMER_LOAN,CNY,,2026-03-15\n");
        assertThat(p.messages()).containsExactly(
                "account_id: missing required value, expected a value",
                "principal: missing required value, expected an amount ≥ 0 with '.' as decimal separator, e.g. 1234.56");
        assertThat(p.rows()).as("a row without its key is not staged").isEmpty();
    }

    @Test
    void amountsWithCommasAreRefused() {
        Parsed p = parse(ImportFile.ACCOUNTS, "account_id,product,currency,principal,open_date\n"
                + "L-1,CONSUMER_LOAN,CNY,\"12,000.00\",2026-03-15\n");
        assertThat(p.messages()).containsExactly(
                "principal: expected an amount ≥ 0 with '.' as decimal separator, e.g. 1234.56, got \"12,000.00\"");
    }

    // ---- parties.csv -----------------------------------------------------------------------------------------------

    @Test
    void aPartyRowWithFlagsAndTimeZone() {
        Parsed p = parse(ImportFile.PARTIES, "party_id,name,id_number,gender,birth_date,occupation,region,time_zone,"
                + "deceased,bankrupt,incarcerated\n"
                + "P-1,李明,110101199001011234,M,1990-01-01,WHITE_COLLAR,北京,Asia/Shanghai,N,y,N\n"
                + "P-5,Jordan Lee,,,,,,America/New_York,,,\n");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows().get(0)).containsExactly("P-1", "李明", "110101199001011234", "M", LocalDate.of(1990, 1, 1),
                "WHITE_COLLAR", "北京", "Asia/Shanghai", false, true, false);
        assertThat(p.rows().get(1)).containsExactly("P-5", "Jordan Lee", null, "U", null, null, null,
                "America/New_York", false, false, false);
    }

    @Test
    void badPartyValuesAreReported() {
        Parsed p = parse(ImportFile.PARTIES, "party_id,name,gender,occupation,time_zone,deceased\n"
                + "P-1,李明,X,FARMER,CST,yes\n"
                + "P-2,,M,,,N\n");
        assertThat(p.messages()).containsExactly(
                "gender: expected one of M, F, U, got \"X\"",
                "occupation: expected one of WHITE_COLLAR, RETIREE, SME_OWNER, WORKER, STUDENT, OTHER, got \"FARMER\"",
                "time_zone: expected an IANA time zone such as Asia/Shanghai, got \"CST\"",
                "deceased: expected Y or N, got \"yes\"",
                "name: missing required value, expected a value",
                "time_zone: missing required value, expected an IANA time zone such as Asia/Shanghai");
        assertThat(p.errors()).extracting(ImportError::row).containsExactly(2L, 2L, 2L, 2L, 3L, 3L);
    }

    @Test
    void tooLongTextIsRefused() {
        Parsed p = parse(ImportFile.PARTIES, "party_id,name,time_zone\nP-1," + "x".repeat(201) + ",Asia/Shanghai\n");
        assertThat(p.messages()).containsExactly("name: expected at most 200 characters, got 201");
    }

    // ---- account_parties.csv ---------------------------------------------------------------------------------------

    @Test
    void rolesMustBeKnown() {
        Parsed p = parse(ImportFile.ACCOUNT_PARTIES, "account_id,party_id,role\nL-1,P-1,BORROWER\nL-1,P-6,FRIEND\n");
        assertThat(p.rows().get(0)).containsExactly("L-1", "P-1", "BORROWER");
        assertThat(p.messages()).containsExactly("role: expected one of BORROWER, CO_BORROWER, GUARANTOR, SPOUSE, HEIR, "
                + "EMERGENCY_CONTACT, EMPLOYER, got \"FRIEND\"");
    }

    // ---- contact_points.csv ----------------------------------------------------------------------------------------

    @Test
    void contactPointsDefaultToConsentAndMayHaveAZone() {
        Parsed p = parse(ImportFile.CONTACT_POINTS, "contact_point_id,party_id,type,value,consent,time_zone\n"
                + "CP-1,P-1,MOBILE,13900000001,,\n"
                + "CP-6,P-5,MOBILE,+12125550199,N,America/New_York\n"
                + "CP-9,P-5,FAX,123,Y,Mars/Base\n");
        assertThat(p.rows().get(0)).containsExactly("CP-1", "P-1", "MOBILE", "13900000001", true, null);
        assertThat(p.rows().get(1)).containsExactly("CP-6", "P-5", "MOBILE", "+12125550199", false, "America/New_York");
        assertThat(p.messages()).containsExactly(
                "type: expected one of MOBILE, HOME_PHONE, WORK_PHONE, EMAIL, ADDRESS, got \"FAX\"",
                "time_zone: expected an IANA time zone such as Asia/Shanghai, got \"Mars/Base\"");
    }

    // ---- installments.csv ------------------------------------------------------------------------------------------

    @Test
    void instalmentAmountsAreStagedInTenThousandthsUntilTheCurrencyIsKnown() {
        ImportRowParserTest.Parsed p = parse(ImportFile.INSTALLMENTS,
                "account_id,seq,due_date,principal_due,interest_due,fee_due\n"
                        + "L-1001,1,2026-04-15,1000.00,60.00,0\n"
                        + "L-1001,2,2026-05-15,1000.5,,\n");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows().get(0)).containsExactly("L-1001", 1, LocalDate.of(2026, 4, 15), 10_000_000L, 600_000L, 0L);
        assertThat(p.rows().get(1)).containsExactly("L-1001", 2, LocalDate.of(2026, 5, 15), 10_005_000L, 0L, 0L);
    }

    @Test
    void badInstalmentValuesAreReported() {
        Parsed p = parse(ImportFile.INSTALLMENTS, "account_id,seq,due_date,principal_due,interest_due\n"
                + "L-1,first,2026-02-30,-100,0.00001\n");
        assertThat(p.messages()).containsExactly(
                "seq: expected a whole number ≥ 0, got \"first\"",
                "due_date: expected a date YYYY-MM-DD, got \"2026-02-30\"",
                "principal_due: expected an amount ≥ 0, got \"-100\"",
                "interest_due: expected at most 4 decimal places, got \"0.00001\"");
    }

    // ---- payments.csv ----------------------------------------------------------------------------------------------

    @Test
    void paymentsNeedAPositiveAmountAndAnInstantWithOffset() {
        Parsed p = parse(ImportFile.PAYMENTS, "payment_id,account_id,paid_at,amount,channel,reference\n"
                + "PAY-1,L-1001,2026-04-15T20:11:00+08:00,1060.00,WECHAT,wx-8812\n"
                + "PAY-2,L-1001,2026-05-20T09:30:00,0,PAYPAL,\n"
                + "PAY-3,L-1001,2026-05-20T09:30:00Z,5,,\n");
        assertThat(p.rows().get(0)).containsExactly("PAY-1", "L-1001", OffsetDateTime.parse("2026-04-15T20:11:00+08:00"),
                10_600_000L, "WECHAT", "wx-8812");
        assertThat(p.rows().get(2)[4]).as("channel defaults to OTHER").isEqualTo("OTHER");
        assertThat(p.messages()).containsExactly(
                "paid_at: expected an ISO-8601 instant with offset, e.g. 2026-04-15T20:11:00+08:00, got \"2026-05-20T09:30:00\"",
                "amount: expected an amount > 0, got \"0\"",
                "channel: expected one of BANK_TRANSFER, CARD, WECHAT, ALIPAY, CASH_AT_BRANCH, OTHER, got \"PAYPAL\"");
    }

    // ---- contacts.csv ----------------------------------------------------------------------------------------------

    @Test
    void contactsNeedAKnownChannelAndOutcome() {
        Parsed p = parse(ImportFile.CONTACTS, "contact_id,account_id,party_id,contact_point_id,channel,at,outcome\n"
                + "CT-1,L-1001,P-1,CP-1,CALL,2026-05-18T10:05:00+08:00,RIGHT_PARTY\n"
                + "CT-2,L-1001,P-1,,FAX,2026-05-18,ANSWERED\n");
        assertThat(p.rows().get(0)).containsExactly("CT-1", "L-1001", "P-1", "CP-1", "CALL",
                OffsetDateTime.parse("2026-05-18T10:05:00+08:00"), "RIGHT_PARTY", null);
        assertThat(p.rows().get(1)[3]).isNull();
        assertThat(p.errors()).extracting(ImportError::column).containsExactly("channel", "at", "outcome");
        assertThat(p.messages().get(2)).startsWith("outcome: expected one of RIGHT_PARTY, THIRD_PARTY, NO_ANSWER");
    }

    @Test
    void aContactDispositionIsOptionalAndMustBeAKnownValue() {
        Parsed p = parse(ImportFile.CONTACTS, "contact_id,account_id,party_id,contact_point_id,channel,at,outcome,disposition\n"
                + "CT-1,L-1001,P-1,CP-1,CALL,2026-05-18T10:05:00+08:00,RIGHT_PARTY,REFUSED_TO_PAY\n"
                + "CT-2,L-1001,P-1,CP-1,CALL,2026-05-18T10:06:00+08:00,RIGHT_PARTY,\n"
                + "CT-3,L-1001,P-1,CP-1,CALL,2026-05-18T10:07:00+08:00,RIGHT_PARTY,RUDE\n");
        assertThat(p.rows().get(0)[7]).isEqualTo("REFUSED_TO_PAY");
        assertThat(p.rows().get(1)[7]).isNull();
        assertThat(p.errors()).extracting(ImportError::column).containsExactly("disposition");
        assertThat(p.messages().getFirst()).isEqualTo("disposition: expected one of PROMISE, REFUSED_TO_PAY, DISPUTE, "
                + "CLAIMS_PAID, HARDSHIP, DECEASED_REPORTED, CALLBACK, OTHER, got \"RUDE\"");
    }

    // ---- promises.csv ----------------------------------------------------------------------------------------------

    @Test
    void promisesNeedAnAmountADueDateAndAnInstantAndAreNotCancelledBeforeTheyAreMade() {
        Parsed p = parse(ImportFile.PROMISES, "promise_id,account_id,party_id,amount,due_date,promised_at,channel,cancelled_at\n"
                + "PTP-1,L-1001,P-1,500.00,2026-05-22,2026-05-18T10:05:00+08:00,WECHAT,\n"
                + "PTP-2,L-1001,P-1,500,2026-05-22,2026-05-18T10:05:00+08:00,,2026-05-18T10:00:00+08:00\n");
        assertThat(p.rows().get(0)).containsExactly("PTP-1", "L-1001", "P-1", 5_000_000L, LocalDate.parse("2026-05-22"),
                OffsetDateTime.parse("2026-05-18T10:05:00+08:00"), "WECHAT", null);
        assertThat(p.rows().get(1)[7]).isNull();
        assertThat(p.errors()).extracting(ImportError::column).containsExactly("cancelled_at");
        assertThat(p.messages().getFirst()).startsWith("cancelled_at: expected an instant not before promised_at").contains("10:00:00+08:00");
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    @Test
    void aGbkFileWithAnAsciiHeaderAndChineseRowsParses() {
        String csv = "party_id,name,region,time_zone\nP-1,李明,北京,Asia/Shanghai\nP-3,张强,乌鲁木齐,Asia/Urumqi\n";
        Parsed p = parse(ImportFile.PARTIES, csv.getBytes(Charset.forName("GBK")));
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows()).extracting(r -> r[1]).containsExactly("李明", "张强");
        assertThat(p.rows()).extracting(r -> r[6]).containsExactly("北京", "乌鲁木齐");
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndRowsCountRecords() {
        Parsed p = parse(ImportFile.PAYMENTS, "payment_id,account_id,paid_at,amount,reference\r\n"
                + "PAY-1,L-1,2026-04-15T20:11:00+08:00,10,\"a, \"\"quoted\"\"\nnote\"\r\n"
                + "PAY-2,L-1,2026-04-15T20:11:00+08:00,-1,\r\n");
        assertThat(p.rows().get(0)[5]).isEqualTo("a, \"quoted\"\nnote");
        assertThat(p.errors()).extracting(ImportError::row).containsExactly(3L);
    }

    @Test
    void unknownColumnsAreIgnoredAndColumnOrderDoesNotMatter() {
        Parsed p = parse(ImportFile.ACCOUNT_PARTIES, "note,role,party_id,account_id\nhello,GUARANTOR,P-2,L-1\n");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows().get(0)).containsExactly("L-1", "P-2", "GUARANTOR");
    }

    @Test
    void aMissingRequiredColumnIsFoundFromTheHeader() {
        ImportRow.Header header = ImportRow.Header.of(new String[] {"\uFEFFaccount_id", " Product ", "currency"});
        assertThat(header.missing(ImportFile.ACCOUNTS.requiredColumns())).containsExactly("principal", "open_date");
    }
}

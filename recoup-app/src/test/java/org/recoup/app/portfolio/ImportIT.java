package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoup.app.ApiClient;
import org.recoup.app.ApiClient.Part;
import org.recoup.app.IntegrationTest;
import org.recoup.app.TestDatabase;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

/** Contract §2 end to end: the import API on the real database (H2, and PostgreSQL when configured). */
class ImportIT extends ImportTestSupport {

    // ---- the happy path ----------------------------------------------------------------------------------------

    @Test
    void theContractSampleImportsWithAmountsInMinorUnits() {
        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", sample.parts());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(body.get("errorCount").asLong()).isZero();
        assertThat(body.get("processed").asLong()).isEqualTo(37);
        ImportSamples.ROWS.forEach((file, rows) ->
                assertThat(body.get("counts").get(file).asLong()).as(file).isEqualTo(rows));

        assertThat(jdbc.sql("SELECT principal_minor FROM account WHERE account_id = ?").param(sample.id("L-1001"))
                .query(Long.class).single()).isEqualTo(1_200_000L);
        assertThat(jdbc.sql("SELECT penalty_cap_minor FROM account WHERE account_id = ?").param(sample.id("L-1001"))
                .query(Long.class).single()).isEqualTo(200_000L);
        assertThat(jdbc.sql("SELECT amount_minor FROM payment WHERE payment_id = ?").param(sample.id("PAY-3"))
                .query(Long.class).single()).isEqualTo(28_000L);
        assertThat(jdbc.sql("SELECT interest_minor FROM installment WHERE account_id = ? AND seq = 1")
                .param(sample.id("L-1001")).query(Long.class).single()).isEqualTo(6_000L);
        assertThat(jdbc.sql("SELECT name FROM party WHERE party_id = ?").param(sample.id("P-3"))
                .query(String.class).single()).isEqualTo("张强");
        assertThat(jdbc.sql("SELECT time_zone FROM contact_point WHERE contact_point_id = ?").param(sample.id("CP-6"))
                .query(String.class).single()).isEqualTo("America/New_York");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?").param(sample.id("L-1001"))
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_party WHERE account_id = ?").param(sample.id("L-1001"))
                .query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void submittingAnswers202WithTheIdAndProcessedReachesTheTotal() {
        ApiClient.Response accepted = api().postMultipart("/api/v1/imports", fiveThousandAccountsWithTwelveInstalments());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long id = accepted.json().get("id").asLong();

        JsonNode done = api().get("/api/v1/imports/" + id + "?wait=true").json();
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("processed").asLong()).isEqualTo(65_000);
        assertThat(done.get("counts").get("installments.csv").asLong()).isEqualTo(60_000);
        assertThat(jdbc.sql("SELECT processed FROM import_job WHERE import_id = ?").param(id).query(Long.class).single())
                .isEqualTo(65_000L);
        assertThat(jdbc.sql("SELECT SUM(interest_minor) FROM installment WHERE account_id LIKE ?").param(p + "%")
                .query(Long.class).single()).isEqualTo(60_000L * 550);
    }

    @Test
    void aBulkLoadOnPostgresqlLeavesKeysAndIndexesAsTheyWere() {
        assumeTrue(TestDatabase.isPostgres(), "bulk mode is PostgreSQL only");
        assumeTrue(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'installment'::regclass").query(Double.class)
                .single() < 200_000, "bulk mode is for imports that are large compared with the table");
        List<String> schemaBefore = keysAndIndexes();
        long primaryKeyBefore = installmentPrimaryKeyIndex();

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true",
                fiveThousandAccountsWithTwelveInstalments());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(installmentPrimaryKeyIndex()).as("rebuilt, so bulk mode ran").isNotEqualTo(primaryKeyBefore);
        assertThat(keysAndIndexes()).isEqualTo(schemaBefore);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO installment (account_id, seq, due_date, principal_minor)"
                + " VALUES ('" + p + "nobody', 1, DATE '2026-01-01', 1)").update())
                .as("the foreign key is back").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO installment (account_id, seq, due_date, principal_minor)"
                + " VALUES ('" + p + "A-1', 1, DATE '2026-01-01', 1)").update())
                .as("the primary key is back").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theJavaApiImportsADirectoryAndReportsProgressPerFile(@TempDir Path directory) throws IOException {
        for (Map.Entry<String, String> file : sample.files().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(directory.resolve("README.txt"), "not an import file, ignored");
        List<String> events = new ArrayList<>();

        ImportResult result = imports.importFiles(ImportSource.directory(directory), ImportMode.ALL_OR_NOTHING,
                new ImportProgress() {
                    @Override
                    public void rows(String file, long rowsProcessed) {
                        events.add(file + "=" + rowsProcessed);
                    }

                    @Override
                    public void phase(String phase) {
                        events.add(phase);
                    }
                }, "it");

        assertThat(result.applied()).as(result.errors().toString()).isTrue();
        assertThat(result.requestedBy()).isEqualTo("it");
        assertThat(result.counts()).containsAllEntriesOf(ImportSamples.ROWS);
        assertThat(result.files()).extracting(ImportResult.FileSummary::file).containsExactlyElementsOf(ImportSamples.FILES);
        assertThat(result.files()).extracting(ImportResult.FileSummary::encoding).contains("UTF-8", "US-ASCII");
        assertThat(events).containsSubsequence("staging", "accounts.csv=5", "contacts.csv=3", "validating", "applying",
                "done");
        assertThat(imports.find(result.id())).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ImportStatus.SUCCEEDED));
    }

    // ---- rejection -----------------------------------------------------------------------------------------------

    @Test
    void aFileWithBadRowsIsRejectedListingEveryBadRowAndChangesNothing() {
        Map<String, Long> before = rowCounts();
        Map<String, Part> parts = ApiClient.parts();
        parts.put("accounts.csv", Part.csv("accounts.csv", """
                account_id,product,currency,principal,open_date
                %1$sA-1,CONSUMER_LOAN,CNY,1000.00,2026-01-01
                %1$sA-2,MORTGAGE,CNY,1000.00,2026-01-01
                %1$sA-3,CONSUMER_LOAN,CNY,1000.001,2026/13/01
                %1$sA-1,CONSUMER_LOAN,CNY,1000.00,2026-01-01
                """.formatted(p)));
        parts.put("installments.csv", Part.csv("installments.csv", """
                account_id,seq,due_date,principal_due
                %1$sA-1,1,2026-02-01,100.00
                %1$sA-1,1,2026-03-01,100.00
                %1$sA-9,1,2026-02-01,100.00
                %1$sA-1,2,2026-03-01,100.005
                %1$sA-2,1,2026-02-01,100.00
                """.formatted(p)));
        parts.put("payments.csv", Part.csv("payments.csv", """
                payment_id,account_id,paid_at,amount
                %1$sPAY-1,%1$sA-1,2026-02-01T10:00:00+08:00,0
                """.formatted(p)));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("FAILED");
        assertThat(body.get("errorCount").asLong()).isEqualTo(8);
        List<org.assertj.core.groups.Tuple> errors = new ArrayList<>();
        body.get("errors").forEach(e -> errors.add(tuple(e.get("file").asString(), e.get("row").asLong(),
                e.get("column").asString())));
        assertThat(errors).containsExactly(
                tuple("accounts.csv", 3L, "product"),
                tuple("accounts.csv", 4L, "principal"),
                tuple("accounts.csv", 4L, "open_date"),
                tuple("accounts.csv", 5L, "account_id"),
                tuple("installments.csv", 3L, "seq"),
                tuple("installments.csv", 4L, "account_id"),
                tuple("installments.csv", 5L, "principal_due"),
                tuple("payments.csv", 2L, "amount"));
        assertThat(messages(body)).contains(
                "open_date: expected a date YYYY-MM-DD, got \"2026/13/01\"",
                "account_id: duplicate account_id \"" + p + "A-1\" (first on row 2)",
                "seq: duplicate seq 1 of account \"" + p + "A-1\" (first on row 2)",
                "account_id: unknown account \"" + p + "A-9\", neither in accounts.csv nor in the database",
                "principal_due: expected at most 2 decimal places for CNY, got \"100.005\"");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void errorsCsvHasEveryErrorOfTheImport() {
        StringBuilder accounts = new StringBuilder("account_id,product,currency,principal,open_date\n");
        for (int i = 0; i < 30; i++) {
            accounts.append(p).append("A-").append(i).append(",CONSUMER_LOAN,CNY,-1,2026-01-01\n");
        }
        Map<String, Part> parts = ApiClient.parts();
        parts.put("accounts.csv", Part.csv("accounts.csv", accounts.toString()));
        long id = api().postMultipart("/api/v1/imports?wait=true", parts).json().get("id").asLong();

        ApiClient.Response csv = api().get("/api/v1/imports/" + id + "/errors.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0)).isEqualTo("file,row,column,message");
        assertThat(lines.get(1)).isEqualTo("accounts.csv,2,principal,\"principal: expected an amount ≥ 0, got \"\"-1\"\"\"");
        assertThat(lines.get(30)).startsWith("accounts.csv,31,principal,");
    }

    @Test
    void aMissingRequiredColumnIsOneErrorForThatFile() {
        Map<String, Part> parts = ApiClient.parts();
        parts.put("accounts.csv", Part.csv("accounts.csv",
                "account_id,product,principal,open_date\n" + p + "A-1,CONSUMER_LOAN,10,2026-01-01\n"));

        JsonNode body = api().postMultipart("/api/v1/imports?wait=true", parts).json();

        assertThat(body.get("errorCount").asLong()).isEqualTo(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("accounts.csv");
        assertThat(error.get("row").asLong()).isEqualTo(1);
        assertThat(error.get("column").asString()).isEqualTo("currency");
        assertThat(error.get("message").asString()).startsWith("currency: missing required column");
    }

    @Test
    void anUnknownReferenceIsAnErrorNamingTheRow() {
        Map<String, Part> parts = ApiClient.parts();
        parts.put("installments.csv", Part.csv("installments.csv",
                "account_id,seq,due_date,principal_due\n" + p + "NOPE,1,2026-02-01,100.00\n"));
        parts.put("contacts.csv", Part.csv("contacts.csv",
                "contact_id,account_id,party_id,contact_point_id,channel,at,outcome\n"
                        + p + "CT-1," + p + "NOPE," + p + "P-0," + p + "CP-0,CALL,2026-05-18T10:05:00+08:00,NO_ANSWER\n"));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).isEqualTo(422);
        assertThat(messages(response.json())).containsExactly(
                "account_id: unknown account \"" + p + "NOPE\", neither in accounts.csv nor in the database",
                "account_id: unknown account \"" + p + "NOPE\", neither in accounts.csv nor in the database",
                "party_id: unknown party \"" + p + "P-0\", neither in parties.csv nor in the database",
                "contact_point_id: unknown contact point \"" + p + "CP-0\", neither in contact_points.csv nor in the database");
        assertThat(response.json().get("errors").get(0).get("row").asLong()).isEqualTo(2);
    }

    @Test
    void referencesMayPointAtRowsAlreadyInTheDatabase() {
        assertThat(api().postMultipart("/api/v1/imports?wait=true", sample.parts()).status()).isEqualTo(200);
        Map<String, Part> parts = ApiClient.parts();
        parts.put("installments.csv", Part.csv("installments.csv",
                "account_id,seq,due_date,principal_due\n" + sample.id("L-1001") + ",4,2026-07-15,1000.00\n"));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM installment WHERE account_id = ?").param(sample.id("L-1001"))
                .query(Long.class).single()).isEqualTo(4L);
    }

    @Test
    void decimalsBeyondTheAccountsCurrencyAreRefusedForAccountsInTheDatabaseToo() {
        Map<String, Part> first = ApiClient.parts();
        first.put("accounts.csv", Part.csv("accounts.csv",
                "account_id,product,currency,principal,open_date\n" + p + "J-1,CONSUMER_LOAN,JPY,50000,2026-01-01\n"));
        assertThat(api().postMultipart("/api/v1/imports?wait=true", first).status()).isEqualTo(200);
        Map<String, Part> parts = ApiClient.parts();
        parts.put("installments.csv", Part.csv("installments.csv",
                "account_id,seq,due_date,principal_due,interest_due\n" + p + "J-1,1,2026-02-01,5000,12.5\n"));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).isEqualTo(422);
        assertThat(messages(response.json()))
                .containsExactly("interest_due: expected at most 0 decimal places for JPY, got \"12.5\"");
    }

    // ---- re-import -----------------------------------------------------------------------------------------------

    @Test
    void reimportingIsIdempotentAndUpdatesInPlace() {
        assertThat(api().postMultipart("/api/v1/imports?wait=true", sample.parts()).status()).isEqualTo(200);
        Map<String, Long> after = rowCountsOfThisTest();

        JsonNode same = api().postMultipart("/api/v1/imports?wait=true", sample.parts()).json();
        assertThat(same.get("status").asString()).isEqualTo("SUCCEEDED");
        same.get("files").forEach(f -> assertThat(f.get("changed").asLong()).as(f.get("file").asString()).isZero());
        assertThat(rowCountsOfThisTest()).isEqualTo(after);

        Map<String, Part> changed = sample.parts();
        changed.put("accounts.csv", Part.csv("accounts.csv",
                sample.csv("accounts.csv").replace("CNY,12000.00,2026-03-15", "CNY,12500.00,2026-03-15")));
        changed.put("installments.csv", Part.csv("installments.csv",
                sample.csv("installments.csv").replace("1,2026-04-15,1000.00,60.00", "1,2026-04-15,1100.00,60.00")));
        JsonNode updated = api().postMultipart("/api/v1/imports?wait=true", changed).json();

        assertThat(updated.get("status").asString()).isEqualTo("SUCCEEDED");
        Map<String, Long> changedRows = new LinkedHashMap<>();
        updated.get("files").forEach(f -> changedRows.put(f.get("file").asString(), f.get("changed").asLong()));
        assertThat(changedRows).containsEntry("accounts.csv", 1L).containsEntry("installments.csv", 1L)
                .containsEntry("payments.csv", 0L).containsEntry("parties.csv", 0L);
        assertThat(rowCountsOfThisTest()).isEqualTo(after);
        assertThat(jdbc.sql("SELECT principal_minor FROM account WHERE account_id = ?").param(sample.id("L-1001"))
                .query(Long.class).single()).isEqualTo(1_250_000L);
        assertThat(jdbc.sql("SELECT principal_minor FROM installment WHERE account_id = ? AND seq = 1")
                .param(sample.id("L-1001")).query(Long.class).single()).isEqualTo(110_000L);
    }

    @Test
    void aPaymentIdReusedWithOtherContentIsAnErrorOnThatRow() {
        assertThat(api().postMultipart("/api/v1/imports?wait=true", sample.parts()).status()).isEqualTo(200);
        Map<String, Part> parts = ApiClient.parts();
        parts.put("payments.csv", Part.csv("payments.csv",
                sample.csv("payments.csv").replace("1060.00,WECHAT", "1000.00,WECHAT")));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(response.json().get("errorCount").asLong()).isEqualTo(1);
        assertThat(error.get("row").asLong()).isEqualTo(2);
        assertThat(error.get("column").asString()).isEqualTo("payment_id");
        assertThat(error.get("message").asString()).isEqualTo("payment_id: payment \"" + sample.id("PAY-1")
                + "\" was already imported with a different amount; a payment_id cannot be reused for another payment");
        assertThat(jdbc.sql("SELECT amount_minor FROM payment WHERE payment_id = ?").param(sample.id("PAY-1"))
                .query(Long.class).single()).isEqualTo(106_000L);
    }

    @Test
    void aContactIdReusedWithOtherContentIsAnError() {
        assertThat(api().postMultipart("/api/v1/imports?wait=true", sample.parts()).status()).isEqualTo(200);
        Map<String, Part> parts = ApiClient.parts();
        parts.put("contacts.csv", Part.csv("contacts.csv",
                sample.csv("contacts.csv").replace("CALL,2026-10-02T16:00:00+08:00,NO_ANSWER",
                        "CALL,2026-10-02T16:00:00+08:00,RIGHT_PARTY")));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).isEqualTo(422);
        assertThat(messages(response.json())).containsExactly("contact_id: contact \"" + sample.id("CT-3")
                + "\" was already imported with a different outcome; a contact_id cannot be reused for another contact");
    }

    @Test
    void aFailureWhileApplyingRollsBackEverythingOfTheImport() {
        // a rule the checks do not know about makes the payments statement fail after accounts… instalments went in
        jdbc.sql("ALTER TABLE payment ADD CONSTRAINT import_it_sabotage CHECK (payment_id <> '" + sample.id("PAY-2") + "')")
                .update();
        ApiClient.Response response;
        try {
            response = api().postMultipart("/api/v1/imports?wait=true", sample.parts());
        } finally {
            jdbc.sql("ALTER TABLE payment DROP CONSTRAINT import_it_sabotage").update();
        }

        assertThat(response.status()).as(response.body()).isEqualTo(500);
        assertThat(response.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(response.json().get("failure").asString()).isNotBlank();
        assertThat(rowCountsOfThisTest()).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    // ---- valid-only ----------------------------------------------------------------------------------------------

    @Test
    void validOnlyModeAppliesTheGoodRowsAndReportsTheBadOnes() {
        Map<String, Part> parts = ApiClient.parts();
        parts.put("accounts.csv", Part.csv("accounts.csv", """
                account_id,product,currency,principal,open_date
                %1$sA-1,CONSUMER_LOAN,CNY,1000.00,2026-01-01
                %1$sA-2,MORTGAGE,CNY,1000.00,2026-01-01
                %1$sA-3,CREDIT_CARD,CNY,500.00,2026-01-01
                """.formatted(p)));
        parts.put("installments.csv", Part.csv("installments.csv", """
                account_id,seq,due_date,principal_due
                %1$sA-1,1,2026-02-01,100.00
                %1$sA-2,1,2026-02-01,100.00
                %1$sA-3,1,2026-02-01,-100.00
                %1$sA-3,2,2026-03-01,100.00
                """.formatted(p)));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true&mode=valid-only", parts);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(body.get("mode").asString()).isEqualTo("valid-only");
        assertThat(messages(body)).containsExactly(
                "product: expected one of CONSUMER_LOAN, CREDIT_CARD, B2B_RECEIVABLE, PROPERTY_FEE, got \"MORTGAGE\"",
                "account_id: account \"" + p + "A-2\" is not applied because its row in accounts.csv has errors",
                "principal_due: expected an amount ≥ 0, got \"-100.00\"");
        assertThat(jdbc.sql("SELECT account_id FROM account WHERE account_id LIKE ? ORDER BY account_id")
                .param(p + "%").query(String.class).list()).containsExactly(p + "A-1", p + "A-3");
        assertThat(jdbc.sql("SELECT account_id || '/' || seq FROM installment WHERE account_id LIKE ? ORDER BY 1")
                .param(p + "%").query(String.class).list()).containsExactly(p + "A-1/1", p + "A-3/2");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** 5,000 accounts and 60,000 instalments (interest 5.50 each): above the IT's bulk threshold of 50,000 rows. */
    private Map<String, Part> fiveThousandAccountsWithTwelveInstalments() {
        StringBuilder accounts = new StringBuilder("account_id,product,currency,principal,open_date\n");
        StringBuilder installments = new StringBuilder("account_id,seq,due_date,principal_due,interest_due\n");
        for (int a = 0; a < 5_000; a++) {
            accounts.append(p).append("A-").append(a).append(",CONSUMER_LOAN,CNY,1200.00,2026-01-01\n");
            for (int s = 1; s <= 12; s++) {
                installments.append(p).append("A-").append(a).append(',').append(s).append(",2026-")
                        .append(String.format("%02d", s)).append("-15,100.00,5.50\n");
            }
        }
        Map<String, Part> parts = ApiClient.parts();
        parts.put("accounts", Part.csv("accounts.csv", accounts.toString()));
        parts.put("installments", Part.csv("installments.csv", installments.toString()));
        return parts;
    }

    private List<String> keysAndIndexes() {
        List<String> schema = new ArrayList<>(jdbc.sql("SELECT conrelid::regclass::text || ' ' || conname || ' '"
                + " || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype IN ('p', 'u', 'f')"
                + " AND (conrelid = 'installment'::regclass OR confrelid = 'installment'::regclass"
                + " OR conrelid = 'account'::regclass OR confrelid = 'account'::regclass) ORDER BY 1")
                .query(String.class).list());
        schema.addAll(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename IN ('installment', 'account') ORDER BY 1")
                .query(String.class).list());
        return schema;
    }

    private long installmentPrimaryKeyIndex() {
        return jdbc.sql("SELECT indexrelid::bigint FROM pg_index WHERE indrelid = 'installment'::regclass AND indisprimary")
                .query(Long.class).single();
    }
}

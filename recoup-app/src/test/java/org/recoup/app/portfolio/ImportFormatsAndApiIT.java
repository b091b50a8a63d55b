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

/** Contract §2: the containers and encodings an import may come in, and the API around the import. */
class ImportFormatsAndApiIT extends ImportTestSupport {

    // ---- encodings and containers -------------------------------------------------------------------------------

    @Test
    void aGbkFileWithoutBomImports() {
        String parties = sample.csv("parties.csv");
        Map<String, Part> parts = ApiClient.parts();
        parts.put("parties.csv", new Part("parties.csv", "text/csv", parties.getBytes(Charset.forName("GBK"))));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("files").get(0).get("encoding").asString()).isEqualTo("GB18030");
        assertThat(jdbc.sql("SELECT name || '@' || region FROM party WHERE party_id LIKE ? ORDER BY party_id")
                .param(p + "%").query(String.class).list())
                .containsExactly("李明@北京", "王芳@上海", "张强@乌鲁木齐", "刘洋@深圳", "Jordan Lee@NY", "陈静@北京");
    }

    @Test
    void aUtf8FileWithBomImports() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = sample.csv("parties.csv").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(text, 0, bytes, 3, text.length);
        Map<String, Part> parts = ApiClient.parts();
        parts.put("parties", new Part("parties.csv", "text/csv", bytes));

        assertThat(api().postMultipart("/api/v1/imports?wait=true", parts).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT name FROM party WHERE party_id = ?").param(sample.id("P-1")).query(String.class)
                .single()).isEqualTo("李明");
    }

    @Test
    void aZipArchiveImports() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        sample.files().forEach((name, text) -> entries.put("portfolio/" + name, text.getBytes(StandardCharsets.UTF_8)));
        entries.put("__MACOSX/portfolio/._accounts.csv", new byte[] {0, 1, 2});
        Map<String, Part> parts = ApiClient.parts();
        parts.put("archive", new Part("portfolio.zip", "application/zip", ImportSamples.zip(entries)));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("processed").asLong()).isEqualTo(37);
        assertThat(response.json().get("files").get(0).get("origin").asString())
                .isEqualTo("archive.zip!portfolio/accounts.csv");
        assertThat(rowCountsOfThisTest()).containsEntry("account", 5L).containsEntry("contact_attempt", 3L);
    }

    @Test
    void anXlsxWorkbookImportsWithOneSheetPerFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(bytes, "recoup-it", "1.0");
        Worksheet accounts = workbook.newWorksheet("accounts");
        String[] header = {"account_id", "product", "currency", "principal", "open_date", "grace_days"};
        for (int c = 0; c < header.length; c++) {
            accounts.value(0, c, header[c]);
        }
        accounts.value(1, 0, p + "X-1");
        accounts.value(1, 1, "CONSUMER_LOAN");
        accounts.value(1, 2, "CNY");
        accounts.value(1, 3, 12000.5);
        accounts.value(1, 4, LocalDate.of(2026, 3, 15));
        accounts.style(1, 4).format("yyyy-mm-dd").set();
        accounts.value(1, 5, 3);
        Worksheet installments = workbook.newWorksheet("installments.csv");
        installments.value(0, 0, "account_id");
        installments.value(0, 1, "seq");
        installments.value(0, 2, "due_date");
        installments.value(0, 3, "principal_due");
        installments.value(1, 0, p + "X-1");
        installments.value(1, 1, 1);
        installments.value(1, 2, "2026-04-15");
        installments.value(1, 3, "1000.25");
        workbook.newWorksheet("Sheet3");
        workbook.finish();
        Map<String, Part> parts = ApiClient.parts();
        parts.put("portfolio.xlsx", new Part("portfolio.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.toByteArray()));

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", parts);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Object> account = jdbc.sql("SELECT principal_minor, open_date, grace_days FROM account WHERE account_id = ?")
                .param(p + "X-1").query().singleRow();
        assertThat(account.get("principal_minor")).isEqualTo(1_200_050L);
        assertThat(account.get("open_date").toString()).isEqualTo("2026-03-15");
        assertThat(((Number) account.get("grace_days")).intValue()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT principal_minor FROM installment WHERE account_id = ?").param(p + "X-1")
                .query(Long.class).single()).isEqualTo(100_025L);
    }

    // ---- the API around it ---------------------------------------------------------------------------------------

    @Test
    void anUnknownImportIsA404Problem() {
        ApiClient.Response response = api().get("/api/v1/imports/987654321");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(api().get("/api/v1/imports/not-a-number").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/imports/987654321/errors.csv").status()).isEqualTo(404);
    }

    @Test
    void aPartThatIsNotAnImportFileIsABadRequest() {
        Map<String, Part> parts = ApiClient.parts();
        parts.put("loans.csv", Part.csv("loans.csv", "x\n1\n"));

        ApiClient.Response response = api().postMultipart("/api/v1/imports", parts);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("UNKNOWN_IMPORT_FILE");
        assertThat(api().postMultipart("/api/v1/imports?mode=some", sample.parts()).status()).isEqualTo(400);
    }

    @Test
    void importingNeedsAdminOrSupervisor() {
        users.createIfAbsent("import-it-agent", "agent-password", "Agent", Role.AGENT, "en");
        ApiClient agent = api("import-it-agent", "agent-password");

        assertThat(agent.postMultipart("/api/v1/imports", sample.parts()).status()).isEqualTo(403);
        assertThat(rowCountsOfThisTest()).containsEntry("account", 0L);
    }

    @Test
    void theImportEndpointsAreInTheOpenApiDocument() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/imports")).isTrue();
        assertThat(paths.get("/api/v1/imports").get("post").get("summary").asString()).isEqualTo("Import a portfolio");
        assertThat(paths.has("/api/v1/imports/{id}")).isTrue();
        assertThat(paths.has("/api/v1/imports/{id}/errors.csv")).isTrue();
    }

    @Test
    void importsAreCountedAndTimed() {
        Counter rows = meters.counter("recoup.import.rows", "file", "accounts.csv");
        double rowsBefore = rows.count();
        Timer succeeded = meters.timer("recoup.import.duration", "outcome", "succeeded");
        long timedBefore = succeeded.count();

        assertThat(api().postMultipart("/api/v1/imports?wait=true", sample.parts()).status()).isEqualTo(200);

        assertThat(rows.count() - rowsBefore).isEqualTo(5.0);
        assertThat(succeeded.count() - timedBefore).isEqualTo(1);
    }
}

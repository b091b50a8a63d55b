package org.recoup.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/** A case's documents: uploaded and generated files are kept with their hash and shown only to who may see the case. */
class DocumentIT extends IntegrationTest {

    private static final String PASSWORD = "document-it-password";

    @Autowired
    UserAccounts users;
    @Autowired
    PdfDocuments pdf;
    @Autowired
    Documents documents;

    private String caseId;
    private String account;

    @BeforeEach
    void aCaseAssignedToATeam() {
        account = new DebtFileFixture(jdbc).account(uniqueId("L")).id();
        caseId = new CaseAssignments(jdbc).ofAccount(account).toTeam("doc-team").id();
        jdbc.sql("INSERT INTO collection_case (case_id, party_id, status, opened_on, updated_on) VALUES (?, ?, 'OPEN', ?, ?)")
                .params(caseId, caseId.substring(2), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)).update();
    }

    @Test
    void anUploadedReceiptDownloadsUnchangedWithItsHash() {
        byte[] scan = "签收回执 signed by 张三".getBytes(StandardCharsets.UTF_8);
        var parts = ApiClient.parts();
        parts.put("file", new ApiClient.Part("回执.txt", "text/plain", scan));

        var created = api().postMultipart("/api/v1/cases/" + caseId + "/documents?kind=SIGNED_RECEIPT&accountId="
                + account, parts);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("documentId").asText();
        assertThat(created.json().get("sha256").asText()).isEqualTo(Documents.sha256(scan));
        var download = api().get("/api/v1/documents/" + id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("签收回执 signed by 张三");
        assertThat(api().get("/api/v1/cases/" + caseId + "/documents").json().get(0).get("kind").asText())
                .isEqualTo("SIGNED_RECEIPT");
    }

    @Test
    void anAccountOfAnotherCaseIsRefusedNamingTheField() {
        var parts = ApiClient.parts();
        parts.put("file", new ApiClient.Part("x.txt", "text/plain", new byte[] {1}));
        String other = new DebtFileFixture(jdbc).account(uniqueId("L")).id();

        var refused = api().postMultipart("/api/v1/cases/" + caseId + "/documents?kind=SIGNED_RECEIPT&accountId="
                + other, parts);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("accountId");
        assertThat(documents.forCase(caseId)).isEmpty();
    }

    @Test
    void anAgentOfAnotherTeamSeesNeitherTheListNorTheDocument() {
        StoredDocument kept = documents.store(new Documents.NewDocument(caseId, account, "PLAN_AGREEMENT", "plan.pdf",
                "application/pdf", new byte[] {1, 2, 3}, null, "it"));
        String outsider = uniqueId("agent");
        users.create(outsider, PASSWORD, new UserAccounts.UserFields(outsider, Role.AGENT, Tier.JUNIOR, "other-team",
                null, "en", true));

        assertThat(api(outsider, PASSWORD).get("/api/v1/documents/" + kept.documentId()).status()).isEqualTo(404);
        assertThat(api(outsider, PASSWORD).get("/api/v1/cases/" + caseId + "/documents").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/documents/" + kept.documentId()).status()).isEqualTo(200);
    }

    @Test
    void aGeneratedDocumentCarriesItsChineseTextIntoThePdf() throws Exception {
        byte[] bytes = pdf.generic(new PdfDocuments.GenericDocument("还款计划协议", "回款消费金融", "张三",
                List.of("甲方同意分期偿还欠款人民币12,000.00元。"), List.of("期数", "到期日", "金额"),
                List.of(List.of("1", "2026-12-15", "4,000.00")), List.of("甲方签字:", "乙方签字:"), "PLAN-1"),
                Locale.SIMPLIFIED_CHINESE);

        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("还款计划协议", "甲方同意分期偿还欠款人民币12,000.00元", "2026-12-15", "乙方签字");
        }
    }
}

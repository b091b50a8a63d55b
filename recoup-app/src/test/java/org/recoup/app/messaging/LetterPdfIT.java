package org.recoup.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;

/** A letter sent from a case is rendered to PDF with a CJK font: the Chinese text is in the PDF, downloadable. */
class LetterPdfIT extends IntegrationTest {

    @Test
    void aPreLegalNoticeIsAPdfWhoseTextIsTheFilledChineseTemplate() throws Exception {
        MessagingFixture.Case c = new MessagingFixture(jdbc).create(uniqueId("MLP"));
        var sent = api().post("/api/v1/cases/" + c.caseId() + "/messages", "{\"contactPointId\":\"" + c.address()
                + "\",\"channel\":\"LETTER\",\"templateId\":\"pre-legal-notice.zh-CN\"}", Map.of("Idempotency-Key", uniqueId("k")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String id = sent.json().get("messageId").asString();
        assertThat(sent.json().get("pdf").asString()).isEqualTo("/api/v1/outbox/" + id + "/letter.pdf");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/outbox/" + id + "/letter.pdf"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("还款通知书", "张三", "回款消费金融", "上海市浦东新区世纪大道100号", "尚未提起诉讼", id);
        }
        assertThat(jdbc.sql("SELECT sha256 FROM outbox_letter WHERE message_id = ?").param(id).query(String.class).single())
                .hasSize(64);
    }
}

package org.recoup.app.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.dailyrun.RunCompleted;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily management report: after a run, one e-mail per business date to the configured recipients, with the key
 * figures as an HTML table and the same tables as an XLSX attachment; a second run of the date sends nothing.
 */
class ManagementReportIT extends IntegrationTest {

    /** The port application-it.yml gives spring.mail.port. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(47125, "localhost", "smtp"));

    @Autowired
    KpiEvents events;

    @AfterEach
    void switchTheReportOff() {
        api().put("/api/v1/config/management-report", "{\"enabled\": false, \"recipients\": []}");
    }

    @Test
    void afterARunTheReportIsMailedOnceWithTheFiguresInTheBodyAndTheXlsx() throws Exception {
        KpiHistory history = new KpiHistory(jdbc, uniqueId("mr"), 366).build();
        ApiClient.Response saved = api().put("/api/v1/config/management-report",
                "{\"enabled\": true, \"recipients\": [\"boss@recoup.test\", \"lead@recoup.test\"], \"locale\": \"en\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        events.runCompleted(new RunCompleted(-1, history.day));

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(2); // one copy per recipient
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).isEqualTo("Recoup management report " + history.day);
        String html = null;
        byte[] xlsx = null;
        Multipart parts = (Multipart) mail.getContent();
        for (BodyPart part : allParts(parts)) {
            if (part.getFileName() != null && part.getFileName().endsWith(".xlsx")) {
                try (InputStream in = part.getInputStream()) {
                    xlsx = in.readAllBytes();
                }
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        assertThat(html).contains("Headline figures", "Portfolio totals", "Agent KPIs", "Compliance blocks by reason")
                // hand-computed (ContactKpisIT): 6 attempts, RPC rate 50 %, PTP rate 66.67 %, 1.20 contacts per hour
                .contains("<td data-key=\"attempts\">6</td>", "<td data-key=\"rpc_rate\">50.00 %</td>",
                        "<td data-key=\"ptp_rate\">66.67 %</td>", "<td data-key=\"contacts_per_hour\">1.20</td>",
                        "<td data-key=\"agent\">" + history.agent1 + "</td>");
        assertThat(xlsx).isNotNull();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = book.getSheets().map(Sheet::getName).toList();
            assertThat(sheets).contains("Portfolio totals", "Headline figures", "Agent KPIs");
            Sheet summary = book.getSheets().filter(s -> s.getName().equals("Headline figures")).findFirst().orElseThrow();
            List<Row> rows = summary.read();
            assertThat(rows.get(1).getCellAsNumber(0).orElseThrow()).isEqualByComparingTo("6");
            assertThat(rows.get(1).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("0.5");
            assertThat(rows.get(1).getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(new BigDecimal("0.6667"));
            assertThat(rows.get(1).getCellAsNumber(9).orElseThrow()).isEqualByComparingTo("1.2");
        }

        events.runCompleted(new RunCompleted(-2, history.day));
        assertThat(SMTP.getReceivedMessages()).as("a rerun of the date sends nothing").hasSize(2);
        ApiClient.Response again = api().post("/api/v1/reports/management?date=" + history.day, "");
        assertThat(again.json().path("outcome").asString()).isEqualTo("ALREADY_SENT");
        ApiClient.Response deliveries = api().get("/api/v1/reports/management");
        assertThat(deliveries.json().get(0).path("businessDate").asString()).isEqualTo(history.day.toString());
        assertThat(deliveries.json().get(0).path("status").asString()).isEqualTo("SENT");
        assertThat(deliveries.json().get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(GreenMailUtil.getAddressList(mail.getAllRecipients())).contains("boss@recoup.test");
    }

    @Test
    void aDisabledReportSendsNothing() {
        KpiHistory history = new KpiHistory(jdbc, uniqueId("mr"), 367);
        ApiClient.Response r = api().post("/api/v1/reports/management?date=" + history.day, "");
        assertThat(r.json().path("outcome").asString()).isEqualTo("DISABLED");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void reportSettingsAreValidatedOnSave() {
        ApiClient.Response bad = api().put("/api/v1/config/management-report",
                "{\"enabled\": true, \"recipients\": [\"boss@recoup.test\", \"not an address\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asString()).isEqualTo("recipients[1]");
        ApiClient.Response none = api().put("/api/v1/config/management-report", "{\"enabled\": true}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("field").asString()).isEqualTo("recipients");
    }

    private static List<BodyPart> allParts(Multipart multipart) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                parts.addAll(allParts(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }
}

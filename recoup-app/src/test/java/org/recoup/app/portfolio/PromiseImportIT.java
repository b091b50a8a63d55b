package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.ApiClient.Part;
import org.recoup.app.promise.Promises;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.PtpStatus;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The import's extensions of contract §2: contacts.csv disposition and promises.csv (docs/import.md). */
class PromiseImportIT extends ImportTestSupport {

    @Autowired
    Promises promises;

    private String promisesCsv(String... rows) {
        StringBuilder csv = new StringBuilder("promise_id,account_id,party_id,amount,due_date,promised_at,channel,cancelled_at\n");
        for (String row : rows) {
            csv.append(sample.prefixIds(row).replace("PTP-", p + "PTP-")).append('\n');
        }
        return csv.toString();
    }

    private Map<String, Part> withPromises(String csv) {
        Map<String, Part> parts = sample.parts();
        parts.put("promises.csv", Part.csv("promises.csv", csv));
        return parts;
    }

    private static String text(Part part) {
        return new String(part.content(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void contactDispositionsAreImportedAndABadValueIsARowError() {
        Map<String, Part> parts = sample.parts();
        parts.put("contacts.csv", Part.csv("contacts.csv", sample.prefixIds("""
                contact_id,account_id,party_id,contact_point_id,channel,at,outcome,disposition
                CT-1,L-1001,P-1,CP-1,CALL,2026-05-18T10:05:00+08:00,RIGHT_PARTY,REFUSED_TO_PAY
                CT-2,L-1001,P-1,CP-1,SMS,2026-05-25T15:30:00+08:00,DELIVERED,
                CT-3,C-2001,P-2,CP-3,CALL,2026-10-02T16:00:00+08:00,RIGHT_PARTY,ANGRY
                """)));
        ApiClient.Response rejected = api().postMultipart("/api/v1/imports?wait=true", parts);
        assertThat(rejected.status()).isEqualTo(422);
        JsonNode error = rejected.json().get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("contacts.csv");
        assertThat(error.get("row").asLong()).isEqualTo(4);
        assertThat(error.get("column").asString()).isEqualTo("disposition");
        assertThat(error.get("message").asString()).contains("REFUSED_TO_PAY").contains("ANGRY");

        parts.put("contacts.csv", Part.csv("contacts.csv", text(parts.get("contacts.csv")).replace("ANGRY", "DISPUTE")));
        assertThat(api().postMultipart("/api/v1/imports?wait=true", parts).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT contact_id, disposition FROM contact_attempt WHERE contact_id LIKE ? ORDER BY contact_id")
                .param(p + "%").query((rs, i) -> rs.getString(1).substring(p.length()) + "=" + rs.getString(2)).list())
                .containsExactly("CT-1=REFUSED_TO_PAY", "CT-2=null", "CT-3=DISPUTE");

        // the same contact with another disposition is another contact: refused, like any other reused contact_id
        parts.put("contacts.csv", Part.csv("contacts.csv", text(parts.get("contacts.csv")).replace(",DISPUTE", ",CLAIMS_PAID")));
        ApiClient.Response reused = api().postMultipart("/api/v1/imports?wait=true", parts);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(messages(reused.json())).containsExactly("contact_id: contact \"" + sample.id("CT-3")
                + "\" was already imported with a different disposition; a contact_id cannot be reused for another contact");
    }

    @Test
    void promisesAreImportedOnceAndResolvedFromPayments() {
        String csv = promisesCsv(
                "PTP-1,L-1001,P-1,500.00,2026-05-22,2026-05-18T10:05:00+08:00,WECHAT,",
                "PTP-2,C-2001,P-2,500,2026-10-09,2026-10-02T16:00:00+08:00,,",
                "PTP-3,C-2001,P-2,200,2026-10-20,2026-10-03T09:00:00+08:00,,2026-10-04T09:00:00+08:00");
        ApiClient.Response first = api().postMultipart("/api/v1/imports?wait=true", withPromises(csv));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("counts").get("promises.csv").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT amount_minor FROM promise WHERE promise_id = ?").param(p + "PTP-1")
                .query(Long.class).single()).isEqualTo(50_000L);
        assertThat(jdbc.sql("SELECT source FROM promise WHERE promise_id = ?").param(p + "PTP-3")
                .query(String.class).single()).isEqualTo("IMPORT");

        ApiClient.Response again = api().postMultipart("/api/v1/imports?wait=true", withPromises(csv));
        assertThat(again.status()).isEqualTo(200);
        again.json().get("files").forEach(f -> {
            if (f.get("file").asString().equals("promises.csv")) {
                assertThat(f.get("changed").asLong()).isZero();
            }
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE promise_id LIKE ?").param(p + "%")
                .query(Long.class).single()).isEqualTo(3L);

        // the sample's payment PAY-2 of 500.00 on 2026-05-20 keeps PTP-1; C-2001 paid nothing: PTP-2 broken, PTP-3 cancelled
        Map<String, PtpHistory> histories = promises.histories(List.of(sample.id("L-1001"), sample.id("C-2001")),
                LocalDate.of(2026, 10, 12));
        assertThat(histories.get(sample.id("C-2001"))).isEqualTo(new PtpHistory(1, 0, 1, PtpStatus.BROKEN, null, 2));
        assertThat(histories.get(sample.id("L-1001")).lastStatus()).isEqualTo(PtpStatus.KEPT);
    }

    @Test
    void aPromiseIdReusedWithOtherContentAndBadRowsAreRowErrors() {
        String csv = promisesCsv("PTP-1,L-1001,P-1,1060.00,2026-05-22,2026-05-18T10:05:00+08:00,WECHAT,");
        assertThat(api().postMultipart("/api/v1/imports?wait=true", withPromises(csv)).status()).isEqualTo(200);

        ApiClient.Response response = api().postMultipart("/api/v1/imports?wait=true", withPromises(promisesCsv(
                "PTP-1,L-1001,P-1,1000.00,2026-05-22,2026-05-18T10:05:00+08:00,WECHAT,",
                "PTP-2,L-1001,P-404,10,2026-05-22,2026-05-18T10:05:00+08:00,,",
                "PTP-3,L-1001,P-1,10.001,2026-05-22,2026-05-18T10:05:00+08:00,,",
                "PTP-4,L-1001,P-1,10,2026-05-22,2026-05-18T10:05:00+08:00,,2026-05-17T10:05:00+08:00",
                "PTP-5,L-1001,P-1,0,22/05/2026,2026-05-18,CHEQUE,",
                "PTP-6,L-1001,P-2,10,2026-05-22,2026-05-18T10:05:00+08:00,,")));
        assertThat(response.status()).isEqualTo(422);
        List<String> errors = messages(response.json());
        assertThat(errors).contains("promise_id: promise \"" + p + "PTP-1\" was already imported with a different "
                + "amount; a promise_id cannot be reused for another promise");
        JsonNode all = response.json().get("errors");
        assertThat(all).extracting(e -> e.get("row").asLong() + ":" + e.get("column").asString())
                .contains("3:party_id", "4:amount", "5:cancelled_at", "6:amount", "6:due_date", "6:promised_at",
                        "6:channel", "7:party_id");
        assertThat(all).filteredOn(e -> e.get("row").asLong() == 3).hasSize(1); // unknown party: one error, not two
        assertThat(errors).contains("party_id: party \"" + sample.id("P-2") + "\" is not a party of account \""
                + sample.id("L-1001") + "\", neither in account_parties.csv nor in the database");
        assertThat(jdbc.sql("SELECT amount_minor FROM promise WHERE promise_id = ?").param(p + "PTP-1")
                .query(Long.class).single()).isEqualTo(106_000L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE promise_id LIKE ?").param(p + "%")
                .query(Long.class).single()).isEqualTo(1L);
    }
}

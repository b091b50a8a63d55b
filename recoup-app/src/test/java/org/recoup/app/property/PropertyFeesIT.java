package org.recoup.app.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Property fees end to end: billing import, payments, late fees, 催款通知单 with signed receipt, collection rate. */
class PropertyFeesIT extends IntegrationTest {

    private static final String PASSWORD = "property-it-password";

    @Autowired
    UserAccounts users;

    private String building;
    private String owner1;
    private String owner2;

    @BeforeEach
    void names() {
        building = uniqueId("BLDG");
        owner1 = uniqueId("OWN");
        owner2 = uniqueId("OWN");
    }

    /** Two units, two months: 101 billed 300 + 300, 102 billed 500 + 500 (yuan), due on the 10th. */
    private String billing() {
        return """
                building,unit,owner_id,owner_name,period,fee_type,amount,due_date
                %1$s,101,%2$s,王芳,2026-09,MGMT,300.00,2026-09-10
                %1$s,101,%2$s,王芳,2026-10,MGMT,300.00,2026-10-10
                %1$s,102,%3$s,李强,2026-09,MGMT,500.00,2026-09-10
                %1$s,102,%3$s,李强,2026-10,MGMT,500.00,2026-10-10
                """.formatted(building, owner1, owner2);
    }

    private ApiClient.Response importCsv(ApiClient client, String csv) {
        Map<String, ApiClient.Part> parts = ApiClient.parts();
        parts.put("file", new ApiClient.Part("billing.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        return client.postMultipart("/api/v1/property/billing-imports", parts);
    }

    private String account(String unit, String period) {
        return "PF-" + building + "-" + unit + "-" + period + "-MGMT";
    }

    private void pay(String account, String paidAt, String amount) {
        var r = api().post("/api/v1/payments", """
                {"accountId":"%s","paidAt":"%s","amount":%s,"channel":"WECHAT","reference":"it"}"""
                .formatted(account, paidAt, amount), Map.of("Idempotency-Key", uniqueId("K")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void aBillingFileCreatesOneFeeAccountPerBill_andReimportingItChangesNothing() {
        var first = importCsv(api(), billing());
        var again = importCsv(api(), billing());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("created").asInt()).isEqualTo(4);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT product FROM account WHERE account_id = ?").param(account("101", "2026-09"))
                .query(String.class).single()).isEqualTo("PROPERTY_FEE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM property_bill WHERE building = ?").param(building)
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aFileWithBadRowsIsRejectedRowByRowAndNothingIsApplied() {
        String csv = billing() + """
                %1$s,103,%2$s,王芳,2026-13,MGMT,300.00,2026-09-10
                %1$s,104,%2$s,王芳,2026-09,MGMT,-5,2026-09-10
                %1$s,105,%2$s,王芳,2026-09,MGMT,5.00,10/09/2026
                """.formatted(building, owner1);

        var refused = importCsv(api(), csv);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_BILLING_FILE");
        assertThat(refused.json().get("errors")).extracting(e -> e.get("row").asInt() + ":" + e.get("column").asString())
                .containsExactly("6:period", "7:amount", "8:due_date");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM property_bill WHERE building = ?").param(building)
                .query(Integer.class).single()).as("nothing half-applied").isZero();
    }

    @Test
    void aBillImportedAgainWithAnotherAmountIsAnErrorNotASilentChange() {
        importCsv(api(), billing());

        var changed = importCsv(api(), billing().replace("102,%s,李强,2026-10,MGMT,500.00".formatted(owner2),
                "102,%s,李强,2026-10,MGMT,550.00".formatted(owner2)));

        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("errors").get(0).get("row").asInt()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT amount_minor FROM property_bill WHERE account_id = ?").param(account("102", "2026-10"))
                .query(Long.class).single()).isEqualTo(50_000L);
    }

    @Test
    void onlyAdministratorsAndSupervisorsImportBilling() {
        String agent = uniqueId("agent");
        users.create(agent, PASSWORD, new UserAccounts.UserFields(agent, Role.AGENT, Tier.SENIOR, "fees", null, "en", true));

        assertThat(importCsv(api(agent, PASSWORD), billing()).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM property_bill WHERE building = ?").param(building)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theLateFeeIsOnePerMillePerDayOfTheOverdueAmount() {
        importCsv(api(), billing());
        // 102 / 2026-09: 500.00 due Sep 10; 200.00 paid Sep 30 (Beijing time)
        pay(account("102", "2026-09"), "2026-09-30T10:00:00+08:00", "200.00");

        JsonNode bill = bill("102", "2026-09", "2026-10-20");

        // Sep 11..Sep 30 (20 days) on 500.00 = 10.00; Oct 1..Oct 20 (20 days) on 300.00 = 6.00 → 16.00
        assertThat(bill.get("lateFee").decimalValue()).isEqualByComparingTo("16.00");
        assertThat(bill.get("collected").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(bill.get("outstanding").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(bill.get("overdueDays").asInt()).isEqualTo(40);
    }

    @Test
    void theCollectionRateIsFeesCollectedOverFeesBilledWithLateFeesApart() {
        importCsv(api(), billing());
        // 101: Sep paid in full on time, Oct not paid. 102: Sep paid 500 + 5.00 late fee on Sep 20, Oct paid 250
        pay(account("101", "2026-09"), "2026-09-10T09:00:00+08:00", "300.00");
        pay(account("102", "2026-09"), "2026-09-20T09:00:00+08:00", "505.00");
        pay(account("102", "2026-10"), "2026-10-10T09:00:00+08:00", "250.00");

        JsonNode tables = api().get("/api/v1/property/collection-rate?building=" + building + "&asOf=2026-10-31").json();

        JsonNode byBuilding = tables.get(0);
        JsonNode total = byBuilding.get("rows").get(byBuilding.get("rows").size() - 1);
        List<String> keys = byBuilding.get("columns").valueStream().map(c -> c.get("key").asString()).toList();
        // billed 1,600.00; collected 300 + 500 + 250 = 1,050.00 → 65.63 %
        assertThat(total.get(keys.indexOf("billed")).decimalValue()).isEqualByComparingTo("1600.00");
        assertThat(total.get(keys.indexOf("collected")).decimalValue()).isEqualByComparingTo("1050.00");
        assertThat(total.get(keys.indexOf("collectionRate")).decimalValue()).isEqualByComparingTo("0.6563");
        // late fees: 102/Sep Sep 11..Sep 20 on 500 = 5.00 (paid); 101/Oct Oct 11..31 on 300 = 6.30;
        // 102/Oct Oct 11..31 on 250 = 5.25 → accrued 16.55, collected 5.00
        assertThat(total.get(keys.indexOf("lateFee")).decimalValue()).isEqualByComparingTo("16.55");
        assertThat(total.get(keys.indexOf("lateFeeCollected")).decimalValue()).isEqualByComparingTo("5.00");
        JsonNode byUnit = tables.get(1);
        List<String> unitKeys = byUnit.get("columns").valueStream().map(c -> c.get("key").asString()).toList();
        assertThat(byUnit.get("rows")).extracting(r -> r.get(unitKeys.indexOf("unit")).asString() + "="
                + r.get(unitKeys.indexOf("collectionRate")).decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("101=0.5", "102=0.75");
        var csv = api().get("/api/v1/property/collection-rate?building=" + building + "&asOf=2026-10-31&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("collectionRate", "0.6563");
    }

    @Test
    void aNoticeListsTheOverdueBillsWithLateFeesInChinese_andTakesOneSignedReceipt() throws Exception {
        importCsv(api(), billing());
        String key = uniqueId("NK");
        String body = """
                {"partyId":"%s","building":"%s","unit":"101","asOf":"2026-10-31"}""".formatted(owner1, building);

        var issued = api().post("/api/v1/property/notices", body, Map.of("Idempotency-Key", key));
        var retried = api().post("/api/v1/property/notices", body, Map.of("Idempotency-Key", key));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(200);
        JsonNode notice = issued.json();
        assertThat(retried.json().get("noticeId").asString()).isEqualTo(notice.get("noticeId").asString());
        // Sep: 300 × 0.001 × 51 days (Sep 11..Oct 31) = 15.30; Oct: 300 × 0.001 × 21 days = 6.30
        assertThat(notice.get("feeOutstanding").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(notice.get("lateFee").decimalValue()).isEqualByComparingTo("21.60");
        assertThat(notice.get("lines")).hasSize(2);
        byte[] pdf = jdbc.sql("SELECT content FROM document WHERE document_id = ?").param(notice.get("documentId").asString())
                .query((rs, n) -> rs.getBytes(1)).single();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("催款通知单", "王芳", "101", "2026-09", "15.30", "621.60", "缴费方式", "业主签收");
        }

        Map<String, ApiClient.Part> parts = ApiClient.parts();
        parts.put("file", new ApiClient.Part("签收.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}));
        var receipt = api().postMultipart("/api/v1/property/notices/" + notice.get("noticeId").asString()
                + "/receipt?signedOn=2026-11-02", parts);
        var second = api().postMultipart("/api/v1/property/notices/" + notice.get("noticeId").asString() + "/receipt", parts);

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        assertThat(receipt.json().get("receiptSignedOn").asString()).isEqualTo("2026-11-02");
        String receiptId = receipt.json().get("receiptDocumentId").asString();
        assertThat(jdbc.sql("SELECT kind FROM document WHERE document_id = ?").param(receiptId).query(String.class).single())
                .isEqualTo("SIGNED_RECEIPT");
        assertThat(second.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE case_id = ? AND kind = 'SIGNED_RECEIPT'")
                .param("C-" + owner1).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNoticeForAUnitWithNothingOverdueIsRefused() {
        importCsv(api(), billing());

        var refused = api().post("/api/v1/property/notices", """
                {"partyId":"%s","building":"%s","unit":"101","asOf":"2026-09-05"}""".formatted(owner1, building));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("NOTHING_OVERDUE");
    }

    @Test
    void anAgentOfAnotherTeamCannotSeeOrNoticeTheOwner() {
        importCsv(api(), billing());
        String agent = uniqueId("agent");
        users.create(agent, PASSWORD, new UserAccounts.UserFields(agent, Role.AGENT, Tier.SENIOR, "elsewhere", null,
                "en", true));

        var bills = api(agent, PASSWORD).get("/api/v1/property/bills?building=" + building).json();
        var notice = api(agent, PASSWORD).post("/api/v1/property/notices", """
                {"partyId":"%s","building":"%s","unit":"101","asOf":"2026-10-31"}""".formatted(owner1, building));

        assertThat(bills).isEmpty();
        assertThat(notice.status()).isEqualTo(404);
    }

    private JsonNode bill(String unit, String period, String asOf) {
        JsonNode bills = api().get("/api/v1/property/bills?building=" + building + "&unit=" + unit + "&asOf=" + asOf).json();
        return bills.valueStream().filter(b -> b.get("period").asString().equals(period)).findFirst().orElseThrow();
    }
}

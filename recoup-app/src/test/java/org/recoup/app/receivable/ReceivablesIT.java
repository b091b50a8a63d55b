package org.recoup.app.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.CaseAssignments;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** B2B receivables end to end: limits and terms, aging, risk class, tracks, statements, reminder letters, DSO/CEI. */
class ReceivablesIT extends IntegrationTest {

    private static final String PASSWORD = "receivables-it-password";
    private static final String AS_OF = "2026-11-24";

    @Autowired
    UserAccounts users;

    private String customer;

    /** A B2B customer (company) with invoices; amounts in yuan. */
    private String customer(String name) {
        String party = uniqueId("CUST");
        jdbc.sql("INSERT INTO party (party_id, name, gender, time_zone, occupation) VALUES (?, ?, 'U', 'Asia/Shanghai', 'OTHER')")
                .params(party, name).update();
        return party;
    }

    private String invoice(String party, String openDate, String dueDate, long yuan) {
        String account = uniqueId("INV");
        jdbc.sql("""
                INSERT INTO account (account_id, product, currency, principal_minor, open_date, grace_days, jurisdiction)
                VALUES (?, 'B2B_RECEIVABLE', 'CNY', ?, ?, 0, 'CN')""")
                .params(account, yuan * 100, LocalDate.parse(openDate)).update();
        jdbc.sql("INSERT INTO installment (account_id, seq, due_date, principal_minor) VALUES (?, 1, ?, ?)")
                .params(account, LocalDate.parse(dueDate), yuan * 100).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'BORROWER')").params(account, party).update();
        return account;
    }

    private void paid(String account, String paidAt, long yuan) {
        jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, ?, 'BANK_TRANSFER')")
                .params(uniqueId("P"), account, Timestamp.from(OffsetDateTime.parse(paidAt).toInstant()), yuan * 100).update();
    }

    private String user(Role role, String team) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role, role == Role.AGENT ? Tier.SENIOR : null,
                team, null, "en", true));
        return name;
    }

    @BeforeEach
    void aCustomerWithThreeInvoices() {
        customer = customer("华东建材贸易有限公司");
        String a = invoice(customer, "2026-08-01", "2026-09-30", 100_000);   // 55 days past due on Nov 24
        paid(a, "2026-10-10T10:00:00+08:00", 20_000);                          // 80,000 left
        invoice(customer, "2026-11-01", "2026-12-01", 50_000);                  // not yet due
        invoice(customer, "2025-01-01", "2025-03-31", 30_000);                  // 603 days: 1-2 years
    }

    @Test
    void agingPerCustomerPutsEachOpenAmountInItsBandWithRiskClassAndTrack() {
        JsonNode c = api().get("/api/v1/receivables/customers/" + customer + "?asOf=" + AS_OF).json();

        assertThat(c.get("outstanding").decimalValue()).isEqualByComparingTo("160000.00");
        assertThat(c.get("overdue").decimalValue()).isEqualByComparingTo("110000.00");
        assertThat(band(c, "NOT_DUE")).isEqualByComparingTo("50000.00");
        assertThat(band(c, "Y0_1")).isEqualByComparingTo("80000.00");
        assertThat(band(c, "Y1_2")).isEqualByComparingTo("30000.00");
        assertThat(c.get("oldestDaysPastDue").asInt()).isEqualTo(603);
        assertThat(c.get("riskClass").asString()).isEqualTo("BAD");
        assertThat(c.get("riskClassLabel").asString()).isEqualTo("呆账");
        assertThat(c.get("track").asString()).isEqualTo("FIRM");
        assertThat(c.get("trackLabel").asString()).isEqualTo("武收");
        assertThat(c.get("reminderLevel").asString()).isEqualTo("FINAL");
        assertThat(c.get("overLimit").asBoolean()).as("no limit set").isFalse();
    }

    @Test
    void aSupervisorSetsTheCreditLimitAndTermsAndTheCustomerShowsOverLimit_anAgentMayNot() {
        String supervisor = user(Role.SUPERVISOR, null);
        String agent = user(Role.AGENT, "b2b");

        var refused = api(agent, PASSWORD).put("/api/v1/receivables/customers/" + customer + "/terms",
                "{\"creditLimit\": 1000000, \"paymentTermsDays\": 60}");
        var saved = api(supervisor, PASSWORD).put("/api/v1/receivables/customers/" + customer + "/terms",
                "{\"creditLimit\": \"150000.00\", \"paymentTermsDays\": 45}");
        var invalid = api(supervisor, PASSWORD).put("/api/v1/receivables/customers/" + customer + "/terms",
                "{\"creditLimit\": \"10.001\", \"paymentTermsDays\": 45}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("field").asString()).isEqualTo("creditLimit");
        JsonNode c = api().get("/api/v1/receivables/customers/" + customer + "?asOf=" + AS_OF).json();
        assertThat(c.get("creditLimit").decimalValue()).isEqualByComparingTo("150000.00");
        assertThat(c.get("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(c.get("overLimit").asBoolean()).isTrue();
        assertThat(c.get("availableCredit").decimalValue()).isEqualByComparingTo("-10000.00");
    }

    @Test
    void theReviewSendsOnlyTheHighestLevelThatAppliesThroughTheGate_andNeverTwice() {
        JsonNode first = outcome(review(AS_OF), customer);
        JsonNode again = outcome(review(AS_OF), customer);

        assertThat(first.get("reminder").asString()).isEqualTo("SENT");
        assertThat(first.get("reminderLevel").asString()).isEqualTo("FINAL");
        assertThat(again.get("reminder").asString()).isEqualTo("NONE");
        assertThat(jdbc.sql("SELECT level FROM receivable_reminder WHERE party_id = ?").param(customer)
                .query(String.class).list()).containsExactly("FINAL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_attempt WHERE party_id = ? AND channel = 'LETTER'")
                .param(customer).query(Integer.class).single()).as("the letter is a recorded contact").isEqualTo(1);
        String text = pdfText(first.get("documentId").asString());
        assertThat(text).contains("最后催款通知", "华东建材贸易有限公司", "110,000.00");
    }

    @Test
    void remindersCatchUpLevelByLevelAsTheDebtAges_andTheTrackSwitchesFromSoftToFirm() {
        String young = customer("江南食品有限公司");
        invoice(young, "2026-10-01", "2026-11-14", 8_000);                      // 10 days past due on Nov 24

        JsonNode d10 = outcome(review("2026-11-24"), young);
        JsonNode d20 = outcome(review("2026-12-04"), young);
        JsonNode d60 = outcome(review("2027-01-13"), young);

        assertThat(d10.get("reminderLevel").asString()).isEqualTo("FRIENDLY");
        assertThat(d10.get("track").asString()).isEqualTo("SOFT");
        assertThat(d20.get("reminderLevel").asString()).isEqualTo("FIRM");
        assertThat(d60.get("reminderLevel").asString()).as("46+ days on the firm track").isEqualTo("FINAL");
        assertThat(d60.get("trackChanged").asBoolean()).isTrue();
        JsonNode c = api().get("/api/v1/receivables/customers/" + young + "?asOf=2027-01-13").json();
        assertThat(c.get("reminders")).extracting(r -> r.get("level").asString()).containsExactly("FRIENDLY", "FIRM", "FINAL");
        assertThat(c.get("trackChanges")).extracting(t -> t.get("toTrack").asString()).containsExactly("SOFT", "FIRM");
        assertThat(c.get("trackSince").asString()).isEqualTo("2027-01-13");
        assertThat(c.get("treatment").get("channels")).extracting(JsonNode::asString).contains("VISIT");
    }

    @Test
    void aLetterTheComplianceGateBlocksIsNeitherGeneratedNorCountedAsSent() {
        var hold = api().post("/api/v1/parties/" + customer + "/holds",
                "{\"type\":\"CEASE_COMMUNICATION\",\"from\":\"2026-01-01T00:00:00Z\",\"reason\":\"customer letter\"}");
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);

        JsonNode blocked = outcome(review(AS_OF), customer);

        assertThat(blocked.get("reminder").asString()).isEqualTo("BLOCKED");
        assertThat(blocked.get("blockReasons")).extracting(JsonNode::asString).contains("CEASE_COMMUNICATION");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM receivable_reminder WHERE party_id = ?").param(customer)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE case_id = ? AND kind = 'B2B_REMINDER'")
                .param("C-" + customer).query(Integer.class).single()).isZero();
    }

    @Test
    void aStatementOfAccountIsAChinesePdfWithTheAgingAndOpenItems() {
        var issued = api().post("/api/v1/receivables/customers/" + customer + "/statements?asOf=" + AS_OF, "");

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().get("kind").asString()).isEqualTo("STATEMENT_OF_ACCOUNT");
        String text = pdfText(issued.json().get("documentId").asString());
        assertThat(text).contains("对账单", "华东建材贸易有限公司", "160,000.00", "1-2年30,000.00", "80,000.00");
    }

    @Test
    void dsoAndCeiMatchTheHandComputedPeriod() {
        String m = customer("北方机械有限公司");
        String inv1 = invoice(m, "2026-09-15", "2026-10-15", 60_000);
        invoice(m, "2026-10-10", "2026-11-09", 40_000);
        invoice(m, "2026-10-25", "2026-11-24", 20_000);
        paid(inv1, "2026-10-20T15:30:00+08:00", 30_000);

        JsonNode table = api().get("/api/v1/receivables/measures?partyId=" + m + "&from=2026-10-01&to=2026-10-31").json();

        // opening 60,000; sales 60,000; closing 90,000 of which current 60,000; 31 days
        // DSO = 90,000 / 60,000 × 31 = 46.50; CEI = (60,000 + 60,000 − 90,000) / (60,000 + 60,000 − 60,000) × 100 = 50.00
        JsonNode row = table.get("rows").get(0);
        List<String> keys = table.get("columns").valueStream().map(c -> c.get("key").asString()).toList();
        assertThat(row.get(keys.indexOf("openingReceivables")).decimalValue()).isEqualByComparingTo("60000");
        assertThat(row.get(keys.indexOf("creditSales")).decimalValue()).isEqualByComparingTo("60000");
        assertThat(row.get(keys.indexOf("closingReceivables")).decimalValue()).isEqualByComparingTo("90000");
        assertThat(row.get(keys.indexOf("closingCurrent")).decimalValue()).isEqualByComparingTo("60000");
        assertThat(row.get(keys.indexOf("dso")).decimalValue()).isEqualByComparingTo("46.50");
        assertThat(row.get(keys.indexOf("cei")).decimalValue()).isEqualByComparingTo("50.00");
        var xlsx = api().get("/api/v1/receivables/measures?partyId=" + m + "&from=2026-10-01&to=2026-10-31&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
    }

    @Test
    void anAgentSeesOnlyCustomersWhoseCaseIsTheirs() {
        String agent = user(Role.AGENT, "b2b-" + uniqueId("t"));
        String other = customer("别家客户");
        String mine = customer("自己的客户");
        invoice(other, "2026-10-01", "2026-11-01", 1_000);
        String myInvoice = invoice(mine, "2026-10-01", "2026-11-01", 1_000);
        new CaseAssignments(jdbc).ofAccount(myInvoice).toAgent("b2b", agent);

        var list = api(agent, PASSWORD).get("/api/v1/receivables/customers?asOf=" + AS_OF).json();

        assertThat(list).extracting(c -> c.get("partyId").asString()).containsExactly(mine);
        assertThat(api(agent, PASSWORD).get("/api/v1/receivables/customers/" + other).status()).isEqualTo(404);
        assertThat(api(agent, PASSWORD).post("/api/v1/receivables/reviews", "{}").status()).isEqualTo(403);
    }

    @Test
    void aPolicyWithAGapInTheAgingBandsIsRefusedNamingTheBand() {
        String current = api().get("/api/v1/config/receivable-policy").body();
        String broken = current.replace("\"fromDays\":366", "\"fromDays\":367");

        var refused = api().put("/api/v1/config/receivable-policy", broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("Y1_2", "366");
    }

    private JsonNode review(String asOf) {
        var r = api().post("/api/v1/receivables/reviews", "{\"asOf\":\"" + asOf + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode outcome(JsonNode outcomes, String party) {
        return outcomes.valueStream().filter(o -> o.get("partyId").asString().equals(party)).findFirst().orElseThrow();
    }

    private static java.math.BigDecimal band(JsonNode customer, String code) {
        return customer.get("aging").valueStream().filter(b -> b.get("code").asString().equals(code)).findFirst()
                .orElseThrow().get("amount").decimalValue();
    }

    private String pdfText(String documentId) {
        byte[] pdf = jdbc.sql("SELECT content FROM document WHERE document_id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).single();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

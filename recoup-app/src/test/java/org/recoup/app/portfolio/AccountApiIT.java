package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.CaseAssignments;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AccountApiIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    private String account;
    private String borrower;
    private String guarantor;
    private String spouse;

    @BeforeEach
    void anAccountWithPartiesContactsInstalmentsAndPayments() {
        DebtFileRows rows = new DebtFileRows(jdbc);
        account = uniqueId("L");
        borrower = uniqueId("P");
        guarantor = uniqueId("P");
        spouse = uniqueId("P");
        rows.account(account, "CNY", 106000, "CN", 3, new BigDecimal("0.001"), 5000L);
        rows.party(borrower, "李雷", "Asia/Shanghai", false, false, true);
        rows.party(guarantor, "韩梅梅", "Asia/Urumqi", false, true, false);
        rows.party(spouse, "王芳", "Asia/Shanghai", false, false, false);
        rows.role(account, borrower, "BORROWER");
        rows.role(account, guarantor, "GUARANTOR");
        rows.role(account, spouse, "SPOUSE");
        rows.role(account, spouse, "EMERGENCY_CONTACT");
        rows.contactPoint(uniqueId("C"), borrower, "MOBILE", "13900000001");
        rows.contactPoint(uniqueId("C"), borrower, "EMAIL", "li.lei@example.com");
        rows.contactPoint(uniqueId("C"), borrower, "ADDRESS", "上海市浦东新区世纪大道100号");
        rows.contactPoint(uniqueId("C"), spouse, "MOBILE", "13800001111");
        rows.installment(account, 1, LocalDate.of(2026, 2, 5), 53000, 1200, 500);
        rows.installment(account, 2, LocalDate.of(2026, 3, 5), 53000, 1000, 0);
        rows.payment(uniqueId("PAY"), account, OffsetDateTime.parse("2026-02-05T20:30:00+08:00"), 54700, "ALIPAY");
        new CaseAssignments(jdbc).ofAccount(account).toAgency(TEAM, AGENCY); // in every role's scope below
    }

    private static final String TEAM = "account-api-team";
    private static final String AGENCY = "AG-account-api";

    private ApiClient userWith(Role role) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, "secret-" + name, new UserAccounts.UserFields(name, role,
                role == Role.AGENT ? Tier.JUNIOR : null,
                role == Role.AGENT || role == Role.TEAM_LEAD ? TEAM : null,
                role == Role.AGENCY ? AGENCY : null, "zh-CN", true));
        if (role == Role.AGENT) {
            new CaseAssignments(jdbc).ofAccount(account).assign(TEAM, name, AGENCY); // the agent's own case
        }
        return api(name, "secret-" + name);
    }

    @Test
    void accountShowsItsTermsWithAmountsInTheCurrencyScale() {
        var response = api().get("/api/v1/accounts/" + account);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("accountId").asString()).isEqualTo(account);
        assertThat(json.get("product").asString()).isEqualTo("CONSUMER_LOAN");
        assertThat(json.get("currency").asString()).isEqualTo("CNY");
        assertThat(response.body()).contains("\"principal\":1060.00", "\"penaltyCap\":50.00", "\"penaltyRatePerDay\":0.001");
        assertThat(json.get("graceDays").asInt()).isEqualTo(3);
        assertThat(json.get("jurisdiction").asString()).isEqualTo("CN");
        assertThat(json.get("openDate").asString()).isEqualTo("2026-01-05");
        assertThat(json.get("creditor").asString()).isEqualTo("融宜宝");
    }

    @Test
    void accountListsItsPartiesWithRolesAndFlagsMostLiableFirst() {
        JsonNode parties = api().get("/api/v1/accounts/" + account).json().get("parties");

        assertThat(parties.size()).isEqualTo(3);
        JsonNode first = parties.get(0);
        assertThat(first.get("partyId").asString()).isEqualTo(borrower);
        assertThat(first.get("name").asString()).isEqualTo("李雷");
        assertThat(first.get("role").asString()).isEqualTo("BORROWER");
        assertThat(first.get("incarcerated").asBoolean()).isTrue();
        assertThat(first.get("deceased").asBoolean()).isFalse();
        assertThat(first.get("gender").asString()).isEqualTo("F");
        assertThat(first.get("birthDate").asString()).isEqualTo("1990-01-01");
        assertThat(first.get("occupation").asString()).isEqualTo("WHITE_COLLAR");
        assertThat(first.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(first.has("idNumber")).as("the national id is not shown").isFalse();

        assertThat(parties.get(1).get("partyId").asString()).isEqualTo(guarantor);
        assertThat(parties.get(1).get("bankrupt").asBoolean()).isTrue();

        JsonNode third = parties.get(2);
        assertThat(third.get("partyId").asString()).isEqualTo(spouse);
        assertThat(third.get("role").asString()).isEqualTo("SPOUSE");
        assertThat(texts(third.get("roles"))).containsExactly("SPOUSE", "EMERGENCY_CONTACT");
    }

    @Test
    void accountListsItsInstalmentsAndPayments() {
        var response = api().get("/api/v1/accounts/" + account);
        JsonNode installments = response.json().get("installments");
        assertThat(installments.size()).isEqualTo(2);
        assertThat(installments.get(0).get("seq").asInt()).isEqualTo(1);
        assertThat(installments.get(0).get("dueDate").asString()).isEqualTo("2026-02-05");
        assertThat(response.body()).contains("\"principalDue\":530.00", "\"interestDue\":12.00", "\"feeDue\":5.00",
                "\"totalDue\":547.00", "\"feeDue\":0.00");

        JsonNode payments = response.json().get("payments");
        assertThat(payments.size()).isEqualTo(1);
        assertThat(payments.get(0).get("paidAt").asString()).isEqualTo("2026-02-05T12:30:00Z");
        assertThat(payments.get(0).get("channel").asString()).isEqualTo("ALIPAY");
        assertThat(payments.get(0).get("source").asString()).isEqualTo("IMPORT");
        assertThat(response.body()).contains("\"amount\":547.00");
    }

    @Test
    void adminSeesContactPointsInFull() {
        var response = api().get("/api/v1/accounts/" + account);

        assertThat(response.json().get("contactsMasked").asBoolean()).isFalse();
        assertThat(texts(response.json().get("contactPoints"), "value")).containsExactlyInAnyOrder(
                "13900000001", "li.lei@example.com", "上海市浦东新区世纪大道100号", "13800001111");
    }

    @Test
    void agentSeesContactPointsMasked() {
        var response = userWith(Role.AGENT).get("/api/v1/accounts/" + account);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("contactsMasked").asBoolean()).isTrue();
        assertThat(texts(response.json().get("contactPoints"), "value")).containsExactlyInAnyOrder(
                "139****0001", "l***@example.com", "上海市浦东新***", "138****1111");
        assertThat(response.body()).doesNotContain("13900000001", "li.lei", "世纪大道", "13800001111");
        assertThat(response.json().get("contactPoints").get(0).get("masked").asBoolean()).isTrue();
    }

    @Test
    void supervisorAndComplianceSeeContactPointsInFullTeamLeadsAndAgenciesMasked() {
        assertThat(userWith(Role.SUPERVISOR).get("/api/v1/accounts/" + account).body()).contains("13900000001");
        assertThat(userWith(Role.COMPLIANCE).get("/api/v1/accounts/" + account).body()).contains("13900000001");
        assertThat(userWith(Role.TEAM_LEAD).get("/api/v1/accounts/" + account).body()).doesNotContain("13900000001");
        assertThat(userWith(Role.AGENCY).get("/api/v1/accounts/" + account).body()).doesNotContain("13900000001");
    }

    @Test
    void unknownAccountIsNotFound() {
        var response = api().get("/api/v1/accounts/" + uniqueId("NOPE"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void openApiDocumentDescribesTheAccount() {
        var docs = anonymous().get("/v3/api-docs").json();
        assertThat(docs.get("paths").get("/api/v1/accounts/{id}").get("get").get("responses").propertyNames())
                .contains("200", "404");
        assertThat(docs.get("components").get("schemas").get("Account").get("properties").propertyNames())
                .contains("parties", "contactPoints", "installments", "payments", "currency");
    }

    @Test
    void accountRequiresAuthentication() {
        assertThat(anonymous().get("/api/v1/accounts/" + account).status()).isEqualTo(401);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asString()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.get(field).asString()));
        return out;
    }
}

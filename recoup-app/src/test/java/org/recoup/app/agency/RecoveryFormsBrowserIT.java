package org.recoup.app.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.RecoveryFixture;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.BrowserIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agency and write-off workflows in Chromium at 1366×768: a supervisor places a case with an agency from the
 * agencies page (the agency's user then sees the case), recalls it from the open-placements table (the agency's user no
 * longer does), charges an account off and sells a pool; the API's problem shows next to the field; an agent is not
 * offered these pages and a compliance officer sees them without the forms; both get 403 posting the forms.
 * Screenshots under target/screenshots/.
 */
class RecoveryFormsBrowserIT extends BrowserIT {

    private static final String PASSWORD = "recovery-forms-password";
    private static final LocalDate STATE_DATE = LocalDate.parse("2026-09-30");

    @Autowired
    UserAccounts users;

    private RecoveryFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RecoveryFixture(jdbc);
    }

    @Test
    void aSupervisorPlacesACaseTheAgencyUserSeesItAndAfterTheRecallNoLonger() {
        String agency = uniqueId("AG");
        assertThat(api().post("/api/v1/agencies", """
                {"agencyId":"%s","name":"浏览器测试机构","contact":"021-1234","active":true}""".formatted(agency))
                .status()).isEqualTo(201);
        String account = uniqueId("L");
        String caseId = fixture.caseOf(account, STATE_DATE, "M4", 100, 3_000_00, 0);
        String agencyUser = user(Role.AGENCY, agency);
        String supervisor = user(Role.SUPERVISOR, null);

        login(supervisor, PASSWORD);
        page.navigate("/ui/agencies");
        assertThat(page.locator("h1").innerText()).isEqualTo("委外机构与委案");
        Locator place = page.locator("form[data-form=place]");
        place.locator("input[name=caseId]").fill(caseId);
        place.locator("select[name=agencyId]").selectOption(agency);
        place.locator("input[name=termDays]").fill("60");
        place.locator("input[name=reason]").fill("晚期委外");
        place.locator("button[type=submit]").click();
        page.waitForLoadState();

        assertThat(page.locator("[data-agency=ok]").innerText()).contains(caseId).contains(agency);
        Locator row = page.locator("table[data-placements=open] tr[data-case='" + caseId + "']");
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.innerText()).contains(agency).contains("3000.00");
        screenshot("placed");

        // placing it again: the API's conflict next to the case field, the entered values kept
        place = page.locator("form[data-form=place]");
        place.locator("input[name=caseId]").fill(caseId);
        place.locator("select[name=agencyId]").selectOption(agency);
        place.locator("input[name=reason]").fill("再次委案");
        place.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("form[data-form=place] [data-error=caseId]").innerText())
                .contains("is placed with an agency already");
        assertThat(page.locator("form[data-form=place] input[name=reason]").inputValue()).isEqualTo("再次委案");
        // an unknown case: the not-found problem next to the case field too
        place = page.locator("form[data-form=place]");
        place.locator("input[name=caseId]").fill("C-NO-SUCH-CASE");
        place.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("form[data-form=place] [data-error=caseId]").innerText())
                .contains("case C-NO-SUCH-CASE does not exist");
        screenshot("conflict");

        context.clearCookies();
        login(agencyUser, PASSWORD);
        assertThat(page.navigate("/ui/cases/" + caseId).status()).isEqualTo(200);
        assertThat(page.content()).contains(account);
        screenshot("agency-sees-case");

        context.clearCookies();
        login(supervisor, PASSWORD);
        page.navigate("/ui/agencies");
        row = page.locator("table[data-placements=open] tr[data-case='" + caseId + "']");
        row.locator("input[name=reason]").fill("机构联系不上债务人");
        row.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("[data-agency=ok]").innerText()).contains(caseId);
        assertThat(page.locator("table[data-placements=open] tr[data-case='" + caseId + "']").count()).isZero();
        assertThat(jdbc.sql("SELECT recall_reason FROM placement WHERE case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("机构联系不上债务人");
        screenshot("recalled");

        context.clearCookies();
        login(agencyUser, PASSWORD);
        assertThat(page.navigate("/ui/cases/" + caseId).status()).isEqualTo(404);
    }

    @Test
    void aSupervisorChargesAnAccountOffAndSellsAPoolFromTheWriteOffPages() {
        String account = uniqueId("L");
        fixture.caseOf(account, STATE_DATE, "M6+", 200, 8_000_00, 500_00);
        String sold = uniqueId("L");
        String kept = uniqueId("L");
        fixture.caseOf(sold, STATE_DATE, "M6+", 400, 2_000_00, 0);
        fixture.caseOf(kept, STATE_DATE, "M6+", 400, 1_000_00, 0);
        String supervisor = user(Role.SUPERVISOR, null);

        login(supervisor, PASSWORD);
        page.navigate("/ui/write-offs");
        Locator form = page.locator("form[data-form=chargeoff]");
        form.locator("input[name=accountId]").fill(account);
        form.locator("select[name=reasonCode]").selectOption("UNCOLLECTIBLE");
        form.locator("input[name=chargedOffOn]").fill("2026-10-15");
        form.locator("input[name=note]").fill("债务人失联");
        form.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("[data-writeoff=ok]").innerText()).contains(account).contains("8500.00");
        assertThat(page.locator("table.data tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(account))
                .first().innerText()).contains("UNCOLLECTIBLE");
        screenshot("charged-off");

        // the same account again: the API's conflict next to the account field
        form = page.locator("form[data-form=chargeoff]");
        form.locator("input[name=accountId]").fill(account);
        form.locator("input[name=chargedOffOn]").fill("2026-10-15");
        form.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("form[data-form=chargeoff] [data-error=accountId]").innerText())
                .contains("is charged off already");

        // a pool of two accounts: take one out, sell, buy the other back
        String saleId = uniqueId("DS");
        form = page.locator("form[data-form=sale]");
        form.locator("input[name=saleId]").fill(saleId);
        form.locator("input[name=buyer]").fill("某资产管理公司");
        form.locator("input[name=asOf]").fill(STATE_DATE.toString());
        form.locator("input[name=accountIds]").fill(sold + ", " + kept);
        form.locator("button[type=submit]").click();
        page.waitForURL(url -> url.endsWith("/ui/debt-sales/" + saleId));
        assertThat(page.locator("h1").innerText()).contains(saleId).contains("DRAFT");
        assertThat(page.locator("table[data-table=pool] tr[data-account]").count()).isEqualTo(2);
        page.locator("tr[data-account='" + kept + "'] form[data-form=remove] button").click();
        page.waitForLoadState();
        assertThat(page.locator("table[data-table=pool] tr[data-account]").count()).isEqualTo(1);

        Locator sell = page.locator("form[data-form=sell]");
        sell.locator("input[name=price]").fill("12.345");
        sell.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("form[data-form=sell] [data-error=price]").innerText()).contains("decimals");
        sell = page.locator("form[data-form=sell]");
        sell.locator("input[name=price]").fill("600.00");
        sell.locator("input[name=soldOn]").fill("2026-10-20");
        sell.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("h1").getAttribute("data-status")).isEqualTo("SOLD");
        assertThat(page.locator("form[data-form=sell]").count()).isZero();
        APIResponse file = page.request().get("/ui/debt-sales/" + saleId + "/file?format=csv");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).contains(sold).doesNotContain(kept);
        screenshot("sold");

        // the sale is listed on the write-off page and opens from there
        page.navigate("/ui/write-offs");
        page.locator("a[data-sale='" + saleId + "']").first().click();
        page.waitForURL(url -> url.endsWith("/ui/debt-sales/" + saleId));
        Locator buyback = page.locator("tr[data-account='" + sold + "'] form[data-form=buyback]");
        buyback.locator("input[name=reason]").fill("债务人提出异议");
        buyback.locator("input[name=boughtBackOn]").fill("2026-10-25");
        buyback.locator("button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("tr[data-account='" + sold + "']").innerText()).contains("2026-10-25")
                .contains("债务人提出异议");
        assertThat(page.locator("tr[data-account='" + sold + "'] form[data-form=buyback]").count()).isZero();
        screenshot("bought-back");
    }

    @Test
    void anAgentIsNotOfferedTheseFormsAndGets403PostingThem() {
        String account = uniqueId("L");
        String caseId = fixture.caseOf(account, STATE_DATE, "M4", 100, 1_000_00, 0);
        String agent = user(Role.AGENT, null);
        String compliance = user(Role.COMPLIANCE, null);

        login(agent, PASSWORD);
        assertThat(page.navigate("/ui/agencies").status()).isEqualTo(403);
        assertThat(page.locator("form[data-form=place]").count()).isZero();
        assertThat(page.navigate("/ui/write-offs").status()).isEqualTo(403);
        assertThat(page.locator("form[data-form=chargeoff]").count()).isZero();
        page.navigate("/");
        assertThat(postForm("/ui/agencies/placements", FormData.create().set("caseId", caseId).set("agencyId", "AG-1")
                .set("termDays", "30").set("reason", "agent tries")).status()).isEqualTo(403);
        assertThat(postForm("/ui/write-offs", FormData.create().set("accountId", account)
                .set("reasonCode", "UNCOLLECTIBLE").set("chargedOffOn", "2026-10-01")).status()).isEqualTo(403);
        screenshot("agent-denied");

        context.clearCookies();
        login(compliance, PASSWORD);
        assertThat(page.navigate("/ui/agencies").status()).isEqualTo(200);
        assertThat(page.locator("form[data-form=place]").count()).isZero();
        assertThat(page.locator("form[data-form=recall]").count()).isZero();
        assertThat(page.navigate("/ui/write-offs").status()).isEqualTo(200);
        assertThat(page.locator("form[data-form=chargeoff]").count()).isZero();
        assertThat(page.locator("form[data-form=sale]").count()).isZero();
        assertThat(postForm("/ui/write-offs", FormData.create().set("accountId", account)
                .set("reasonCode", "UNCOLLECTIBLE").set("chargedOffOn", "2026-10-01")).status()).isEqualTo(403);
        screenshot("compliance-read-only");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM placement WHERE case_id = ?").param(caseId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM charge_off WHERE account_id = ?").param(account)
                .query(Long.class).single()).isZero();
    }

    /** Posts a form with the session's CSRF token (read from the current page), so only the role can refuse it. */
    private APIResponse postForm(String path, FormData form) {
        String token = page.locator("meta[name=_csrf]").getAttribute("content");
        assertThat(token).isNotBlank();
        return page.request().post(path, RequestOptions.create().setForm(form.set("_csrf", token))
                .setMaxRedirects(0));
    }

    private String user(Role role, String agencyId) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role, null, role == Role.AGENT ? "early" : null,
                agencyId, "zh-CN", true));
        return name;
    }
}

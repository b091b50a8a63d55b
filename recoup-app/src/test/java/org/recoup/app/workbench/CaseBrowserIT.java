package org.recoup.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.BrowserIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case page in Chromium at 1366×768: recording a promise with the keyboard, a call the law forbids now shown
 * disabled with its reason, the confrontation prompt with the real promise history, the language switch, a note the
 * content lint refuses, and another agent's case answered with "not found".
 */
class CaseBrowserIT extends BrowserIT {

    @Autowired
    UserAccounts users;

    private CaseFixture fixture;
    private String agent;

    @BeforeEach
    void setUp() {
        fixture = new CaseFixture(jdbc, users);
        agent = fixture.agent(uniqueId("wb-agent"), "early");
    }

    private Page open(CaseFixture.Case c) {
        login(agent, CaseFixture.PASSWORD);
        page.navigate("/ui/cases/" + c.caseId());
        page.locator("[data-test=borrower-name]").waitFor();
        return page;
    }

    @Test
    void anAgentRecordsAPromiseWithTwoInstalmentsUsingTheKeyboard() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBB"), 12, agent);
        open(c);
        LocalDate today = c.today();

        page.locator("body").press("1");
        assertThat(page.locator("input[name=disposition][value=PROMISE]").isChecked()).isTrue();
        page.locator("#ptp-lines input[name=ptpAmount]").first().fill("500.00");
        page.locator("#ptp-lines input[name=ptpDate]").first().fill(today.plusDays(3).toString());
        page.locator("[data-action=add-ptp]").click();
        page.locator("#ptp-lines input[name=ptpAmount]").nth(1).fill("560.00");
        page.locator("#ptp-lines input[name=ptpDate]").nth(1).fill(today.plusDays(10).toString());
        page.locator("textarea[name=note]").fill("会在发薪日后还款");
        page.locator("#outcome-form button[type=submit]").click();

        page.locator("[data-test=outcome-recorded]").waitFor();
        assertThat(page.locator("[data-test=outcome-recorded]").innerText()).contains("承诺还款").contains("2");
        assertThat(page.locator("#case-promises tr[data-status=PENDING]").count()).isEqualTo(2);
        assertThat(page.locator("#case-timeline tr[data-kind=CONTACT]").count()).isEqualTo(1);
        assertThat(Files.exists(screenshot("promise-recorded"))).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE account_id = ?").param(c.accountId())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theCasePageLeadsToTheCasesRepaymentPlans() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBL"), 12, agent);
        open(c);

        page.locator("[data-test=case-recovery] a").click();

        page.waitForURL("**/ui/cases/" + c.caseId() + "/plans");
        assertThat(page.url()).endsWith("/ui/cases/" + c.caseId() + "/plans");
    }

    @Test
    void aCallOutsideCallingHoursIsNotOfferedAndShowsItsReasonAndNextAllowedTime() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBN"), 3, agent);
        open(c);

        Locator borrowerNumber = page.locator("label.target[data-contact-point='" + c.mobileId() + "']");
        assertThat(borrowerNumber.locator("input[type=radio]").isDisabled()).isTrue();
        Locator reasons = borrowerNumber.locator("[data-test=blocked-reasons]");
        assertThat(reasons.locator(".reason[data-code=OUTSIDE_HOURS]").innerText()).contains("OUTSIDE_HOURS");
        assertThat(reasons.locator(".next-allowed").innerText()).contains(c.today() + " 08:00");
        screenshot("outside-hours");

        page.locator("body").press("3");
        page.locator("#outcome-form button[type=submit]").click();
        page.locator("[data-test=outcome-problem]").waitFor();
        assertThat(page.locator("[data-test=outcome-problem]").getAttribute("data-field")).isEqualTo("target");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_attempt WHERE account_id = ?").param(c.accountId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theConfrontationPromptShowsTheRealPromiseHistory() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBC"), 12, agent);
        LocalDate broken = c.today().minusDays(15);
        fixture.promise(c, uniqueId("PTP"), "500.00", broken);
        open(c);

        Locator script = page.locator("#case-script");
        assertThat(script.getAttribute("data-script")).isEqualTo("confront-promise-history");
        assertThat(script.locator("li[data-step=history]").innerText())
                .contains(broken + "：承诺还款 CNY 500.00，实际到账 CNY 0.00——未履约");
        assertThat(script.innerText()).contains("Li Lei");
        screenshot("confrontation");
    }

    @Test
    void theLanguageSwitchTurnsTheCasePageAndItsScriptIntoEnglish() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBL"), 12, agent);
        open(c);
        assertThat(page.locator("#case-preparation .card-title").innerText()).isEqualTo("通话准备");
        assertThat(page.locator("#case-script .script-title").innerText()).isEqualTo("首通电话");
        screenshot("zh-CN");

        page.locator("form.lang-switch button[value=en]").click();
        page.waitForCondition(() -> page.locator("#case-preparation .card-title").innerText().equals("Preparation"));

        assertThat(page.locator("#case-script .script-title").innerText()).isEqualTo("First call");
        assertThat(page.locator("#case-script li[data-step=opening]").innerText()).contains("Li Lei");
        assertThat(page.locator("label.disposition").first().innerText()).contains("Promise to pay");
        screenshot("en");
    }

    @Test
    void theScriptPickerLoadsAFilledSituationResponseWithoutReloadingThePage() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBS"), 12, agent);
        open(c);
        page.evaluate("window.__marker = 'same page'");

        page.locator("[data-test=script-picker]").selectOption("situation-claims-paid");
        page.waitForCondition(() -> "situation-claims-paid".equals(page.locator("#case-script").getAttribute("data-script")));

        assertThat(page.locator("#case-script").innerText()).contains("三要素");
        assertThat(page.evaluate("window.__marker")).isEqualTo("same page");
    }

    @Test
    void aNoteTheContentLintFlagsShowsTheReasonAndIsNotSaved() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBT"), 12, agent);
        open(c);

        page.locator("body").press("7");
        page.locator("textarea[name=note]").fill("再不还就通知你的单位领导");
        page.locator("#outcome-form button[type=submit]").click();

        page.locator("[data-test=note-rejected]").waitFor();
        assertThat(page.locator("[data-test=note-rejected] li[data-code=CONTENT_SHAMING]").count()).isPositive();
        screenshot("note-rejected");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_note WHERE case_id = ?").param(c.caseId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAgentAskingForAnotherAgentsCaseIsToldItDoesNotExist() {
        String other = fixture.agent(uniqueId("wb-other"), "early");
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBO"), 12, other);
        login(agent, CaseFixture.PASSWORD);

        var response = page.navigate("/ui/cases/" + c.caseId());

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("#not-found").isVisible()).isTrue();
        assertThat(page.content()).doesNotContain("Li Lei");
        screenshot("not-found");
    }

    @Test
    void alreadyPaidRecordsAThreeElementClaimThatASupervisorVerifiesIntoAPayment() {
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBP"), 12, agent);
        open(c);

        page.locator("[data-action=claims-paid]").click();
        assertThat(page.locator("input[name=disposition][value=CLAIMS_PAID]").isChecked()).isTrue();
        page.locator("#claim-form input[name=paidAt]").fill(c.today().minusDays(1) + "T10:30");
        page.locator("#claim-form input[name=amount]").fill("1060.00");
        page.locator("#claim-form select[name=channel]").selectOption("WECHAT");
        page.locator("#claim-form button[type=submit]").click();
        page.locator("[data-test=claim-recorded]").waitFor();

        assertThat(page.locator("#case-claims tr[data-status=PENDING]").count()).isEqualTo(1);
        assertThat(page.locator("[data-test=verify-claim]").count()).isZero();
        screenshot("claim-recorded");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE account_id = ?").param(c.accountId())
                .query(Long.class).single()).isZero();

        context.clearCookies();
        login(fixture.user(uniqueId("wb-sup"), org.recoup.app.security.Role.SUPERVISOR), CaseFixture.PASSWORD);
        page.navigate("/ui/cases/" + c.caseId());
        page.locator("[data-test=verify-claim]").click();
        page.locator("#case-claims tr[data-status=VERIFIED]").waitFor();

        screenshot("claim-verified");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE account_id = ? AND amount_minor = 106000")
                .param(c.accountId()).query(Long.class).single()).isEqualTo(1);
    }
}

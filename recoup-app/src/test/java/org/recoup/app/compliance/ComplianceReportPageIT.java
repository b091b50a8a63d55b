package org.recoup.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;

class ComplianceReportPageIT extends IntegrationTest {

    @Autowired
    UserAccounts users;

    @Test
    void theReportPageShowsBlocksByReasonInChineseAndEnglish() {
        GateFixture fixture = new GateFixture(jdbc, uniqueId("W"));
        GateFixture.Debt d = fixture.account("CN", "Asia/Shanghai");
        api().post("/api/v1/compliance/check", GateFixture.body(d.account(), d.borrower(), d.mobile(), "SMS",
                "2026-11-20T23:30:00+08:00"));
        String officer = uniqueId("officer"); // a user of its own: the language choice is stored per user
        users.createIfAbsent(officer, "officer-password-1", "Officer", Role.COMPLIANCE, "zh-CN");
        Browser browser = new Browser(port);
        browser.signIn(officer, "officer-password-1");

        Browser.Page chinese = browser.get("/compliance/report");
        Browser.Page english = browser.get("/compliance/report", Map.of("Accept-Language", "en"));
        browser.post("/ui/locale", Map.of("lang", "en"));
        Browser.Page afterSwitch = browser.get("/compliance/report");

        assertThat(chinese.status()).as(chinese.toString()).isEqualTo(200);
        assertThat(chinese.body()).contains("合规报告", "非联系时段 (OUTSIDE_HOURS)");
        assertThat(afterSwitch.body()).contains("Compliance report", "Outside contact hours (OUTSIDE_HOURS)");
        assertThat(english.status()).isEqualTo(200);
    }

    @Test
    void agentsMayNotOpenTheReportPage() {
        String agent = uniqueId("agent");
        users.createIfAbsent(agent, "agent-password-1", "Agent", Role.AGENT, "en");
        Browser browser = new Browser(port);
        browser.signIn(agent, "agent-password-1");

        assertThat(browser.get("/compliance/report").status()).isEqualTo(403);
    }
}

package org.recoup.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.web.BrowserIT;
import org.springframework.beans.factory.annotation.Autowired;

/** An agent sends an SMS from the case's messages panel; it lands in the outbox and the simulated gateway "sends" it. */
class MessagingBrowserIT extends BrowserIT {

    @Autowired
    UserAccounts users;

    private String agentWithCase(MessagingFixture.Case c) {
        String agent = uniqueId("agent");
        users.createIfAbsent(agent, "agent-password-1", "Agent", Role.AGENT, "zh-CN");
        jdbc.sql("UPDATE app_user SET team = 'it-msg', tier = ? WHERE username = ?").params(Tier.INTERMEDIATE.name(), agent)
                .update();
        new MessagingFixture(jdbc).assign(c.caseId(), "it-msg", agent);
        return agent;
    }

    @Test
    void anSmsSentFromTheCaseMessagesPanelLandsInTheOutbox() {
        MessagingFixture.Case c = new MessagingFixture(jdbc).create(uniqueId("MBR"));
        login(agentWithCase(c), "agent-password-1");

        page.navigate("/ui/cases/" + c.caseId() + "/messages");
        page.selectOption("select[name=templateId]", "reminder.zh-CN");
        Locator preview = page.locator("[data-preview]");
        preview.waitFor();
        // the preview follows the chosen template (the load-time preview may show another one first)
        page.waitForCondition(() -> preview.innerText().contains("回款消费金融"));
        String previewText = preview.innerText();
        screenshot("preview");
        page.locator("[data-action=send]").click();
        page.locator("[data-flash=sent]").waitFor();
        Locator row = page.locator(".msg-list tr[data-message]").first();
        String messageId = row.getAttribute("data-message");
        screenshot("sent");

        assertThat(previewText).contains("张三", "回款消费金融").doesNotContain("{");
        assertThat(row.getAttribute("data-status")).isEqualTo("QUEUED");
        assertThat(row.innerText()).contains("861****1234");

        page.navigate("/ui/outbox");
        Locator inOutbox = page.locator("tr[data-message='" + messageId + "']");
        assertThat(inOutbox.getAttribute("data-status")).isEqualTo("QUEUED");
        assertThat(inOutbox.innerText()).contains(c.caseId(), "861****1234", "reminder.zh-CN");
        screenshot("outbox-queued");

        assertThat(api().post("/api/v1/outbox/dispatch", "").status()).isEqualTo(200);
        page.navigate("/ui/outbox?channel=SMS");
        assertThat(page.locator("tr[data-message='" + messageId + "']").getAttribute("data-status")).isEqualTo("SENT");
        assertThat(page.locator("[data-simulated='" + messageId + "']").innerText()).contains(previewText.strip());
        screenshot("outbox-sent");
    }

    @Test
    void aBlockedSmsShowsTheGatesReasonAndTheNextAllowedTime() {
        MessagingFixture.Case c = new MessagingFixture(jdbc).atNight(uniqueId("MBN"));
        login(agentWithCase(c), "agent-password-1");

        page.navigate("/ui/cases/" + c.caseId() + "/messages");
        page.selectOption("select[name=templateId]", "reminder.zh-CN");
        page.locator("[data-action=send]").click();
        Locator blocked = page.locator("[data-flash=blocked]");
        blocked.waitFor();
        screenshot("blocked");

        assertThat(blocked.locator("[data-reason=OUTSIDE_HOURS]").count()).isEqualTo(1);
        assertThat(blocked.locator("[data-next-allowed]").innerText()).contains(":");
        assertThat(page.locator(".msg-list tr[data-message]").count()).isZero();
    }
}

package org.recoup.app.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.web.BrowserIT;

/** The receivables and property-fee pages in a browser (zh-CN): limits edited, billing imported, a receipt uploaded. */
class RecoveryPagesBrowserIT extends BrowserIT {

    @Test
    void aSupervisorFindsTheCustomerFromRecoveryAndSetsItsCreditLimit() {
        String party = uniqueId("CUST");
        jdbc.sql("INSERT INTO party (party_id, name, gender, time_zone) VALUES (?, '岭南电器有限公司', 'U', 'Asia/Shanghai')")
                .param(party).update();
        String account = uniqueId("INV");
        jdbc.sql("INSERT INTO account (account_id, product, currency, principal_minor, open_date) VALUES (?, 'B2B_RECEIVABLE', 'CNY', 5000000, ?)")
                .params(account, LocalDate.of(2026, 9, 1)).update();
        jdbc.sql("INSERT INTO installment (account_id, seq, due_date, principal_minor) VALUES (?, 1, ?, 5000000)")
                .params(account, LocalDate.of(2026, 10, 1)).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'BORROWER')").params(account, party).update();

        login("admin", ADMIN_PASSWORD);
        page.navigate("/ui/recovery");
        assertThat(page.locator("[data-entry='/ui/receivables']").innerText()).contains("企业应收账款");
        assertThat(page.locator("[data-entry='/ui/property']").innerText()).contains("物业费");
        page.navigate("/ui/receivables/customers/" + party + "?asOf=2026-11-24");
        assertThat(page.locator("[data-kpi=risk]").innerText()).isEqualTo("催收款");
        page.locator("[data-form=terms] input[name=creditLimit]").fill("30000.00");
        page.locator("[data-form=terms] button[type=submit]").click();
        page.waitForURL(url -> url.contains("/ui/receivables/customers/"));

        assertThat(page.locator("[data-over-limit]").isVisible()).isTrue();
        assertThat(jdbc.sql("SELECT credit_limit_minor FROM receivable_customer WHERE party_id = ?").param(party)
                .query(Long.class).single()).isEqualTo(3_000_000L);
        screenshot("customer");
    }

    @Test
    void aSupervisorImportsBillingSeesTheCollectionRateAndUploadsASignedReceipt() {
        String building = uniqueId("B");
        String owner = uniqueId("OWN");
        String csv = """
                building,unit,owner_id,owner_name,period,fee_type,amount,due_date
                %1$s,201,%2$s,赵敏,2026-09,MGMT,400.00,2026-09-10
                %1$s,201,%2$s,赵敏,2026-10,MGMT,400.00,2026-10-10
                """.formatted(building, owner);

        login("admin", ADMIN_PASSWORD);
        page.navigate("/ui/property");
        page.locator("[data-form=import] input[type=file]").setInputFiles(
                new FilePayload("billing.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.waitForNavigation(() -> page.locator("[data-form=import] button[type=submit]").click());
        screenshot("imported");
        assertThat(page.locator("[data-import-result]").innerText()).contains("新建账单 2 条");

        page.navigate("/ui/property?building=" + building + "&asOf=2026-10-31");
        assertThat(page.locator("[data-table=rate-0]").innerText()).contains(building, "800.00", "0.00%");
        var notice = api().post("/api/v1/property/notices", """
                {"partyId":"%s","building":"%s","unit":"201","asOf":"2026-10-31"}""".formatted(owner, building),
                Map.of());
        assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
        String noticeId = notice.json().get("noticeId").asString();
        page.navigate("/ui/property?building=" + building + "&asOf=2026-10-31");
        var row = page.locator("[data-notice='" + noticeId + "']");
        row.locator("input[type=file]").setInputFiles(new FilePayload("签收.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        row.locator("input[name=signedOn]").fill("2026-11-03");
        page.waitForNavigation(() -> row.locator("button[type=submit]").click());

        assertThat(jdbc.sql("SELECT receipt_signed_on FROM property_notice WHERE notice_id = ?").param(noticeId)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 11, 3));
        page.navigate("/ui/property?building=" + building + "&asOf=2026-10-31");
        assertThat(page.locator("[data-notice='" + noticeId + "']").innerText()).contains("2026-11-03");
        screenshot("property");
    }
}

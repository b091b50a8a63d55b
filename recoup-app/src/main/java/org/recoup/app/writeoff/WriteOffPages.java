package org.recoup.app.writeoff;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.web.MenuEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Pages: charge-offs with recoveries, debt sales; one sale's pool with its file. */
@Hidden
@Controller
class WriteOffPages {

    private final WriteOffs writeOffs;
    private final DebtSales sales;
    private final Clock clock;
    private final MessageSource messages;

    WriteOffPages(WriteOffs writeOffs, DebtSales sales, Clock clock, MessageSource messages) {
        this.writeOffs = writeOffs;
        this.sales = sales;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/ui/write-offs")
    String writeOffs(Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.withDayOfMonth(1).minusMonths(1);
        model.addAttribute("nav", "recovery");
        model.addAttribute("title", msg(locale, "writeoff.page.title"));
        model.addAttribute("hint", msg(locale, "writeoff.page.hint"));
        model.addAttribute("tables", List.of(writeOffs.chargeOffs(locale), writeOffs.recoveries(from, today, locale),
                sales.salesTable(locale)));
        model.addAttribute("downloads", List.of(
                Map.of("label", msg(locale, "writeoff.chargeoffs") + " XLSX", "href", "/api/v1/write-offs?format=xlsx"),
                Map.of("label", msg(locale, "writeoff.recoveries") + " XLSX", "href",
                        "/api/v1/write-offs/recoveries?from=" + from + "&to=" + today + "&format=xlsx"),
                Map.of("label", msg(locale, "writeoff.sales") + " XLSX", "href", "/api/v1/debt-sales?format=xlsx")));
        return "writeoff/page";
    }

    @GetMapping("/ui/debt-sales/{saleId}")
    String sale(@PathVariable String saleId, Locale locale, Model model) {
        DebtSales.Sale sale = sales.find(saleId);
        model.addAttribute("nav", "recovery");
        model.addAttribute("title", msg(locale, "writeoff.sale.title") + " " + sale.saleId() + " · " + sale.buyer()
                + " · " + sale.status());
        model.addAttribute("hint", msg(locale, "writeoff.sale.hint"));
        model.addAttribute("tables", List.of(sales.saleFile(saleId, locale)));
        model.addAttribute("downloads", List.of(
                Map.of("label", "CSV", "href", "/api/v1/debt-sales/" + saleId + "/file?format=csv"),
                Map.of("label", "XLSX", "href", "/api/v1/debt-sales/" + saleId + "/file?format=xlsx")));
        return "writeoff/page";
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    @Configuration
    static class Menu {
        @Bean
        MenuEntry writeOffMenu() {
            return new MenuEntry(MenuEntry.RECOVERY, "writeoff.page.title", "/ui/write-offs",
                    List.of("ADMIN", "SUPERVISOR", "COMPLIANCE"), 50);
        }
    }
}

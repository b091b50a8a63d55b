package org.recoup.app.writeoff;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Supplier;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.app.web.MenuEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: charge-offs with recoveries, debt sales; one sale's pool with its file. Supervisors and administrators also get
 * the forms: charge an account off, select a pool, take accounts out, sell, cancel, buy an account back — the same
 * {@link WriteOffs}/{@link DebtSales} calls as the API, the API's problem shown next to its field.
 */
@Hidden
@Controller
class WriteOffPages {

    private final WriteOffs writeOffs;
    private final DebtSales sales;
    private final Clock clock;
    private final MessageSource messages;
    private final WriteOffPolicy policy;
    private final CaseScope scope;

    WriteOffPages(WriteOffs writeOffs, DebtSales sales, Clock clock, MessageSource messages, WriteOffPolicy policy,
                  CaseScope scope) {
        this.policy = policy;
        this.scope = scope;
        this.writeOffs = writeOffs;
        this.sales = sales;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/ui/write-offs")
    String writeOffs(Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.withDayOfMonth(1).minusMonths(1);
        WriteOffPolicy.Config config = policy.current();
        model.addAttribute("manager", manager());
        model.addAttribute("reasons", config.reasons().stream()
                .map(r -> Map.of("code", r.code(), "label", r.label() == null ? r.code() : r.label())).toList());
        model.addAttribute("today", LocalDate.now(clock.withZone(ZoneId.of(config.zone()))));
        model.addAttribute("nav", "recovery");
        model.addAttribute("title", msg(locale, "writeoff.page.title"));
        model.addAttribute("heading", msg(locale, "writeoff.page.title"));
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
        String title = msg(locale, "writeoff.sale.title") + " " + sale.saleId() + " · " + sale.buyer() + " · "
                + sale.status();
        model.addAttribute("title", title);
        model.addAttribute("heading", title);
        model.addAttribute("hint", msg(locale, "writeoff.sale.hint"));
        model.addAttribute("sale", sale);
        model.addAttribute("balances", sale.pool().stream().collect(java.util.stream.Collectors.toMap(
                DebtSales.SaleAccount::accountId, a -> WriteOffs.major(a.balanceMinor(), a.currency()).toPlainString(),
                (x, y) -> x)));
        model.addAttribute("manager", manager());
        model.addAttribute("today", LocalDate.now(clock.withZone(ZoneId.of(policy.current().zone()))));
        model.addAttribute("tables", List.of(sales.saleFile(saleId, locale)));
        model.addAttribute("downloads", List.of(
                Map.of("label", msg(locale, "writeoff.ui.file") + " CSV", "href", "/ui/debt-sales/" + saleId + "/file?format=csv"),
                Map.of("label", msg(locale, "writeoff.ui.file") + " XLSX", "href", "/ui/debt-sales/" + saleId + "/file?format=xlsx")));
        return "writeoff/sale";
    }

    @GetMapping("/ui/debt-sales/{saleId}/file")
    ResponseEntity<byte[]> file(@PathVariable String saleId, @RequestParam(defaultValue = "csv") String format,
                                Locale locale) {
        return TableExports.download(TableExports.Format.of(format), "debt-sale-" + saleId, sales.saleFile(saleId, locale));
    }

    @PostMapping("/ui/write-offs")
    String chargeOff(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt("chargeoff", List.of("accountId", "reasonCode", "chargedOffOn", "note"), form, redirect,
                "/ui/write-offs", () -> {
                    LocalDate on = date("INVALID_WRITE_OFF", "chargedOffOn", form.get("chargedOffOn"));
                    WriteOffs.ChargeOff c = writeOffs.chargeOff(actor(), new WriteOffs.ChargeOffRequest(
                            trimmed(form.get("accountId")), trimmed(form.get("reasonCode")), on, trimmed(form.get("note"))));
                    return c.accountId() + " " + WriteOffs.major(c.balanceMinor(), c.currency()).toPlainString() + " "
                            + c.currency();
                });
    }

    @PostMapping("/ui/debt-sales")
    String createSale(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String[] created = new String[1];
        String back = attempt("sale", List.of("saleId", "buyer", "asOf", "filters.currency", "filters.buckets",
                        "filters.minDpd", "filters.maxDpd", "filters.products", "filters.portfolios",
                        "filters.accountIds"), form, redirect, "/ui/write-offs", () -> {
                    LocalDate asOf = date("INVALID_SALE", "asOf", form.get("asOf"));
                    DebtSales.Filters filters = new DebtSales.Filters(trimmed(form.get("currency")),
                            list(form.get("buckets")), number("filters.minDpd", form.get("minDpd")),
                            number("filters.maxDpd", form.get("maxDpd")), list(form.get("products")),
                            list(form.get("portfolios")), null, null, "on".equals(form.get("chargedOffOnly")) ? true : null,
                            list(form.get("accountIds")));
                    DebtSales.Sale sale = sales.create(actor(), new DebtSales.SaleRequest(trimmed(form.get("saleId")),
                            form.get("buyer"), asOf, filters));
                    created[0] = sale.saleId();
                    return sale.saleId() + " · " + sale.accounts();
                });
        return created[0] == null ? back : "redirect:/ui/debt-sales/" + created[0];
    }

    @PostMapping("/ui/debt-sales/{saleId}/accounts/{accountId}/remove")
    String exclude(@PathVariable String saleId, @PathVariable String accountId, RedirectAttributes redirect) {
        return attempt("remove-" + accountId, List.of(), Map.of(), redirect, "/ui/debt-sales/" + saleId,
                () -> sales.exclude(actor(), saleId, accountId).saleId() + " − " + accountId);
    }

    @PostMapping("/ui/debt-sales/{saleId}/sell")
    String sell(@PathVariable String saleId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt("sell", List.of("price", "soldOn"), form, redirect, "/ui/debt-sales/" + saleId, () -> {
            String price = trimmed(form.get("price"));
            BigDecimal amount;
            try {
                amount = price == null ? null : new BigDecimal(price);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("INVALID_SALE", "price", "price must be an amount, was '" + price + "'");
            }
            DebtSales.Sale sale = sales.sell(actor(), saleId, new DebtSales.SellRequest(amount,
                    date("INVALID_SALE", "soldOn", form.get("soldOn"))));
            return sale.saleId() + " " + sale.status();
        });
    }

    @PostMapping("/ui/debt-sales/{saleId}/cancel")
    String cancel(@PathVariable String saleId, RedirectAttributes redirect) {
        return attempt("cancel", List.of(), Map.of(), redirect, "/ui/debt-sales/" + saleId,
                () -> sales.cancel(actor(), saleId).saleId());
    }

    @PostMapping("/ui/debt-sales/{saleId}/accounts/{accountId}/buyback")
    String buyback(@PathVariable String saleId, @PathVariable String accountId, @RequestParam Map<String, String> form,
                   RedirectAttributes redirect) {
        return attempt("buyback-" + accountId, List.of("reason", "boughtBackOn"), form, redirect,
                "/ui/debt-sales/" + saleId, () -> {
                    sales.buyback(actor(), saleId, accountId, new DebtSales.BuybackRequest(form.get("reason"),
                            date("INVALID_BUYBACK", "boughtBackOn", form.get("boughtBackOn"))));
                    return accountId;
                });
    }

    private static final java.util.Set<String> ID_FORMS = java.util.Set.of("chargeoff");

    /** Runs a form's action; on an API problem, flashes it with the form and the entered values and goes back. */
    private String attempt(String formName, List<String> fields, Map<String, String> form, RedirectAttributes redirect,
                           String back, Supplier<String> action) {
        try {
            String done = action.get();
            redirect.addFlashAttribute("okKey", "writeoff.ui.done." + formName.replaceAll("-.*$", ""));
            redirect.addFlashAttribute("okItem", done);
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.FORBIDDEN) {
                throw problem;
            }
            // "case X does not exist" belongs next to the id the user typed (the first field of the place and
            // charge-off forms); other forms' ids come from the page, so their 404 is shown above the forms
            String field = problem.field() == null && problem.status() == HttpStatus.NOT_FOUND
                    && ID_FORMS.contains(formName) ? fields.get(0) : problem.field();
            redirect.addFlashAttribute("errorForm", formName);
            redirect.addFlashAttribute("error", problem.getMessage());
            redirect.addFlashAttribute("errorField", field);
            redirect.addFlashAttribute("errorInline", field != null && fields.contains(field));
            redirect.addFlashAttribute("values", Map.copyOf(form));
        }
        return "redirect:" + back;
    }

    private static LocalDate date(String code, String field, String value) {
        String v = trimmed(value);
        if (v == null) {
            throw ApiProblem.badRequest(code, field, field + " is required");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(code, field, field + " must be a date YYYY-MM-DD, was '" + v + "'");
        }
    }

    private static Integer number(String field, String value) {
        String v = trimmed(value);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("INVALID_SALE", field, field + " must be a whole number, was '" + v + "'");
        }
    }

    /** Comma- or space-separated values; null when none. */
    private static List<String> list(String value) {
        String v = trimmed(value);
        return v == null ? null : Arrays.stream(v.split("[,，\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private boolean manager() {
        return scope.current().map(a -> a.role() == Role.ADMIN || a.role() == Role.SUPERVISOR).orElse(false);
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                "the signed-in user is not a Recoup user"));
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

package org.recoup.app.performance;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.performance.ContactKpis.Dashboard;
import org.recoup.app.performance.ContactKpis.Name;
import org.recoup.app.web.MenuEntry;
import org.recoup.engine.debt.Product;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The KPI dashboards: {@code /ui/performance/{contacts|agents|experiments|compliance}}. The page renders its tables;
 * the charts read {@code /ui/performance/{page}/data} (the same tables as JSON) and each table downloads from
 * {@code /ui/performance/export/{table}?format=xlsx|csv} — one {@link Table} behind all three.
 */
@Hidden // UI, not part of the public API document
@Controller
class PerformancePages {

    private static final List<String> PRODUCTS = Arrays.stream(Product.values()).map(Enum::name).toList();

    private final ContactKpis kpis;
    private final KpiRequests requests;

    PerformancePages(ContactKpis kpis, KpiRequests requests) {
        this.kpis = kpis;
        this.requests = requests;
    }

    @GetMapping("/ui/performance/{page}")
    String page(@PathVariable String page, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String portfolio,
                @RequestParam(required = false) String product, @RequestParam(required = false) String team,
                Locale locale, Model model) {
        Dashboard p = Dashboard.of(page);
        KpiFilter filter = requests.filter(from, to, portfolio, product, team);
        Map<String, Table> tables = kpis.dashboard(p, filter, locale);
        model.addAttribute("page", p.name().toLowerCase(Locale.ROOT));
        model.addAttribute("filter", filter);
        model.addAttribute("tables", tables);
        model.addAttribute("query", query(filter));
        model.addAttribute("portfolios", kpis.portfolios());
        model.addAttribute("products", PRODUCTS);
        model.addAttribute("teams", kpis.teams());
        model.addAttribute("nav", "analytics");
        return "performance/dashboard";
    }

    @GetMapping(value = "/ui/performance/{page}/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Table> data(@PathVariable String page, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String portfolio,
                            @RequestParam(required = false) String product, @RequestParam(required = false) String team,
                            Locale locale) {
        return kpis.dashboard(Dashboard.of(page), requests.filter(from, to, portfolio, product, team), locale);
    }

    @GetMapping("/ui/performance/export/{table}")
    ResponseEntity<byte[]> export(@PathVariable String table, @RequestParam(required = false) String format,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String portfolio,
                                  @RequestParam(required = false) String product,
                                  @RequestParam(required = false) String team, Locale locale) {
        Name name = Arrays.stream(Name.values()).filter(n -> n.name().equalsIgnoreCase(table)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("KPI table", table));
        KpiFilter filter = requests.filter(from, to, portfolio, product, team);
        return TableExports.download(TableExports.Format.of(format == null ? "xlsx" : format),
                "kpi-" + name.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + filter.from() + "_" + filter.to(),
                kpis.table(name, filter, locale));
    }

    private static String query(KpiFilter f) {
        StringBuilder q = new StringBuilder("from=" + f.from() + "&to=" + f.to());
        append(q, "portfolio", f.portfolio());
        append(q, "product", f.product());
        append(q, "team", f.team());
        return q.toString();
    }

    private static void append(StringBuilder q, String key, String value) {
        if (value != null) {
            q.append('&').append(key).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The dashboards on the Analytics section page. */
    @Configuration(proxyBeanMethods = false)
    static class Menu {
        private static final List<String> MANAGERS = List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD");

        @Bean
        MenuEntry kpiContactsMenu() {
            return new MenuEntry(MenuEntry.ANALYTICS, "kpi.page.contacts", "/ui/performance/contacts", MANAGERS, 40);
        }

        @Bean
        MenuEntry kpiAgentsMenu() {
            return new MenuEntry(MenuEntry.ANALYTICS, "kpi.page.agents", "/ui/performance/agents", MANAGERS, 41);
        }

        @Bean
        MenuEntry kpiExperimentsMenu() {
            return new MenuEntry(MenuEntry.ANALYTICS, "kpi.page.experiments", "/ui/performance/experiments", MANAGERS, 42);
        }

        @Bean
        MenuEntry kpiComplianceMenu() {
            return new MenuEntry(MenuEntry.ANALYTICS, "kpi.page.compliance", "/ui/performance/compliance",
                    List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "COMPLIANCE"), 43);
        }
    }
}

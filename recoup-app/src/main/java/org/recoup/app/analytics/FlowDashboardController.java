package org.recoup.app.analytics;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.engine.debt.Product;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The portfolio-flow dashboards at {@code /ui/kpis/<dashboard>}: the page shows the report's tables; its chart reads
 * {@code /ui/kpis/<dashboard>/data} (the same {@link FlowReport} the API answers); {@code /export?format=} downloads them.
 */
@Hidden // UI, not part of the public API document
@Controller
class FlowDashboardController {

    private static final List<String> PRODUCTS = Arrays.stream(Product.values()).map(Enum::name).toList();

    private final FlowKpis kpis;
    private final PortfolioOverviews overviews;

    FlowDashboardController(FlowKpis kpis, PortfolioOverviews overviews) {
        this.kpis = kpis;
        this.overviews = overviews;
    }

    @GetMapping("/ui/kpis/{dashboard}")
    String page(@PathVariable String dashboard, @RequestParam(required = false) String portfolio,
                @RequestParam(required = false) String product, @RequestParam(required = false) String team,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Locale locale, Model model) {
        FlowDashboard d = FlowDashboard.of(dashboard);
        FlowReport report = kpis.report(d, new FlowFilter(portfolio, product, team, from, to), locale);
        model.addAttribute("nav", "analytics");
        model.addAttribute("dashboard", d.slug());
        model.addAttribute("dashboards", Arrays.stream(FlowDashboard.values()).map(FlowDashboard::slug).toList());
        model.addAttribute("report", report);
        model.addAttribute("filter", report.filter());
        model.addAttribute("query", query(report.filter()));
        model.addAttribute("portfolios", overviews.portfolios());
        model.addAttribute("products", PRODUCTS);
        model.addAttribute("teams", kpis.teams());
        return "analytics/kpis";
    }

    @GetMapping(value = "/ui/kpis/{dashboard}/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    FlowReport data(@PathVariable String dashboard, @RequestParam(required = false) String portfolio,
                    @RequestParam(required = false) String product, @RequestParam(required = false) String team,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    Locale locale) {
        return kpis.report(FlowDashboard.of(dashboard), new FlowFilter(portfolio, product, team, from, to), locale);
    }

    @GetMapping("/ui/kpis/{dashboard}/export")
    ResponseEntity<byte[]> export(@PathVariable String dashboard, @RequestParam(required = false) String portfolio,
                                  @RequestParam(required = false) String product,
                                  @RequestParam(required = false) String team,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String format, Locale locale) {
        TableExports.Format f = TableExports.Format.of(format);
        FlowDashboard d = FlowDashboard.of(dashboard);
        FlowReport report = kpis.report(d, new FlowFilter(portfolio, product, team, from, to), locale);
        return TableExports.download(f, "kpi-" + d.slug(), report.tables().toArray(Table[]::new));
    }

    /** The resolved filter as a query string (for the data URL and the download links). */
    static String query(FlowFilter filter) {
        StringBuilder q = new StringBuilder();
        append(q, "portfolio", filter.portfolio());
        append(q, "product", filter.product());
        append(q, "team", filter.team());
        append(q, "from", filter.from() == null ? null : filter.from().toString());
        append(q, "to", filter.to() == null ? null : filter.to().toString());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

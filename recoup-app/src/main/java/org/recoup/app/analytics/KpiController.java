package org.recoup.app.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio-flow KPIs (docs/kpis.md) as JSON, or with {@code ?format=xlsx|csv} as a download of the same tables.
 * Every endpoint takes the dashboards' filter: portfolio, product, team ({@code -} = unassigned) and the business-date
 * range {@code from..to} (default: the 30 days up to the latest aggregated date).
 */
@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPIs")
class KpiController {

    private final FlowKpis kpis;

    KpiController(FlowKpis kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/bucket-mix")
    @Operation(summary = "Bucket mix per business date: accounts, share, overdue and outstanding by bucket")
    ResponseEntity<?> bucketMix(@RequestParam(required = false) String portfolio,
                                @RequestParam(required = false) String product,
                                @RequestParam(required = false) @Parameter(description = "team; '-' = unassigned") String team,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) @Parameter(description = "xlsx or csv: a download") String format,
                                Locale locale) {
        return answer(FlowDashboard.BUCKET_MIX, new FlowFilter(portfolio, product, team, from, to), format, locale);
    }

    @GetMapping("/roll-rates")
    @Operation(summary = "Day-to-day roll/flow rate matrix over the range: bucket → bucket, count and amount based")
    ResponseEntity<?> rollRates(@RequestParam(required = false) String portfolio,
                                @RequestParam(required = false) String product,
                                @RequestParam(required = false) @Parameter(description = "team; '-' = unassigned") String team,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) @Parameter(description = "xlsx or csv: a download") String format,
                                Locale locale) {
        return answer(FlowDashboard.ROLL_RATES, new FlowFilter(portfolio, product, team, from, to), format, locale);
    }

    @GetMapping("/cure-recovery")
    @Operation(summary = "Cure, entry-into-collections and recovery rates per business date and over the range")
    ResponseEntity<?> cureRecovery(@RequestParam(required = false) String portfolio,
                                   @RequestParam(required = false) String product,
                                   @RequestParam(required = false) @Parameter(description = "team; '-' = unassigned") String team,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) @Parameter(description = "xlsx or csv: a download") String format,
                                   Locale locale) {
        return answer(FlowDashboard.CURE_RECOVERY, new FlowFilter(portfolio, product, team, from, to), format, locale);
    }

    @GetMapping("/vintages")
    @Operation(summary = "Vintage curves: open-month cohorts by months on book, at each month's last business date")
    ResponseEntity<?> vintages(@RequestParam(required = false) String portfolio,
                               @RequestParam(required = false) String product,
                               @RequestParam(required = false) @Parameter(description = "team; '-' = unassigned") String team,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) @Parameter(description = "xlsx or csv: a download") String format,
                               Locale locale) {
        return answer(FlowDashboard.VINTAGES, new FlowFilter(portfolio, product, team, from, to), format, locale);
    }

    @GetMapping("/aging")
    @Operation(summary = "Aging report: aging bucket × risk class on the range's last business date")
    ResponseEntity<?> aging(@RequestParam(required = false) String portfolio,
                            @RequestParam(required = false) String product,
                            @RequestParam(required = false) @Parameter(description = "team; '-' = unassigned") String team,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) @Parameter(description = "xlsx or csv: a download") String format,
                            Locale locale) {
        return answer(FlowDashboard.AGING, new FlowFilter(portfolio, product, team, from, to), format, locale);
    }

    private ResponseEntity<?> answer(FlowDashboard dashboard, FlowFilter filter, String format, Locale locale) {
        if (format != null) {
            TableExports.Format f = TableExports.Format.of(format);
            FlowReport report = kpis.report(dashboard, filter, locale);
            return TableExports.download(f, "kpi-" + dashboard.slug(), report.tables().toArray(Table[]::new));
        }
        return ResponseEntity.ok(kpis.report(dashboard, filter, locale));
    }
}

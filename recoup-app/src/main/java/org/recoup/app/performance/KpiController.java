package org.recoup.app.performance;

import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.performance.ContactKpis.Name;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact, promise, collector, experiment and compliance KPIs as tables: JSON ({@code {title, columns, rows}}) or, with
 * {@code ?format=xlsx|csv}, a download of the very same table. Every path takes {@code from}, {@code to} (business
 * dates, default: the 30 days ending today), {@code portfolio}, {@code product} and {@code team}.
 */
@RestController("contactKpiController") // analytics.KpiController holds the default name
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPIs: contacts and collectors")
class KpiController {

    private static final String FILTER_DOC = "Filter: from/to (yyyy-MM-dd, inclusive, debtor-local business dates; "
            + "default the 30 days ending today), portfolio, product, team (a team lead always gets their own team). "
            + "format=xlsx|csv downloads the same table.";

    private final ContactKpis kpis;
    private final KpiRequests requests;
    private final KpiAggregates aggregates;

    KpiController(ContactKpis kpis, KpiRequests requests, KpiAggregates aggregates) {
        this.kpis = kpis;
        this.requests = requests;
        this.aggregates = aggregates;
    }

    @GetMapping(path = "/contacts/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Headline contact KPIs: attempts, RPC rate, PTP rate, kept rate, contacts per hour",
            description = FILTER_DOC)
    ResponseEntity<?> summary(@ParameterObject Params params, Locale locale) {
        return answer(Name.SUMMARY, params, locale, "kpi-summary");
    }

    @GetMapping(path = "/contacts/hours", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attempts, right-party contacts and PTPs per channel and debtor-local hour of day",
            description = FILTER_DOC)
    ResponseEntity<?> hours(@ParameterObject Params params, Locale locale) {
        return answer(Name.HOURS, params, locale, "kpi-contact-hours");
    }

    @GetMapping(path = "/contacts/recovery", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recovery by channel and hour: amounts paid on kept promises, by the channel and hour the "
            + "promise was obtained", description = FILTER_DOC)
    ResponseEntity<?> recovery(@ParameterObject Params params, Locale locale) {
        return answer(Name.RECOVERY_HOURS, params, locale, "kpi-recovery-hours");
    }

    @GetMapping(path = "/contacts/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "PTP funnel: attempts → right-party contacts → PTPs → promises kept", description = FILTER_DOC)
    ResponseEntity<?> funnel(@ParameterObject Params params, Locale locale) {
        return answer(Name.FUNNEL, params, locale, "kpi-ptp-funnel");
    }

    @GetMapping(path = "/contacts/promises", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Promises made and resolved (kept, partially kept, broken) with amounts, per currency",
            description = FILTER_DOC)
    ResponseEntity<?> promises(@ParameterObject Params params, Locale locale) {
        return answer(Name.PROMISES, params, locale, "kpi-promises");
    }

    @GetMapping(path = "/contacts/channels", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Channel effectiveness: attempts, RPC and PTP rates, kept promises, action cost, cost per "
            + "RPC, recovered on kept promises", description = FILTER_DOC)
    ResponseEntity<?> channels(@ParameterObject Params params, Locale locale) {
        return answer(Name.CHANNELS, params, locale, "kpi-channels");
    }

    @GetMapping(path = "/contacts/cost", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cost to collect per currency: action costs / amount recovered", description = FILTER_DOC)
    ResponseEntity<?> cost(@ParameterObject Params params, Locale locale) {
        return answer(Name.COST, params, locale, "kpi-cost-to-collect");
    }

    @GetMapping(path = "/agents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Agent KPIs with the previous period of the same length for the trend",
            description = FILTER_DOC)
    ResponseEntity<?> agents(@ParameterObject Params params, Locale locale) {
        return answer(Name.AGENTS, params, locale, "kpi-agents");
    }

    @GetMapping(path = "/agents/trend", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Agent KPIs per business date (attempts, RPC, active hours, contacts per hour)",
            description = FILTER_DOC)
    ResponseEntity<?> agentTrend(@ParameterObject Params params, Locale locale) {
        return answer(Name.AGENT_TREND, params, locale, "kpi-agent-trend");
    }

    @GetMapping(path = "/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Champion/challenger arms: RPC and payment rates of the accounts each arm decided, with "
            + "95 % Wilson intervals", description = FILTER_DOC)
    ResponseEntity<?> experiments(@ParameterObject Params params, Locale locale) {
        return answer(Name.ARMS, params, locale, "kpi-experiments");
    }

    @GetMapping(path = "/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contacts blocked by the compliance gate, per reason code", description = FILTER_DOC)
    ResponseEntity<?> compliance(@ParameterObject Params params, Locale locale) {
        return answer(Name.COMPLIANCE_REASONS, params, locale, "kpi-compliance-blocks");
    }

    @GetMapping(path = "/compliance/channels", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Compliance verdicts and blocks per channel", description = FILTER_DOC)
    ResponseEntity<?> complianceChannels(@ParameterObject Params params, Locale locale) {
        return answer(Name.COMPLIANCE_CHANNELS, params, locale, "kpi-compliance-channels");
    }

    @PostMapping(path = "/contacts/refresh", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rebuild the daily aggregates of business dates from..to (the daily run maintains its date "
            + "and the day before; use this after a backfill or a change of action costs). Idempotent.")
    KpiAggregates.Maintained refresh(@RequestParam String from, @RequestParam String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ApiProblem.badRequest("INVALID_RANGE", "to", "to (" + end + ") is before from (" + start + ")");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(start, end) >= KpiFilter.MAX_DAYS) {
            throw ApiProblem.badRequest("INVALID_RANGE", "from", "at most " + KpiFilter.MAX_DAYS + " days per refresh");
        }
        return aggregates.refresh(start, end);
    }

    /** The query parameters every KPI path takes. */
    record Params(String from, String to, String portfolio, String product, String team, String format) {
    }

    private ResponseEntity<?> answer(Name name, Params params, Locale locale, String fileBase) {
        KpiFilter filter = requests.filter(params.from(), params.to(), params.portfolio(), params.product(),
                params.team());
        Table table = kpis.table(name, filter, locale);
        if (params.format() != null) {
            return TableExports.download(TableExports.Format.of(params.format()), fileBase + "-" + filter.from() + "_"
                    + filter.to(), table);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_RANGE", field, field + " must be a date like 2026-11-23, was '"
                    + value + "'");
        }
    }
}

package org.recoup.app.performance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The management report's settings, its deliveries, and sending a date's report by hand. */
@RestController
@Tag(name = "KPIs: contacts and collectors")
class ReportController {

    private final ManagementReports reports;

    ReportController(ManagementReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/v1/config/management-report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The management report settings in force: {version, enabled, recipients, locale}")
    ReportSettings settings() {
        return reports.settings();
    }

    @GetMapping(path = "/api/v1/config/management-report/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All stored versions of the management report settings")
    List<Integer> versions() {
        return reports.versions();
    }

    @PutMapping(path = "/api/v1/config/management-report", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store new management report settings",
            description = "Validated on save: recipients are e-mail addresses (at least one when enabled, at most 50), "
                    + "locale zh-CN or en.")
    ReportSettings save(@RequestBody String document, Principal principal) {
        return reports.save(document, principal.getName());
    }

    @GetMapping(path = "/api/v1/reports/management", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Deliveries of the management report, newest first (status SENDING, SENT or FAILED)")
    List<ManagementReports.Delivery> deliveries() {
        return reports.deliveries(100);
    }

    @PostMapping(path = "/api/v1/reports/management", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send the management report of a business date now",
            description = "Idempotent per date: a date already sent answers ALREADY_SENT and sends nothing; a failed "
                    + "delivery is tried again. The daily run sends its date's report by itself.")
    Map<String, Object> send(@RequestParam String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_DATE", "date", "date must be like 2026-11-23, was '" + date + "'");
        }
        return Map.of("date", day.toString(), "outcome", reports.send(day).name());
    }
}

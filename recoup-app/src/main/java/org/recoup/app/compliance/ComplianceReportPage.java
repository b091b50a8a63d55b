package org.recoup.app.compliance;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The compliance report as a page (zh-CN and English): blocks by reason, team and template for a date range. */
@Hidden // UI, not part of the public API document
@Controller
class ComplianceReportPage {

    private final VerdictAudit audit;
    private final Clock clock;

    ComplianceReportPage(VerdictAudit audit, ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/compliance/report")
    String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Model model) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(29);
        if (end.isBefore(start)) {
            start = end;
        }
        ComplianceController.Report report = ComplianceController.report(audit, start, end);
        java.util.Map<String, java.util.List<VerdictAudit.Count>> groups = new java.util.LinkedHashMap<>();
        groups.put("byReason", report.byReason());
        groups.put("byTeam", report.byTeam());
        groups.put("byTemplate", report.byTemplate());
        model.addAttribute("nav", "compliance");
        model.addAttribute("report", report);
        model.addAttribute("groups", groups);
        return "compliance/report";
    }
}

package org.recoup.app.agency;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.app.web.MenuEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: agencies with open placements and the scorecard; the commission statement (agency users: their own). */
@Hidden
@Controller
class AgencyPages {

    private final Agencies agencies;
    private final Placements placements;
    private final Commissions commissions;
    private final CaseScope scope;
    private final Clock clock;
    private final MessageSource messages;

    AgencyPages(Agencies agencies, Placements placements, Commissions commissions, CaseScope scope, Clock clock,
                MessageSource messages) {
        this.messages = messages;
        this.agencies = agencies;
        this.placements = placements;
        this.commissions = commissions;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/ui/agencies")
    String agencies(Locale locale, Model model) {
        Table.Builder a = Table.titled(msg(locale, "agency.agencies"))
                .column("agency_id", "ID", Table.Kind.TEXT)
                .column("name", msg(locale, "agency.col.name"), Table.Kind.TEXT)
                .column("contact", msg(locale, "agency.col.contact"), Table.Kind.TEXT)
                .column("active", msg(locale, "agency.col.active"), Table.Kind.TEXT)
                .column("open_placements", msg(locale, "agency.col.open_placements"), Table.Kind.INTEGER);
        for (Agencies.Agency ag : agencies.list()) {
            a.row(ag.agencyId(), ag.name(), ag.contact(), ag.active() ? "Y" : "N",
                    (long) placements.list(ag.agencyId(), true).size());
        }
        Table.Builder p = Table.titled(msg(locale, "agency.placements"))
                .column("placement_id", "#", Table.Kind.INTEGER)
                .column("case_id", msg(locale, "agency.col.case_id"), Table.Kind.TEXT)
                .column("agency_id", msg(locale, "agency.col.agency_id"), Table.Kind.TEXT)
                .column("placed_on", msg(locale, "agency.col.placed_on"), Table.Kind.DATE)
                .column("recall_on", msg(locale, "agency.col.recall_on"), Table.Kind.DATE)
                .column("rule_id", msg(locale, "agency.col.rule_id"), Table.Kind.TEXT)
                .column("balance_at_placement", msg(locale, "agency.col.balance_at_placement"), Table.Kind.TEXT);
        for (Placements.Placement pl : placements.list(null, true)) {
            p.row(pl.placementId(), pl.caseId(), pl.agencyId(), pl.placedOn(), pl.recallOn(), pl.ruleId(),
                    pl.accounts().stream().map(x -> Commissions.major(x.balanceMinor(), x.currency()).toPlainString()
                            + " " + x.currency()).reduce((x, y) -> x + " + " + y).orElse(""));
        }
        Table scorecard = commissions.scorecard(null, locale);
        model.addAttribute("nav", "recovery");
        model.addAttribute("title", msg(locale, "agency.page.title"));
        model.addAttribute("tables", List.of(a.build(), p.build(), scorecard));
        model.addAttribute("downloads", List.of(
                Map.of("label", msg(locale, "agency.scorecard") + " XLSX", "href", "/api/v1/agency-scorecard?format=xlsx"),
                Map.of("label", msg(locale, "agency.scorecard") + " CSV", "href", "/api/v1/agency-scorecard?format=csv")));
        return "agency/page";
    }

    @GetMapping("/ui/agencies/statement")
    Object statement(@RequestParam(required = false) String agencyId, @RequestParam(required = false) String month,
                     @RequestParam(required = false) String format, Locale locale, Model model) {
        Actor actor = scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                "the signed-in user is not a Recoup user"));
        String agency = actor.role() == Role.AGENCY ? actor.agencyId() : agencyId;
        YearMonth ym = month == null || month.isBlank() ? YearMonth.from(LocalDate.now(clock)).minusMonths(1)
                : AgencyController.month(month);
        model.addAttribute("nav", "recovery");
        model.addAttribute("title", msg(locale, "agency.statement.title"));
        model.addAttribute("agencies", actor.role() == Role.AGENCY ? List.of() : agencies.list());
        model.addAttribute("agencyId", agency);
        model.addAttribute("month", ym.toString());
        if (agency == null || agency.isBlank()) {
            model.addAttribute("tables", List.of());
            model.addAttribute("downloads", List.of());
            return "agency/statement";
        }
        AgencyController.requireOwnAgency(actor, agency);
        Commissions.Statement s = commissions.statement(agency, ym, locale);
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "commission-" + agency + "-" + ym,
                    s.lineTable(), s.bucketTable());
        }
        model.addAttribute("tables", List.of(s.bucketTable(), s.lineTable()));
        String base = "/ui/agencies/statement?agencyId=" + agency + "&month=" + ym + "&format=";
        model.addAttribute("downloads", List.of(Map.of("label", "XLSX", "href", base + "xlsx"),
                Map.of("label", "CSV", "href", base + "csv")));
        return "agency/statement";
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    @Configuration
    static class Menu {
        @Bean
        MenuEntry agencyMenu() {
            return new MenuEntry(MenuEntry.RECOVERY, "agency.page.title", "/ui/agencies", List.of("ADMIN", "SUPERVISOR",
                    "COMPLIANCE"), 40);
        }

        @Bean
        MenuEntry agencyStatementMenu() {
            return new MenuEntry(MenuEntry.RECOVERY, "agency.statement.title", "/ui/agencies/statement",
                    List.of("ADMIN", "SUPERVISOR", "AGENCY"), 41);
        }
    }
}

package org.recoup.app.agency;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: agencies with open placements and the scorecard, with the forms supervisors use to place a case, place by rule
 * and recall a placement (the same {@link Placements} calls as the API; the API's problem is shown next to its field);
 * the commission statement (agency users: their own).
 */
@Hidden
@Controller
class AgencyPages {

    private final Agencies agencies;
    private final Placements placements;
    private final Commissions commissions;
    private final CaseScope scope;
    private final Clock clock;
    private final MessageSource messages;
    private final PlacementRules rules;

    AgencyPages(Agencies agencies, Placements placements, Commissions commissions, CaseScope scope, Clock clock,
                MessageSource messages, PlacementRules rules) {
        this.rules = rules;
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
        Actor actor = scope.current().orElse(null);
        model.addAttribute("manager", actor != null && (actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR));
        model.addAttribute("activeAgencies", agencies.list().stream().filter(Agencies.Agency::active).toList());
        model.addAttribute("placementTable", p.build());
        model.addAttribute("today", LocalDate.now(clock.withZone(rulesZone())));
        model.addAttribute("nav", "recovery");
        model.addAttribute("title", msg(locale, "agency.page.title"));
        model.addAttribute("heading", msg(locale, "agency.page.title"));
        model.addAttribute("tables", List.of(a.build()));
        model.addAttribute("scorecardTables", List.of(scorecard));
        model.addAttribute("noDownloads", List.of());
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
        model.addAttribute("heading", msg(locale, "agency.statement.title"));
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

    @PostMapping("/ui/agencies/placements")
    String place(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt("place", List.of("caseId", "agencyId", "termDays", "reason"), form, redirect, () -> {
            String caseId = trimmed(form.get("caseId"));
            if (caseId == null) {
                throw ApiProblem.badRequest("INVALID_PLACEMENT", "caseId", "caseId is required");
            }
            String term = trimmed(form.get("termDays"));
            int termDays;
            try {
                termDays = Integer.parseInt(term == null ? "" : term);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("INVALID_PLACEMENT", "termDays", "termDays must be a whole number of days, was '"
                        + (term == null ? "" : term) + "'");
            }
            Placements.Placement pl = placements.place(actor(), caseId, trimmed(form.get("agencyId")), termDays,
                    form.get("reason"), null);
            return List.of(pl.placementId() + " " + pl.caseId() + " → " + pl.agencyId());
        });
    }

    @PostMapping("/ui/agencies/placements/by-rule")
    String placeByRule(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt("rule", List.of("asOf"), form, redirect, () -> {
            LocalDate asOf = date("INVALID_PLACEMENT", "asOf", form.get("asOf"));
            return placements.placeByRules(actor(), asOf, null).stream()
                    .map(pl -> pl.placementId() + " " + pl.caseId() + " → " + pl.agencyId()).toList();
        });
    }

    @PostMapping("/ui/agencies/placements/{placementId}/recall")
    String recall(@PathVariable long placementId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt("recall-" + placementId, List.of("reason"), form, redirect, () -> {
            Placements.Placement pl = placements.recall(actor(), placementId, form.get("reason"));
            return List.of(pl.placementId() + " " + pl.caseId());
        });
    }

    private static final java.util.Set<String> ID_FORMS = java.util.Set.of("place");

    /** Runs a form's action; on an API problem, flashes it with the form and the entered values and goes back. */
    private String attempt(String formName, List<String> fields, Map<String, String> form, RedirectAttributes redirect,
                           java.util.function.Supplier<List<String>> action) {
        try {
            List<String> done = action.get();
            redirect.addFlashAttribute("okKey", "agency.ui.done." + formName.replaceAll("-\\d+$", ""));
            redirect.addFlashAttribute("okItems", done);
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
        return "redirect:/ui/agencies";
    }

    static LocalDate date(String code, String field, String value) {
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

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private java.time.ZoneId rulesZone() {
        return rules.current().zoneId();
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

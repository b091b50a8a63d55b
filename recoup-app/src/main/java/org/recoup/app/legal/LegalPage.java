package org.recoup.app.legal;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.document.Documents;
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
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /ui/legal}: legal matters, upcoming deadlines and the limitation warning list (each table downloadable as XLSX
 * or CSV); {@code /ui/legal/matters/{id}}: one matter with its steps, costs and documents and the supervisor's forms.
 */
@Hidden
@Controller
class LegalPage {

    private final LegalMatters matters;
    private final Limitations limitations;
    private final Documents documents;
    private final CaseScope scope;
    private final MessageSource messages;
    private final Clock clock;

    LegalPage(LegalMatters matters, Limitations limitations, Documents documents, CaseScope scope,
              MessageSource messages, Clock clock) {
        this.matters = matters;
        this.limitations = limitations;
        this.documents = documents;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    @Configuration
    static class Menu {
        @Bean
        MenuEntry legalMenu() {
            return new MenuEntry(MenuEntry.RECOVERY, "legal.menu", "/ui/legal",
                    List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "AGENT", "COMPLIANCE"), 30);
        }
    }

    @GetMapping("/ui/legal")
    String page(@RequestParam(required = false) LocalDate asOf, Model model, Locale locale) {
        Actor actor = actor();
        LocalDate day = day(asOf);
        model.addAttribute("nav", "recovery");
        model.addAttribute("asOf", day);
        model.addAttribute("matters", matters.list(actor, null));
        model.addAttribute("deadlines", deadlines(actor, day, locale));
        model.addAttribute("warnings", warnings(actor, day, locale));
        model.addAttribute("collector", actor.role() != Role.COMPLIANCE && actor.role() != Role.AGENCY);
        return "legal/legal";
    }

    @GetMapping("/ui/legal/limitations")
    ResponseEntity<byte[]> limitationDownload(@RequestParam(required = false) LocalDate asOf,
                                              @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        LocalDate day = day(asOf);
        return TableExports.download(TableExports.Format.of(format), "limitation-warnings-" + day,
                warnings(actor(), day, locale));
    }

    @GetMapping("/ui/legal/deadlines")
    ResponseEntity<byte[]> deadlineDownload(@RequestParam(required = false) LocalDate asOf,
                                            @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        LocalDate day = day(asOf);
        return TableExports.download(TableExports.Format.of(format), "legal-deadlines-" + day,
                deadlines(actor(), day, locale));
    }

    @GetMapping("/ui/legal/matters/{matterId}")
    String matter(@PathVariable String matterId, Model model) {
        Actor actor = actor();
        MatterView m = matters.find(actor, matterId);
        model.addAttribute("nav", "recovery");
        model.addAttribute("m", m);
        model.addAttribute("approver", actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR);
        model.addAttribute("documents", documents.forCase(m.caseId()));
        model.addAttribute("steps", List.of("LAWYER_LETTER", "MEDIATION", "LAWSUIT", "JUDGMENT", "ENFORCEMENT"));
        return "legal/matter";
    }

    @PostMapping("/ui/legal/matters")
    String start(@RequestParam String caseId, @RequestParam(required = false) String accountId,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            MatterView m = matters.start(actor(), caseId.strip(), new LegalMatters.NewMatter(accountId, reason));
            redirect.addFlashAttribute("okKey", "legal.saved");
            return "redirect:/ui/legal/matters/" + m.matterId();
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
            redirect.addFlashAttribute("errorField", problem.field());
            return "redirect:/ui/legal";
        }
    }

    @PostMapping("/ui/legal/matters/{matterId}/decision")
    String decide(@PathVariable String matterId, @RequestParam String decision,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return attempt(matterId, redirect, () -> matters.decide(actor(), matterId, new LegalMatters.Decision(decision, note)));
    }

    @PostMapping("/ui/legal/matters/{matterId}/steps")
    String step(@PathVariable String matterId, @RequestParam String step, @RequestParam(required = false) LocalDate date,
                @RequestParam(required = false) String court, @RequestParam(required = false) String courtCaseNumber,
                @RequestParam(required = false) LocalDate nextDeadline,
                @RequestParam(required = false) String deadlineNote,
                @RequestParam(required = false) String costDescription,
                @RequestParam(required = false) BigDecimal costAmount,
                @RequestParam(required = false) String costCurrency,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        List<LegalMatters.NewCost> costs = costAmount == null ? List.of()
                : List.of(new LegalMatters.NewCost(costDescription, costAmount, costCurrency));
        return attempt(matterId, redirect, () -> matters.addStep(actor(), matterId, new LegalMatters.NewStep(step, date,
                court, courtCaseNumber, nextDeadline, deadlineNote, note, costs, null)));
    }

    private String attempt(String matterId, RedirectAttributes redirect, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("okKey", "legal.saved");
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
            redirect.addFlashAttribute("errorField", problem.field());
        }
        return "redirect:/ui/legal/matters/" + matterId;
    }

    private Table warnings(Actor actor, LocalDate day, Locale locale) {
        return LimitationTable.warnings(limitations.warnings(actor, day), day,
                key -> messages.getMessage(key, null, key, locale));
    }

    private Table deadlines(Actor actor, LocalDate day, Locale locale) {
        return LimitationTable.deadlines(matters.deadlines(actor, day, 30), day,
                key -> messages.getMessage(key, null, key, locale));
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock.withZone(LegalController.BUSINESS_ZONE));
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null,
                "sign in first"));
    }
}

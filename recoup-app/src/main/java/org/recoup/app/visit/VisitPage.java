package org.recoup.app.visit;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.app.web.MenuEntry;
import org.recoup.engine.debt.PaymentChannel;
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
 * {@code /ui/visits}: the visits in the user's scope with the supervisor's approval form, the agent's request form and
 * the staff's report form, and a team's route list for a day. Forms post and redirect (303) with a message.
 */
@Hidden
@Controller
class VisitPage {

    private final Visits visits;
    private final CaseScope scope;
    private final Clock clock;

    VisitPage(Visits visits, CaseScope scope, Clock clock) {
        this.visits = visits;
        this.scope = scope;
        this.clock = clock;
    }

    @Configuration
    static class Menu {
        @Bean
        MenuEntry visitMenu() {
            return new MenuEntry(MenuEntry.RECOVERY, "visit.menu", "/ui/visits",
                    List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "AGENT", "AGENCY"), 20);
        }
    }

    @GetMapping("/ui/visits")
    String page(@RequestParam(required = false) String team, @RequestParam(required = false) LocalDate day,
                @RequestParam(required = false) String status, Model model) {
        Actor actor = actor();
        String routeTeam = team != null && !team.isBlank() ? team : actor.team();
        LocalDate routeDay = day != null ? day : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
        model.addAttribute("nav", "recovery");
        model.addAttribute("visits", visits.list(actor, status == null || status.isBlank() ? null : status, 200));
        model.addAttribute("status", status);
        model.addAttribute("approver", actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR);
        model.addAttribute("me", actor.username());
        model.addAttribute("team", routeTeam);
        model.addAttribute("day", routeDay);
        model.addAttribute("route", routeTeam == null ? List.of() : visits.route(actor, routeTeam, routeDay));
        model.addAttribute("outcomes", Visits.OUTCOMES);
        model.addAttribute("channels", PaymentChannel.values());
        return "visit/visits";
    }

    @PostMapping("/ui/visits")
    String request(@RequestParam String caseId, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                   RedirectAttributes redirect) {
        return attempt(redirect, "visit.requested", () -> visits.request(actor(), caseId.strip(),
                new Visits.NewRequest(null, null, null, reason, lat, lon), null));
    }

    @PostMapping("/ui/visits/{visitId}/decision")
    String decide(@PathVariable String visitId, @RequestParam String decision,
                  @RequestParam(required = false) LocalDateTime scheduledAt,
                  @RequestParam(required = false) String staff, @RequestParam(required = false) String team,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return attempt(redirect, "visit.decided", () -> {
            Actor actor = actor();
            ZoneId zone = visits.zoneOf(actor, visitId);
            List<String> names = staff == null ? List.of()
                    : Arrays.stream(staff.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
            return visits.decide(actor, visitId, new Visits.Decision(decision,
                    scheduledAt == null ? null : scheduledAt.atZone(zone).toOffsetDateTime(), names, team, note));
        });
    }

    @PostMapping("/ui/visits/{visitId}/report")
    String report(@PathVariable String visitId, @RequestParam(required = false) LocalDateTime visitedAt,
                  @RequestParam(required = false) String met, @RequestParam(required = false) String metDescription,
                  @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) BigDecimal promiseAmount,
                  @RequestParam(required = false) LocalDate promiseDueDate,
                  @RequestParam(required = false) PaymentChannel promiseChannel,
                  @RequestParam(required = false) String noCash,
                  @RequestParam(required = false) String evidenceSha256,
                  @RequestParam(required = false) String evidenceName,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return attempt(redirect, "visit.reported", () -> {
            Actor actor = actor();
            ZoneId zone = visits.zoneOf(actor, visitId);
            List<Visits.NewEvidence> evidence = new ArrayList<>();
            if (evidenceSha256 != null && !evidenceSha256.isBlank()) {
                evidence.add(new Visits.NewEvidence(evidenceSha256.strip(), evidenceName, "PHOTO", null));
            }
            Visits.NewPromise promise = promiseAmount == null ? null
                    : new Visits.NewPromise(promiseAmount, promiseDueDate, promiseChannel);
            return visits.report(actor, visitId, new Visits.NewReport(
                    visitedAt == null ? null : visitedAt.atZone(zone).toOffsetDateTime(), met, null,
                    metDescription, outcome, promise, noCash == null ? null : Boolean.FALSE, evidence, note));
        });
    }

    private static String attempt(RedirectAttributes redirect, String okKey, java.util.function.Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("okKey", okKey);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
            redirect.addFlashAttribute("errorField", problem.field());
        }
        return "redirect:/ui/visits";
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null,
                "sign in first"));
    }
}

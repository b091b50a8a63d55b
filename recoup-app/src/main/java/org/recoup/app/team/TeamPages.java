package org.recoup.app.team;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.web.MenuEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team pages: teams and members ({@code /ui/teams}), targets ({@code /ui/targets}), escalations. */
@Hidden // UI, not part of the public API document
@Controller
class TeamPages {

    private final TeamDirectory directory;
    private final Escalations escalations;
    private final Targets targets;
    private final CaseScope scope;
    private final MessageSource messages;
    private final java.time.Clock clock;

    TeamPages(TeamDirectory directory, Escalations escalations, Targets targets, CaseScope scope,
              MessageSource messages, java.time.Clock clock) {
        this.directory = directory;
        this.escalations = escalations;
        this.targets = targets;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static MenuEntry teamsMenu() {
        return new MenuEntry(MenuEntry.ANALYTICS, "teams.menu.teams", "/ui/teams",
                List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD"), 50);
    }

    @Bean
    static MenuEntry targetsMenu() {
        return new MenuEntry(MenuEntry.ANALYTICS, "teams.menu.targets", "/ui/targets",
                List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD"), 51);
    }

    @Bean
    static MenuEntry escalationsMenu() {
        return new MenuEntry(MenuEntry.RECOVERY, "teams.menu.escalations", "/ui/escalations",
                List.of("ADMIN", "SUPERVISOR"), 50);
    }

    @GetMapping("/ui/teams")
    String teams(Model model) {
        Actor actor = TeamController.actor(scope);
        model.addAttribute("nav", "analytics");
        model.addAttribute("teams", directory.teams(actor));
        return "team/teams";
    }

    /** A member's skills and capacity from the teams page (comma-separated lists); errors come back as a message. */
    @PostMapping("/ui/teams/members/{username}/profile")
    String saveProfile(@PathVariable String username, @RequestParam(required = false) String languages,
                       @RequestParam(required = false) String products, @RequestParam(required = false) String capacity,
                       RedirectAttributes redirect) {
        Actor actor = TeamController.actor(scope);
        try {
            Integer cap;
            try {
                cap = capacity == null || capacity.isBlank() ? null : Integer.valueOf(capacity.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("INVALID_PROFILE", "capacity", "capacity must be a whole number");
            }
            directory.saveProfile(actor, username, new TeamDirectory.ProfileRequest(
                    TeamDirectory.split(languages), TeamDirectory.split(products), cap));
            redirect.addFlashAttribute("saved", username);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("error", username + ": " + problem.getMessage());
        }
        return "redirect:/ui/teams";
    }

    @GetMapping("/ui/targets")
    String targets(@RequestParam(required = false) String month, @RequestParam(required = false) String format,
                   Locale locale, Model model, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Actor actor = TeamController.actor(scope);
        YearMonth m = month == null || month.isBlank() ? YearMonth.now(clock) : Targets.month(month, "month");
        Table table = targets.progress(actor, m, TeamController.labels(messages, locale));
        if (format != null) {
            ResponseEntity<byte[]> download = TableExports.download(TableExports.Format.of(format), "targets-" + m, table);
            download.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.getOutputStream().write(download.getBody());
            return null;
        }
        model.addAttribute("nav", "analytics");
        model.addAttribute("month", m.toString());
        model.addAttribute("table", table);
        return "team/targets";
    }

    @GetMapping("/ui/escalations")
    String escalations(@RequestParam(required = false) String status, Model model) {
        Actor actor = TeamController.actor(scope);
        model.addAttribute("nav", "recovery");
        model.addAttribute("status", status == null ? "OPEN" : status);
        model.addAttribute("escalations", escalations.list(actor, status));
        return "team/escalations";
    }

    @PostMapping("/ui/escalations/{id}/resolution")
    String resolve(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String agent,
                   @RequestParam(required = false) String team, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        Actor actor = TeamController.actor(scope);
        try {
            escalations.resolve(actor, id, new Escalations.ResolveRequest(action, agent, team, note));
            redirect.addFlashAttribute("resolved", id);
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:/ui/escalations";
    }
}

package org.recoup.app.queue;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.engine.delinquency.Band;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The agent's home ({@code /ui/queue}: the case they hold, what waits for them, filters and the big "Next case" button,
 * shortcut {@code n}) and the supervisors' queue depth per team ({@code /ui/queue/teams}). Actions are htmx: "next
 * case" answers {@code HX-Redirect} to the case page (a plain form post gets a 303).
 */
@Hidden // UI, not part of the public API document
@Controller
class QueuePage {

    private final WorkQueue queue;
    private final CaseScope scope;
    private final DelinquencyPolicies delinquency;
    private final Clock clock;

    QueuePage(WorkQueue queue, CaseScope scope, DelinquencyPolicies delinquency, Clock clock) {
        this.queue = queue;
        this.scope = scope;
        this.delinquency = delinquency;
        this.clock = clock;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    @GetMapping("/ui/queue")
    String home(@RequestParam(required = false) String stage, @RequestParam(required = false) String segment,
                @RequestParam(required = false) String empty, Model model) {
        Actor actor = QueueController.actor(scope);
        Instant now = clock.instant();
        boolean works = !WorkQueue.pools(actor).isEmpty();
        model.addAttribute("nav", "queue");
        model.addAttribute("works", works);
        model.addAttribute("supervises", supervises(actor));
        model.addAttribute("held", works ? queue.held(actor, now).orElse(null) : null);
        model.addAttribute("waiting", queue.waitingFor(actor, now, zone()));
        model.addAttribute("stages", delinquency.current().stages().stream().map(Band::name).toList());
        model.addAttribute("segments", List.of("A", "B", "C"));
        model.addAttribute("stage", stage);
        model.addAttribute("segment", segment);
        model.addAttribute("empty", empty != null);
        return "queue/home";
    }

    @PostMapping("/ui/queue/next")
    ModelAndView next(@RequestParam(required = false) String stage, @RequestParam(required = false) String segment,
                @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
                Model model) {
        Actor actor = QueueController.actor(scope);
        Optional<WorkQueue.NextCase> next = queue.next(actor, new WorkQueue.Filter(stage, segment), clock.instant());
        if (next.isPresent()) {
            String target = "/ui/cases/" + next.get().caseId();
            return htmx != null ? htmxRedirect(response, target) : seeOther(target);
        }
        return htmx != null ? new ModelAndView("queue/home :: empty-queue") : seeOther("/ui/queue?empty=1");
    }

    @PostMapping("/ui/cases/{caseId}/release")
    ModelAndView release(@PathVariable String caseId, @RequestHeader(name = "HX-Request", required = false) String htmx,
                   HttpServletResponse response) {
        queue.release(QueueController.actor(scope), caseId, clock.instant());
        return htmx != null ? htmxRedirect(response, "/ui/queue") : seeOther("/ui/queue");
    }

    /** Activity on the case page renews the lock (the workbench page posts here, e.g. with hx-trigger="every 5m"). */
    @PostMapping("/ui/queue/locks/{caseId}")
    String renew(@PathVariable String caseId, Model model) {
        Instant until = queue.renew(QueueController.actor(scope), caseId, clock.instant())
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "NOT_LOCKED", null,
                        "you do not hold case " + caseId + " any more"));
        model.addAttribute("lockedUntil", until);
        return "queue/home :: lock";
    }

    @GetMapping("/ui/queue/teams")
    String teams(Model model) {
        Actor actor = QueueController.actor(scope);
        if (!supervises(actor)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                    "queue depth is for supervisors, team leads and administrators");
        }
        model.addAttribute("nav", "queue");
        model.addAttribute("teams", queue.depth(actor, clock.instant(), zone()));
        return "queue/teams";
    }

    private static ModelAndView htmxRedirect(HttpServletResponse response, String target) {
        response.setHeader("HX-Redirect", target);
        return new ModelAndView("queue/home :: nothing");
    }

    private static ModelAndView seeOther(String target) {
        RedirectView redirect = new RedirectView(target, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    private static boolean supervises(Actor actor) {
        return switch (actor.role()) {
            case ADMIN, SUPERVISOR, TEAM_LEAD -> true;
            default -> false;
        };
    }
}

package org.recoup.app.strategy;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.strategy.StrategyDocument;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The strategy editor: list strategies and versions, open a version's YAML in a text area, validate it (htmx, errors
 * with rule and line), save it as a new draft, activate a version; experiments and their per-arm reports.
 */
@Hidden // UI, not part of the public API document
@Controller
class StrategyPageController {

    private final StrategyVersions versions;
    private final StrategyExperiments experiments;
    private final ExperimentReports reports;

    StrategyPageController(StrategyVersions versions, StrategyExperiments experiments, ExperimentReports reports) {
        this.versions = versions;
        this.experiments = experiments;
        this.reports = reports;
    }

    @GetMapping("/ui/strategies")
    String list(Model model) {
        model.addAttribute("nav", "strategies");
        model.addAttribute("strategies", versions.list());
        model.addAttribute("experiments", experiments.list());
        return "strategy/strategies";
    }

    @GetMapping("/ui/strategies/{id}/versions/{version}")
    String editor(@PathVariable String id, @PathVariable int version, @RequestParam(required = false) String done,
                  Model model, Authentication user) {
        StrategyVersion stored = versions.get(id, version);
        model.addAttribute("yaml", versions.yaml(id, version));
        model.addAttribute("done", done);
        return editorPage(model, stored, user);
    }

    @PostMapping("/ui/strategies/validate")
    String validate(@RequestParam(defaultValue = "") String yaml, Model model) {
        check(yaml, model);
        return "strategy/editor :: check";
    }

    @PostMapping("/ui/strategies/{id}/versions")
    String saveDraft(@PathVariable String id, @RequestParam(defaultValue = "") String yaml,
                     @RequestParam(required = false) String note, @RequestParam int from, Model model,
                     Authentication user, HttpServletResponse response) {
        try {
            StrategyVersion saved = versions.saveDraft(id, yaml, note, user.getName());
            return "redirect:/ui/strategies/" + enc(id) + "/versions/" + saved.version() + "?done=saved";
        } catch (InvalidStrategyException e) {
            response.setStatus(422);
            model.addAttribute("yaml", yaml);
            model.addAttribute("note", note);
            model.addAttribute("errors", e.errors());
            return editorPage(model, versions.get(id, from), user);
        }
    }

    @PostMapping("/ui/strategies/{id}/versions/{version}/activate")
    String activate(@PathVariable String id, @PathVariable int version, Principal principal) {
        versions.activate(id, version, principal.getName());
        return "redirect:/ui/strategies/" + enc(id) + "/versions/" + version + "?done=activated";
    }

    @GetMapping("/ui/experiments/{id}")
    String experiment(@PathVariable String id, Model model) {
        model.addAttribute("nav", "strategies");
        model.addAttribute("experiment", experiments.get(id));
        model.addAttribute("report", reports.report(id));
        return "strategy/experiment";
    }

    private String editorPage(Model model, StrategyVersion stored, Authentication user) {
        model.addAttribute("nav", "strategies");
        model.addAttribute("version", stored);
        model.addAttribute("canWrite", user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_SUPERVISOR")));
        model.addAttribute("versions", versions.list().getOrDefault(stored.strategyId(), List.of()));
        return "strategy/editor";
    }

    private void check(String yaml, Model model) {
        try {
            StrategyDocument document = versions.validate(yaml);
            model.addAttribute("valid", true);
            model.addAttribute("ruleCount", document.rules().size());
            model.addAttribute("errors", List.of());
        } catch (InvalidStrategyException e) {
            model.addAttribute("valid", false);
            model.addAttribute("errors", e.errors());
        } catch (ApiProblem e) {
            model.addAttribute("valid", false);
            model.addAttribute("errors", List.of(new StrategyError(null, 1, e.code(), e.getMessage())));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

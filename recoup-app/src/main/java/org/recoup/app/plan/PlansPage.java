package org.recoup.app.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.web.MenuEntry;
import org.recoup.engine.plan.PlanTerms;
import org.recoup.engine.plan.PlanType;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plans pages: all plans of the user's scope ({@code /ui/plans}, downloadable), the approval queue
 * ({@code /ui/plans/approvals}) with approve/reject, one plan with its schedule and history, and a case's plans with a
 * form to propose one ({@code /ui/cases/{caseId}/plans}).
 */
@Controller
class PlansPage {

    static final List<String> STATUSES = List.of("PENDING_APPROVAL", "ACTIVE", "COMPLETED", "BROKEN", "REVERTED", "REJECTED");

    private final Plans plans;
    private final CaseScope scope;
    private final MessageSource messages;

    PlansPage(Plans plans, CaseScope scope, MessageSource messages) {
        this.plans = plans;
        this.scope = scope;
        this.messages = messages;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuEntry plansMenuEntry() {
            return new MenuEntry(MenuEntry.RECOVERY, "plans.menu", "/ui/plans",
                    List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "AGENT", "COMPLIANCE"), 10);
        }

        @Bean
        MenuEntry planApprovalsMenuEntry() {
            return new MenuEntry(MenuEntry.RECOVERY, "plans.approvals.menu", "/ui/plans/approvals",
                    List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "AGENT"), 11);
        }
    }

    @GetMapping("/ui/plans")
    Object list(@RequestParam(required = false) String status, @RequestParam(required = false) String format,
                Model model, Locale locale) {
        String s = status != null && STATUSES.contains(status) ? status : null;
        List<PlanView> list = plans.list(actor(), s, 500);
        Table table = table(list, locale);
        if (format != null && !format.isBlank()) {
            return TableExports.download(TableExports.Format.of(format), "plans", table);
        }
        model.addAttribute("nav", "recovery");
        model.addAttribute("status", s);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("plans", list);
        model.addAttribute("suggestions", plans.suggestions(actor(), 7, 50));
        return "plan/plans";
    }

    Table table(List<PlanView> list, Locale locale) {
        Table.Builder b = Table.titled(msg("plans.title", locale))
                .column("planId", msg("plans.col.plan", locale), Table.Kind.TEXT)
                .column("caseId", msg("plans.col.case", locale), Table.Kind.TEXT)
                .column("accountId", msg("plans.col.account", locale), Table.Kind.TEXT)
                .column("type", msg("plans.col.type", locale), Table.Kind.TEXT)
                .column("status", msg("plans.col.status", locale), Table.Kind.TEXT)
                .column("balance", msg("plans.col.balance", locale), Table.Kind.AMOUNT)
                .column("waived", msg("plans.col.waived", locale), Table.Kind.AMOUNT)
                .column("instalments", msg("plans.col.instalments", locale), Table.Kind.INTEGER)
                .column("requiredLevel", msg("plans.col.level", locale), Table.Kind.TEXT)
                .column("proposedBy", msg("plans.col.proposedBy", locale), Table.Kind.TEXT)
                .column("proposedOn", msg("plans.col.proposedOn", locale), Table.Kind.DATE)
                .column("decidedBy", msg("plans.col.decidedBy", locale), Table.Kind.TEXT);
        for (PlanView p : list) {
            b.row(p.planId(), p.caseId(), p.accountId(), p.type(), p.status(), p.balance(), p.waived(),
                    p.planInstalments(), p.requiredLevel(), p.proposedBy(), p.proposedOn(), p.decidedBy());
        }
        return b.build();
    }

    @GetMapping("/ui/plans/approvals")
    String approvals(Model model) {
        Actor actor = actor();
        model.addAttribute("nav", "recovery");
        model.addAttribute("level", Plans.levelOf(actor).orElse(null));
        model.addAttribute("plans", plans.approvalQueue(actor));
        return "plan/approvals";
    }

    @GetMapping("/ui/plans/{planId}")
    String plan(@PathVariable String planId, Model model) {
        Actor actor = actor();
        PlanView plan = plans.view(planId, actor).orElseThrow(NotFound::new);
        model.addAttribute("nav", "recovery");
        model.addAttribute("plan", plan);
        model.addAttribute("mayDecide", plan.status().equals("PENDING_APPROVAL") && Plans.isApprover(actor)
                && !plan.proposedBy().equals(actor.username()));
        return "plan/plan";
    }

    @PostMapping("/ui/plans/{planId}/approve")
    String approve(@PathVariable String planId, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return decide(planId, flash, () -> plans.approve(planId, note, actor()), "plans.flash.approved");
    }

    @PostMapping("/ui/plans/{planId}/reject")
    String reject(@PathVariable String planId, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return decide(planId, flash, () -> plans.reject(planId, note, actor()), "plans.flash.rejected");
    }

    private String decide(String planId, RedirectAttributes flash, Runnable action, String doneKey) {
        try {
            action.run();
            flash.addFlashAttribute("flashKey", doneKey);
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw pageError(problem);
            }
            flash.addFlashAttribute("error", problem.code() + ": " + problem.getMessage());
        }
        return "redirect:/ui/plans/" + planId;
    }

    @GetMapping("/ui/cases/{caseId}/plans")
    String casePlans(@PathVariable String caseId, Model model) {
        Actor actor = actor();
        model.addAttribute("nav", "recovery");
        model.addAttribute("caseId", caseId);
        try {
            model.addAttribute("plans", plans.forCase(caseId, actor));
        } catch (ApiProblem problem) {
            throw pageError(problem);
        }
        model.addAttribute("accounts", plans.accountsOfCase(caseId));
        model.addAttribute("types", PlanType.values());
        model.addAttribute("mayPropose", Plans.levelOf(actor).isPresent());
        return "plan/case-plans";
    }

    @PostMapping("/ui/cases/{caseId}/plans")
    String propose(@PathVariable String caseId, @RequestParam String accountId, @RequestParam PlanType type,
                   @RequestParam String reason, @RequestParam(required = false) PlanTerms.Scope scope,
                   @RequestParam(required = false) Integer instalments,
                   @RequestParam(required = false) LocalDate firstDueDate,
                   @RequestParam(required = false) BigDecimal settlementAmount,
                   @RequestParam(required = false) LocalDate payBy,
                   @RequestParam(required = false) Boolean waiveInterest,
                   @RequestParam(required = false) Boolean waivePenalty,
                   RedirectAttributes flash) {
        try {
            if (reason == null || reason.isBlank()) {
                throw ApiProblem.badRequest("INVALID_PLAN_TERMS", "reason", "a reason is required");
            }
            PlanView plan = plans.propose(caseId, new PlanRequest(accountId, type, reason, scope, instalments,
                    firstDueDate, settlementAmount, payBy, waiveInterest, waivePenalty), null, actor()).plan();
            flash.addFlashAttribute("flashKey", "plans.flash.proposed");
            return "redirect:/ui/plans/" + plan.planId();
        } catch (ApiProblem problem) {
            if (problem.status().value() == 404) {
                throw pageError(problem);
            }
            flash.addFlashAttribute("error", problem.code() + (problem.field() == null ? "" : " (" + problem.field()
                    + ")") + ": " + problem.getMessage());
            return "redirect:/ui/cases/" + caseId + "/plans";
        }
    }

    /** Out of scope or unknown: the same 404 page. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("no such plan or case");
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NotFound.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private static RuntimeException pageError(ApiProblem problem) {
        return problem.status().value() == 404 ? new NotFound() : problem;
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new AccessDeniedException("not a Recoup user"));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

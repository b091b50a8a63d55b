package org.recoup.app.workbench;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.script.ScriptKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The case 360 page {@code /ui/cases/{caseId}} (zh-CN and English): preparation panel, guided script, the outcome
 * form with the calls the gate allows now, "already paid" claims, and every list of the case. Actions are htmx posts
 * answering fragments; nothing reloads the page.
 */
@Hidden // UI, not part of the public API document
@Controller
class CasePage {

    private final CaseAccess access;
    private final CaseFiles files;
    private final CaseScripts scripts;
    private final ContactOptions options;
    private final Outcomes outcomes;
    private final PaymentClaims claims;

    CasePage(CaseAccess access, CaseFiles files, CaseScripts scripts, ContactOptions options, Outcomes outcomes,
             PaymentClaims claims) {
        this.access = access;
        this.files = files;
        this.scripts = scripts;
        this.options = options;
        this.outcomes = outcomes;
        this.claims = claims;
    }

    /** Out of scope or unknown: the same 404 page. */
    static final class CaseNotFound extends RuntimeException {
        CaseNotFound() {
            super("no such case");
        }
    }

    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private Actor actorFor(String caseId) {
        try {
            return access.requireCase(caseId);
        } catch (ApiProblem p) {
            if (p.status() == HttpStatus.NOT_FOUND) {
                throw new CaseNotFound();
            }
            throw p;
        }
    }

    private CaseFile file(String caseId, Actor actor) {
        return files.load(caseId, actor.seesContactValues()).orElseThrow(CaseNotFound::new);
    }

    @GetMapping("/ui/cases/{caseId}")
    String page(@PathVariable String caseId, @RequestParam(required = false) String script, Locale locale, Model model) {
        Actor actor = actorFor(caseId);
        CaseFile file = file(caseId, actor);
        String scriptId = script != null && scripts.library().contains(script) ? script : scripts.recommended(file);
        model.addAttribute("nav", "queue");
        model.addAttribute("file", file);
        model.addAttribute("actor", actor);
        model.addAttribute("options", options.now(file));
        model.addAttribute("dispositions", DispositionCode.values());
        model.addAttribute("paymentChannels", PaymentChannel.values());
        model.addAttribute("offeredChannels", CaseScripts.OFFERED);
        model.addAttribute("clientKey", UUID.randomUUID().toString());
        model.addAttribute("claimKey", UUID.randomUUID().toString());
        model.addAttribute("canRecord", actor.role() != Role.COMPLIANCE);
        model.addAttribute("canVerify", actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMIN);
        model.addAttribute("flows", scripts.ids(ScriptKind.FLOW));
        model.addAttribute("treatments", scripts.ids(ScriptKind.TREATMENT));
        model.addAttribute("situations", scripts.ids(ScriptKind.SITUATION));
        model.addAttribute("techniques", scripts.ids(ScriptKind.TECHNIQUE));
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        String language = org.recoup.engine.script.ScriptLibrary.language(locale);
        scripts.library().ids().forEach(id -> titles.put(id, scripts.library().script(id, language).orElseThrow().title()));
        model.addAttribute("scriptTitles", titles);
        addScript(model, file, scriptId, locale, actor);
        return "workbench/case";
    }

    @GetMapping("/ui/cases/{caseId}/script")
    String script(@PathVariable String caseId, @RequestParam("script") String scriptId, Locale locale, Model model) {
        Actor actor = actorFor(caseId);
        CaseFile file = file(caseId, actor);
        if (!scripts.library().contains(scriptId)) {
            throw new CaseNotFound();
        }
        model.addAttribute("file", file);
        addScript(model, file, scriptId, locale, actor);
        return "workbench/case :: script";
    }

    private void addScript(Model model, CaseFile file, String scriptId, Locale locale, Actor actor) {
        model.addAttribute("scriptId", scriptId);
        model.addAttribute("script", scripts.filled(file, scriptId, locale, actor.username()).orElseThrow());
    }

    @PostMapping("/ui/cases/{caseId}/outcomes")
    String record(@PathVariable String caseId, @RequestParam String clientKey,
                  @RequestParam(required = false) String target, @RequestParam(required = false) String disposition,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String followUpAt,
                  @RequestParam(required = false) List<String> holds,
                  @RequestParam(required = false) List<String> ptpAmount,
                  @RequestParam(required = false) List<String> ptpDate,
                  @RequestParam(required = false) List<String> ptpChannel, Model model) {
        Actor actor = actorFor(caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("zone", file(caseId, actor).preparation().timeZone());
        try {
            if (target == null || target.split("\\|", -1).length != 3) {
                throw ApiProblem.badRequest("REQUIRED", "target", "choose the number you called");
            }
            String[] t = target.split("\\|", -1);
            DispositionCode code;
            try {
                code = DispositionCode.valueOf(disposition == null ? "" : disposition);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("REQUIRED", "disposition", "choose a disposition");
            }
            CaseFile file = file(caseId, actor);
            OutcomeRequest request = new OutcomeRequest(clientKey, t[0], t[1], t[2], null, code, note,
                    code == DispositionCode.PROMISE ? promises(ptpAmount, ptpDate, ptpChannel) : List.of(),
                    holds == null ? List.of() : holds.stream().map(OutcomeRequest.HoldKind::valueOf).toList(),
                    followUp(followUpAt, file));
            Outcomes.Result result = outcomes.record(caseId, actor, request);
            if (result.blocked() != null) {
                model.addAttribute("blocked", result.blocked());
                return "workbench/case :: outcome-result";
            }
            model.addAttribute("recorded", result.recorded());
            model.addAttribute("file", file(caseId, actor));
            model.addAttribute("oob", true);
            model.addAttribute("clientKey", UUID.randomUUID().toString());
            return "workbench/case :: outcome-recorded";
        } catch (Outcomes.NoteRefused refused) {
            model.addAttribute("findings", refused.findings());
            return "workbench/case :: outcome-result";
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw new CaseNotFound();
            }
            model.addAttribute("problem", problem);
            return "workbench/case :: outcome-result";
        }
    }

    @PostMapping("/ui/cases/{caseId}/claims")
    String claim(@PathVariable String caseId, @RequestParam String clientKey, @RequestParam String accountId,
                 @RequestParam(required = false) String paidAt, @RequestParam(required = false) String amount,
                 @RequestParam(required = false) String channel, @RequestParam(required = false) String reference,
                 Model model) {
        Actor actor = actorFor(caseId);
        try {
            CaseFile before = file(caseId, actor);
            PaymentClaims.ClaimRequest request = new PaymentClaims.ClaimRequest(clientKey, accountId,
                    dateTime(paidAt, before, "paidAt"), decimal(amount, "amount"),
                    channel == null || channel.isBlank() ? null : PaymentChannel.valueOf(channel), reference);
            model.addAttribute("claimed", claims.claim(caseId, actor, request));
            model.addAttribute("claimKey", UUID.randomUUID().toString());
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
        }
        model.addAttribute("file", file(caseId, actor));
        model.addAttribute("canVerify", actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMIN);
        return "workbench/case :: claims";
    }

    @PostMapping("/ui/claims/{claimId}/{decision:verify|reject}")
    String decide(@PathVariable String claimId, @PathVariable String decision,
                  @RequestParam(required = false) String reason, Model model) {
        String caseId = claims.caseOf(claimId).orElseThrow(CaseNotFound::new);
        Actor actor = actorFor(caseId);
        try {
            if (decision.equals("verify")) {
                claims.verify(claimId, actor);
            } else {
                claims.reject(claimId, actor, reason);
            }
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
        }
        model.addAttribute("file", file(caseId, actor));
        model.addAttribute("canVerify", actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMIN);
        model.addAttribute("claimKey", UUID.randomUUID().toString());
        return "workbench/case :: claims";
    }

    private static List<OutcomeRequest.PromiseInstalment> promises(List<String> amounts, List<String> dates,
                                                                   List<String> channels) {
        List<OutcomeRequest.PromiseInstalment> out = new ArrayList<>();
        int n = amounts == null ? 0 : amounts.size();
        for (int i = 0; i < n; i++) {
            String amount = amounts.get(i);
            String date = dates != null && i < dates.size() ? dates.get(i) : null;
            if ((amount == null || amount.isBlank()) && (date == null || date.isBlank())) {
                continue;
            }
            String channel = channels != null && i < channels.size() ? channels.get(i) : null;
            LocalDate due;
            try {
                due = date == null || date.isBlank() ? null : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("INVALID_DATE", "promises[" + i + "].dueDate", "instalment " + (i + 1)
                        + ": the date must be YYYY-MM-DD");
            }
            out.add(new OutcomeRequest.PromiseInstalment(decimal(amount, "promises[" + i + "].amount"), due,
                    channel == null || channel.isBlank() ? null : PaymentChannel.valueOf(channel)));
        }
        return out;
    }

    private static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, "the amount must be a decimal number like 500.00");
        }
    }

    /** A {@code datetime-local} value, read in the borrower's time zone (the page says so). */
    private static OffsetDateTime dateTime(String value, CaseFile file, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(CaseFiles.zone(file.preparation().timeZone())).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("INVALID_DATE_TIME", field, "the time must be YYYY-MM-DDTHH:MM");
        }
    }

    private static OffsetDateTime followUp(String value, CaseFile file) {
        return dateTime(value, file, "followUpAt");
    }
}

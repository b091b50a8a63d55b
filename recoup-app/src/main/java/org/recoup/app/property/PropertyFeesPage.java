package org.recoup.app.property;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The property fees page: billing import, collection-rate report with downloads, notices and their signed receipts. */
@Hidden // UI, not part of the public API document
@Controller
class PropertyFeesPage {

    private final BillingImport billing;
    private final FeeLedger ledger;
    private final Notices notices;
    private final CollectionRates rates;
    private final CaseScope scope;
    private final Clock clock;

    PropertyFeesPage(BillingImport billing, FeeLedger ledger, Notices notices, CollectionRates rates, CaseScope scope,
                     ObjectProvider<Clock> clock) {
        this.billing = billing;
        this.ledger = ledger;
        this.notices = notices;
        this.rates = rates;
        this.scope = scope;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/ui/property")
    String index(@RequestParam(required = false) String building,
                 @RequestParam(required = false) String periodFrom, @RequestParam(required = false) String periodTo,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 Model model) {
        Actor actor = actor();
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        model.addAttribute("nav", "recovery");
        model.addAttribute("asOf", date);
        model.addAttribute("building", building);
        model.addAttribute("periodFrom", periodFrom);
        model.addAttribute("periodTo", periodTo);
        model.addAttribute("tables", report(actor, building, periodFrom, periodTo, date));
        model.addAttribute("notices", notices.list(actor, null, building, null));
        model.addAttribute("mayImport", actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR);
        model.addAttribute("mayIssue", actor.role() != Role.COMPLIANCE);
        return "property/index";
    }

    @GetMapping("/ui/property/export")
    ResponseEntity<byte[]> export(@RequestParam String format, @RequestParam(required = false) String building,
                                  @RequestParam(required = false) String periodFrom,
                                  @RequestParam(required = false) String periodTo,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return TableExports.download(TableExports.Format.of(format), "collection-rate-" + date,
                report(actor(), building, periodFrom, periodTo, date).toArray(Table[]::new));
    }

    @PostMapping("/ui/property/imports")
    String importBills(@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes redirect)
            throws IOException {
        try {
            BillingImport.Result result = billing.run(file.getOriginalFilename(), file.getBytes(), principal.getName());
            redirect.addFlashAttribute("importResult", result);
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("importProblem", e.getMessage());
        }
        return "redirect:/ui/property";
    }

    @PostMapping("/ui/property/notices")
    String issue(@RequestParam String partyId, @RequestParam String building, @RequestParam String unit,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 Principal principal, RedirectAttributes redirect) {
        try {
            var issued = notices.issue(actor(), new Notices.Request(partyId, building, unit, asOf), null, principal.getName());
            return "redirect:/ui/documents/" + issued.notice().documentId();
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("noticeProblem", e.getMessage());
            return "redirect:/ui/property";
        }
    }

    @PostMapping("/ui/property/notices/{noticeId}/receipt")
    String receipt(@PathVariable String noticeId, @RequestParam("file") MultipartFile file,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                   Principal principal, RedirectAttributes redirect) throws IOException {
        try {
            notices.receipt(actor(), noticeId, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                    signedOn, principal.getName());
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("noticeProblem", e.getMessage());
        }
        return "redirect:/ui/property";
    }

    private List<Table> report(Actor actor, String building, String periodFrom, String periodTo, LocalDate date) {
        String from = periodFrom == null || periodFrom.isBlank() ? null : periodFrom.strip();
        String to = periodTo == null || periodTo.isBlank() ? null : periodTo.strip();
        return rates.report(ledger.bills(actor, new FeeLedger.Filter(building, null, null, from, to), date), date);
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "no user"));
    }
}

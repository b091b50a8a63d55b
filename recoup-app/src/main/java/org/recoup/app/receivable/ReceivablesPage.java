package org.recoup.app.receivable;

import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The receivables pages: customers with aging, risk and track, DSO/CEI; one customer with terms, statements, letters. */
@Hidden // UI, not part of the public API document
@Controller
class ReceivablesPage {

    private final ReceivableBook book;
    private final ReceivablePolicies policies;
    private final ReceivableTables tables;
    private final CustomerResponses responses;
    private final CustomerTerms terms;
    private final Statements statements;
    private final ReceivableReview review;
    private final CaseScope scope;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReceivablesPage(ReceivableBook book, ReceivablePolicies policies, ReceivableTables tables,
                    CustomerResponses responses, CustomerTerms terms, Statements statements, ReceivableReview review,
                    CaseScope scope, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.book = book;
        this.policies = policies;
        this.tables = tables;
        this.responses = responses;
        this.terms = terms;
        this.statements = statements;
        this.review = review;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/ui/receivables")
    String index(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Model model) {
        Actor actor = actor();
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        LocalDate end = to != null ? to : date;
        LocalDate start = from != null && !from.isAfter(end) ? from : end.withDayOfMonth(1);
        var views = book.customers(actor, date);
        model.addAttribute("nav", "recovery");
        model.addAttribute("asOf", date);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("views", views);
        model.addAttribute("customers", tables.customers(views, date, policies.current()));
        model.addAttribute("measures", tables.measures(book.measures(actor, null, start, end), "CNY"));
        model.addAttribute("mayReview", actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR);
        return "receivables/index";
    }

    @GetMapping("/ui/receivables/export")
    ResponseEntity<byte[]> export(@RequestParam String format,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Actor actor = actor();
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        LocalDate end = to != null ? to : date;
        LocalDate start = from != null && !from.isAfter(end) ? from : end.withDayOfMonth(1);
        return TableExports.download(TableExports.Format.of(format), "receivables-" + date,
                tables.customers(book.customers(actor, date), date, policies.current()),
                tables.measures(book.measures(actor, null, start, end), "CNY"));
    }

    @PostMapping("/ui/receivables/review")
    String review(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  Principal principal, RedirectAttributes redirect) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        var outcomes = review.review(date, principal.getName());
        redirect.addFlashAttribute("reviewed", outcomes.stream().filter(o -> "SENT".equals(o.reminder())).count());
        return "redirect:/ui/receivables?asOf=" + date;
    }

    @GetMapping("/ui/receivables/customers/{partyId}")
    String customer(@PathVariable String partyId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    Model model) {
        Actor actor = actor();
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        var view = book.customer(actor, partyId, date).orElseThrow(() -> ApiProblem.notFound("customer", partyId));
        boolean writer = actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR;
        model.addAttribute("nav", "recovery");
        model.addAttribute("c", responses.of(view, policies.current(), true));
        model.addAttribute("statements", jdbc.sql("SELECT document_id, filename FROM document WHERE case_id = ? AND kind = ? "
                        + "ORDER BY created_at DESC, document_id")
                .params("C-" + partyId, Statements.KIND)
                .query((rs, n) -> new DocumentLink(rs.getString(1), rs.getString(2))).list());
        model.addAttribute("mayEdit", writer);
        model.addAttribute("mayIssue", actor.role() != Role.COMPLIANCE);
        return "receivables/customer";
    }

    record DocumentLink(String documentId, String filename) {
    }

    @PostMapping("/ui/receivables/customers/{partyId}/terms")
    String changeTerms(@PathVariable String partyId, @RequestParam(required = false) String creditLimit,
                       @RequestParam(required = false) Integer paymentTermsDays, Principal principal,
                       RedirectAttributes redirect) {
        var view = book.customer(actor(), partyId, LocalDate.now(clock))
                .orElseThrow(() -> ApiProblem.notFound("customer", partyId));
        try {
            BigDecimal limit = creditLimit == null || creditLimit.isBlank() ? null : new BigDecimal(creditLimit.strip());
            terms.change(view.customer(), new CustomerTerms.Change(limit, paymentTermsDays), principal.getName());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "creditLimit: '" + creditLimit + "'");
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        return "redirect:/ui/receivables/customers/" + partyId;
    }

    @PostMapping("/ui/receivables/customers/{partyId}/statements")
    String statement(@PathVariable String partyId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     Principal principal) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        var view = book.customer(actor(), partyId, date).orElseThrow(() -> ApiProblem.notFound("customer", partyId));
        return "redirect:/ui/documents/" + statements.issue(view, principal.getName()).documentId();
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "no user"));
    }
}

package org.recoup.app.receivable;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.document.StoredDocument;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.engine.receivable.ReceivablePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** B2B receivables: customers (limits, terms, aging, risk class, track), statements, reminders, DSO/CEI, policy. */
@RestController
@Tag(name = "Receivables", description = "B2B customers: credit limits and terms, 账龄 aging, risk class, statements, "
        + "reminder letters by aging level, 文收/武收 tracks, DSO and CEI")
class ReceivableController {

    record ReviewRequest(LocalDate asOf) {
    }

    private final ReceivableBook book;
    private final ReceivablePolicies policies;
    private final CustomerTerms terms;
    private final Statements statements;
    private final ReceivableReview review;
    private final ReceivableTables tables;
    private final CaseScope scope;
    private final CustomerResponses responses;
        private final Clock clock;

    ReceivableController(ReceivableBook book, ReceivablePolicies policies, CustomerTerms terms, Statements statements,
                         ReceivableReview review, ReceivableTables tables, CaseScope scope, CustomerResponses responses,
                         ObjectProvider<Clock> clock) {
        this.book = book;
        this.policies = policies;
        this.terms = terms;
        this.statements = statements;
        this.review = review;
        this.tables = tables;
        this.scope = scope;
        this.responses = responses;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/v1/receivables/customers")
    @Operation(summary = "B2B customers in the caller's scope with aging, over-limit flag, risk class and track as of a date",
            description = "`?format=xlsx|csv` downloads the same table.")
    ResponseEntity<?> customers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @RequestParam(required = false) String format) {
        LocalDate date = date(asOf);
        List<ReceivableBook.CustomerView> views = book.customers(actor(), date);
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "receivables-" + date,
                    tables.customers(views, date, policies.current()));
        }
        ReceivablePolicy policy = policies.current();
        return ResponseEntity.ok(views.stream().map(v -> responses.of(v, policy, false)).toList());
    }

    @GetMapping("/api/v1/receivables/customers/{partyId}")
    @Operation(summary = "One customer: limit, terms, aging, open items, risk class, track and what it does, reminders sent")
    @ApiResponse(responseCode = "404", description = "unknown customer or out of the caller's scope")
    CustomerResponses.CustomerResponse customer(@PathVariable String partyId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return responses.of(view(partyId, date(asOf)), policies.current(), true);
    }

    @PutMapping(value = "/api/v1/receivables/customers/{partyId}/terms", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a customer's credit limit and payment terms",
            description = "`creditLimit` in major units (null = no limit), `paymentTermsDays` 0–365. ADMIN and SUPERVISOR.")
    @ApiResponse(responseCode = "400", description = "an invalid field, named in `field`")
    CustomerResponses.CustomerResponse changeTerms(@PathVariable String partyId, @RequestBody CustomerTerms.Change change,
                                 Principal principal) {
        LocalDate date = date(null);
        terms.change(view(partyId, date).customer(), change, principal.getName());
        return responses.of(view(partyId, date), policies.current(), true);
    }

    @PostMapping("/api/v1/receivables/customers/{partyId}/statements")
    @Operation(summary = "Issue a statement of account (对账单, Chinese PDF) as of a date; kept in the case's documents")
    @ApiResponse(responseCode = "201", description = "the stored document; download it at /api/v1/documents/{documentId}")
    ResponseEntity<StoredDocument> statement(@PathVariable String partyId,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                             Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(statements.issue(view(partyId, date(asOf)), principal.getName()));
    }

    @PostMapping(value = "/api/v1/receivables/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Review every customer for a business date: switch tracks, send the reminder letters due",
            description = "Each letter is the highest level that applies on the customer's track, sent once per level "
                    + "and delinquency episode, through the compliance gate (channel LETTER); a blocked letter names the "
                    + "gate's reasons and is retried at the next review. Repeating a review sends nothing twice. "
                    + "After every daily run the tracks are reviewed without sending letters. ADMIN and SUPERVISOR.")
    List<ReceivableReview.Outcome> review(@RequestBody(required = false) ReviewRequest request, Principal principal) {
        return review.review(date(request == null ? null : request.asOf()), principal.getName());
    }

    @GetMapping("/api/v1/receivables/measures")
    @Operation(summary = "DSO and CEI per customer and for the whole book (last row, partyId '*') for a period",
            description = "DSO = closing receivables ÷ credit sales × days; CEI = (opening + sales − closing) ÷ "
                    + "(opening + sales − closing current) × 100. Null when the divisor is 0. `?format=xlsx|csv` downloads.")
    ResponseEntity<?> measures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @Parameter(description = "one customer only") @RequestParam(required = false) String partyId,
                               @RequestParam(required = false) String format) {
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("INVALID_PERIOD", "to", "to (" + to + ") is before from (" + from + ")");
        }
        List<ReceivableBook.Measures> rows = book.measures(actor(), partyId, from, to);
        if (partyId != null && rows.isEmpty()) {
            throw ApiProblem.notFound("customer", partyId);
        }
        var table = tables.measures(rows, "CNY");
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "receivables-dso-cei-" + from + "-" + to, table);
        }
        return ResponseEntity.ok(table);
    }

    @GetMapping("/api/v1/config/receivable-policy")
    @Operation(summary = "The receivables policy in force (aging bands, risk classes, reminder levels, tracks and rules)")
    ReceivablePolicy policy() {
        return policies.current();
    }

    @GetMapping("/api/v1/config/receivable-policy/versions")
    @Operation(summary = "All stored versions of the receivables policy")
    List<Integer> policyVersions() {
        return policies.versions();
    }

    @PutMapping(value = "/api/v1/config/receivable-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the receivables policy",
            description = "Validated on save: aging bands cover every day from 0 without gaps; every day past due has a "
                    + "risk class; reminder levels ascend from day 1; the last track rule has no conditions; tracks name "
                    + "known reminder levels.")
    @ApiResponse(responseCode = "400", description = "INVALID_POLICY with what is wrong")
    ReceivablePolicy savePolicy(@RequestBody String document, Principal principal) {
        return policies.save(document, principal.getName());
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "no user"));
    }

    private LocalDate date(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    private ReceivableBook.CustomerView view(String partyId, LocalDate asOf) {
        return book.customer(actor(), partyId, asOf).orElseThrow(() -> ApiProblem.notFound("customer", partyId));
    }
}

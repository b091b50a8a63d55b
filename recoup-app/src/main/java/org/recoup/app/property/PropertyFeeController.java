package org.recoup.app.property;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.document.Documents;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.engine.property.LateFeePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Property fees: billing imports, bills with late fees, 催款通知单 and their signed receipts, collection-rate report. */
@RestController
@Tag(name = "Property fees", description = "Fee billing import, 滞纳金 late fees, 催款通知单 with signed receipts, "
        + "collection rate (fees collected ÷ fees billed) per building, unit and period")
class PropertyFeeController {

    /** A bill as of a date; amounts in major units. */
    record BillView(String accountId, String building, String unit, String partyId, String ownerName, String period,
                    String feeType, String currency, LocalDate dueDate, BigDecimal amount, BigDecimal collected,
                    BigDecimal outstanding, BigDecimal lateFee, BigDecimal lateFeeCollected, int overdueDays) {
    }

    private final BillingImport billing;
    private final FeeLedger ledger;
    private final Notices notices;
    private final CollectionRates rates;
    private final FeePolicies policies;
    private final CaseScope scope;
    private final Clock clock;

    PropertyFeeController(BillingImport billing, FeeLedger ledger, Notices notices, CollectionRates rates,
                          FeePolicies policies, CaseScope scope, ObjectProvider<Clock> clock) {
        this.billing = billing;
        this.ledger = ledger;
        this.notices = notices;
        this.rates = rates;
        this.policies = policies;
        this.scope = scope;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping(value = "/api/v1/property/billing-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a fee billing file (CSV)",
            description = "Columns building, unit, owner_id, owner_name, period (YYYY-MM), fee_type, amount, due_date "
                    + "(required), currency (default CNY). All or nothing: any invalid row → 422 with `errors` "
                    + "[{row, column, message}] and nothing applied. Re-importing the same bills is a no-op (counted as "
                    + "unchanged); a bill with changed content is an error. ADMIN and SUPERVISOR.")
    @ApiResponse(responseCode = "201", description = "imported: counts of bills created and unchanged")
    @ApiResponse(responseCode = "422", description = "INVALID_BILLING_FILE with `errors` by row and column")
    ResponseEntity<?> importBills(@RequestPart("file") MultipartFile file, Principal principal) throws IOException {
        BillingImport.Result result = billing.run(file.getOriginalFilename(), file.getBytes(), principal.getName());
        if (result.failed()) {
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(result));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    static ProblemDetail problem(BillingImport.Result result) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                result.errors().size() + " error(s) in the billing file; nothing was imported");
        body.setTitle("Unprocessable Content");
        body.setProperty("code", "INVALID_BILLING_FILE");
        BillingImport.RowError first = result.errors().getFirst();
        if (first.column() != null) {
            body.setProperty("field", first.column());
        }
        body.setProperty("errors", result.errors());
        return body;
    }

    @GetMapping("/api/v1/property/bills")
    @Operation(summary = "Fee bills in the caller's scope as of a date, with collected amounts and late fees")
    List<BillView> bills(@RequestParam(required = false) String building, @RequestParam(required = false) String unit,
                         @RequestParam(required = false) String partyId,
                         @Parameter(description = "YYYY-MM") @RequestParam(required = false) String periodFrom,
                         @Parameter(description = "YYYY-MM") @RequestParam(required = false) String periodTo,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        period("periodFrom", periodFrom);
        period("periodTo", periodTo);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return ledger.bills(actor(), new FeeLedger.Filter(building, unit, partyId, periodFrom, periodTo), date).stream()
                .map(b -> {
                    int d = BillingImport.digits(b.currency());
                    var s = b.status();
                    return new BillView(b.accountId(), b.building(), b.unit(), b.partyId(), b.ownerName(), b.period(),
                            b.feeType(), b.currency(), b.dueDate(), BigDecimal.valueOf(s.feeMinor(), d),
                            BigDecimal.valueOf(s.feeCollectedMinor(), d), BigDecimal.valueOf(s.feeOutstandingMinor(), d),
                            BigDecimal.valueOf(s.lateFeeMinor(), d), BigDecimal.valueOf(s.lateFeeCollectedMinor(), d),
                            s.overdueDays());
                }).toList();
    }

    @GetMapping("/api/v1/property/collection-rate")
    @Operation(summary = "Collection rate (fees collected ÷ fees billed) per building, unit and period as of a date",
            description = "Three tables (byBuilding with a total row, byUnit, byPeriod); late fees are shown separately "
                    + "and never count in the rate. `?format=xlsx` downloads all three, `csv` the first.")
    ResponseEntity<?> collectionRate(@RequestParam(required = false) String building,
                                     @Parameter(description = "YYYY-MM") @RequestParam(required = false) String periodFrom,
                                     @Parameter(description = "YYYY-MM") @RequestParam(required = false) String periodTo,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                     @RequestParam(required = false) String format) {
        period("periodFrom", periodFrom);
        period("periodTo", periodTo);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        List<Table> tables = rates.report(ledger.bills(actor(), new FeeLedger.Filter(building, null, null, periodFrom,
                periodTo), date), date);
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "collection-rate-" + date,
                    tables.toArray(Table[]::new));
        }
        return ResponseEntity.ok(tables);
    }

    @PostMapping(value = "/api/v1/property/notices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a 催款通知单 (Chinese PDF) for an owner's unit as of a date",
            description = "Lists every overdue bill of the unit with its late fee, the total and how to pay. With an "
                    + "Idempotency-Key a retry returns the original notice (200); the key with another request → 409.")
    @ApiResponse(responseCode = "201", description = "the notice; its PDF at /api/v1/documents/{documentId}")
    @ApiResponse(responseCode = "422", description = "NOTHING_OVERDUE")
    @ApiResponse(responseCode = "404", description = "no bills of this owner and unit in the caller's scope")
    ResponseEntity<Notices.Notice> issue(@RequestBody Notices.Request request,
                                         @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key")
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                         Principal principal) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw ApiProblem.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key", "the key must have 1–100 characters");
        }
        Notices.Issued issued = notices.issue(actor(), request, key, principal.getName());
        return issued.created()
                ? ResponseEntity.created(URI.create("/api/v1/property/notices/" + issued.notice().noticeId())).body(issued.notice())
                : ResponseEntity.ok(issued.notice());
    }

    @GetMapping("/api/v1/property/notices")
    @Operation(summary = "Notices in the caller's scope, newest first (at most 500)")
    List<Notices.Notice> notices(@RequestParam(required = false) String building,
                                 @RequestParam(required = false) String unit) {
        return notices.list(actor(), null, building, unit);
    }

    @GetMapping("/api/v1/property/notices/{noticeId}")
    @Operation(summary = "One notice with its lines and signed receipt")
    @ApiResponse(responseCode = "404", description = "unknown or out of the caller's scope")
    Notices.Notice notice(@PathVariable String noticeId) {
        return notices.find(actor(), noticeId).orElseThrow(() -> ApiProblem.notFound("notice", noticeId));
    }

    @PostMapping(value = "/api/v1/property/notices/{noticeId}/receipt", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the owner's signed receipt of a notice (kept as document kind SIGNED_RECEIPT)",
            description = "One receipt per notice: a second upload → 409 RECEIPT_EXISTS. `signedOn` defaults to today.")
    @ApiResponse(responseCode = "201", description = "the notice with its receipt")
    ResponseEntity<Notices.Notice> receipt(@PathVariable String noticeId, @RequestPart("file") MultipartFile file,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                                           Principal principal) throws IOException {
        if (file.getSize() > Documents.MAX_BYTES) {
            throw ApiProblem.badRequest("INVALID_DOCUMENT", "file", "the file is larger than " + Documents.MAX_BYTES + " bytes");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(notices.receipt(actor(), noticeId,
                file.getOriginalFilename(), file.getContentType(), file.getBytes(), signedOn, principal.getName()));
    }

    @GetMapping("/api/v1/config/property-fee-policy")
    @Operation(summary = "The late-fee policy in force (rate per day, grace days, cap ratio, payment instructions)")
    LateFeePolicy policy() {
        return policies.current();
    }

    @GetMapping("/api/v1/config/property-fee-policy/versions")
    @Operation(summary = "All stored versions of the late-fee policy")
    List<Integer> policyVersions() {
        return policies.versions();
    }

    @PutMapping(value = "/api/v1/config/property-fee-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the late-fee policy",
            description = "Validated on save: ratePerDay 0–0.01, graceDays 0–365, capRatio ≥ 0 or null.")
    @ApiResponse(responseCode = "400", description = "INVALID_POLICY with what is wrong")
    LateFeePolicy savePolicy(@RequestBody String document, Principal principal) {
        return policies.save(document, principal.getName());
    }

    private static void period(String field, String value) {
        if (value != null && !value.isBlank() && !value.strip().matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw ApiProblem.badRequest("INVALID_PERIOD", field, field + " must be YYYY-MM, was '" + value + "'");
        }
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "no user"));
    }
}

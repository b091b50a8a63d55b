package org.recoup.app.legal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Legal matters and their steps, deadlines, the statute of limitations per account and its warning list. */
@RestController
@Tag(name = "Legal", description = "Legal path (lawyer letter → mediation → lawsuit → judgment → enforcement) and the "
        + "statute of limitations")
class LegalController {

    /** Business dates of the legal lists are days in China unless asked otherwise. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final LegalMatters matters;
    private final Limitations limitations;
    private final LimitationPolicies policies;
    private final CaseScope scope;
    private final MessageSource messages;
    private final Clock clock;

    LegalController(LegalMatters matters, Limitations limitations, LimitationPolicies policies, CaseScope scope,
                    MessageSource messages, Clock clock) {
        this.matters = matters;
        this.limitations = limitations;
        this.policies = policies;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/legal-matters", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start (supervisor) or propose (agent) a legal matter for an account of the case", description = """
            A supervisor or administrator starts the matter OPEN; an agent or team lead proposes it (PROPOSED) for \
            a supervisor's approval. One proposed or open matter per account (409 MATTER_EXISTS).""")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "404", description = "no such case in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "MATTER_EXISTS",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MatterView> start(@PathVariable String caseId, @RequestBody LegalMatters.NewMatter body) {
        MatterView m = matters.start(actor(), caseId, body);
        return ResponseEntity.created(URI.create("/api/v1/legal/matters/" + m.matterId())).body(m);
    }

    @GetMapping("/api/v1/legal/matters")
    @Operation(summary = "Legal matters in the caller's scope, newest first (status: PROPOSED, OPEN, REJECTED, CLOSED)")
    List<MatterView> list(@RequestParam(required = false) String status) {
        return matters.list(actor(), status);
    }

    @GetMapping("/api/v1/legal/matters/{matterId}")
    @Operation(summary = "One legal matter with its steps, costs and documents")
    @ApiResponse(responseCode = "404", description = "no such matter in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MatterView one(@PathVariable String matterId) {
        return matters.find(actor(), matterId);
    }

    @PostMapping(path = "/api/v1/legal/matters/{matterId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve or reject a proposed legal matter (supervisors, administrators)",
            description = "`decision`: APPROVE (→ OPEN) or REJECT (→ REJECTED, `note` required).")
    @ApiResponse(responseCode = "403", description = "not a supervisor or administrator",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "already decided",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MatterView decide(@PathVariable String matterId, @RequestBody LegalMatters.Decision body) {
        return matters.decide(actor(), matterId, body);
    }

    @PostMapping(path = "/api/v1/legal/matters/{matterId}/steps", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the next step of an open matter (supervisors, administrators)", description = """
            `step`: LAWYER_LETTER, MEDIATION, LAWSUIT, JUDGMENT, ENFORCEMENT — in this order, each once; the letter \
            and mediation may be skipped, a judgment needs a lawsuit and enforcement a judgment (409 \
            STEP_OUT_OF_ORDER). `date` (not in the future, not before the previous step), `court` (LAWSUIT, \
            JUDGMENT, ENFORCEMENT), `courtCaseNumber` (JUDGMENT, ENFORCEMENT), `nextDeadline`, `costs` [{description, \
            amount, currency}], `documentId` (an uploaded case document for the step, e.g. the judgment). A LAWYER_LETTER \
            without a document is generated as a PDF in Chinese, kept with the case's documents \
            (kind LAWYER_LETTER) and recorded as a LETTER contact through the compliance gate. A LAWSUIT's date is \
            the filing date: it stops the limitation clock.""")
    @ApiResponse(responseCode = "201", description = "recorded; the matter as it is now")
    @ApiResponse(responseCode = "400", description = "an invalid field (named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "STEP_OUT_OF_ORDER or MATTER_NOT_OPEN",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<MatterView> step(@PathVariable String matterId, @RequestBody LegalMatters.NewStep body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(matters.addStep(actor(), matterId, body));
    }

    @PutMapping(path = "/api/v1/legal/matters/{matterId}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the delivery receipt of the matter's lawyer's letter",
            description = "`receiptDate` (between the letter's date and today) and `reference` (e.g. the registered "
                    + "mail number): the receipt interrupts the limitation period from its date.")
    MatterView receipt(@PathVariable String matterId, @RequestBody LegalMatters.Receipt body) {
        return matters.receipt(actor(), matterId, body);
    }

    @PutMapping(path = "/api/v1/legal/matters/{matterId}/deadline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the next deadline of the matter's current step (supervisors, administrators)")
    MatterView deadline(@PathVariable String matterId, @RequestBody LegalMatters.Deadline body) {
        return matters.deadline(actor(), matterId, body);
    }

    @GetMapping("/api/v1/legal/deadlines")
    @Operation(summary = "Upcoming deadlines of open matters", description = """
            The next deadline of each open matter's current step due within `within` days (default 30, 0–3650) of \
            `asOf` (default today in China), overdue ones included (negative days left), soonest first. \
            `format=xlsx|csv` downloads the same table.""")
    ResponseEntity<?> deadlines(@RequestParam(required = false) LocalDate asOf,
                                @RequestParam(defaultValue = "30") int within,
                                @RequestParam(required = false) String format, Locale locale) {
        if (within < 0 || within > 3650) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "within", "within must be 0–3650 days");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(BUSINESS_ZONE));
        List<LegalMatters.UpcomingDeadline> rows = matters.deadlines(actor(), day, within);
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "legal-deadlines-" + day,
                    LimitationTable.deadlines(rows, day, key -> messages.getMessage(key, null, key, locale)));
        }
        return ResponseEntity.ok(rows);
    }

    @GetMapping("/api/v1/accounts/{accountId}/limitation")
    @Operation(summary = "The statute of limitations of an account", description = """
            As of `asOf` (default today in China): where the period runs from (oldest unpaid instalment, or the last \
            one, per policy), the interruption the current period rests on (with its evidence reference), the \
            limitation date, days left, the status (NOTHING_DUE, RUNNING, APPROACHING, TIME_BARRED, STOPPED by a \
            lawsuit) and every interruption considered.""")
    @ApiResponse(responseCode = "404", description = "no such account in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Limitations.AccountLimitation limitation(@PathVariable String accountId,
                                             @RequestParam(required = false) LocalDate asOf) {
        Actor actor = actor();
        if (!scope.maySeeAccount(actor, accountId)) {
            throw ApiProblem.notFound("account", accountId);
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(BUSINESS_ZONE));
        return limitations.assess(List.of(accountId), day).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("account", accountId));
    }

    @GetMapping("/api/v1/legal/limitations")
    @Operation(summary = "The limitation warning list", description = """
            Accounts in the caller's scope whose limitation date is within the policy's warning window (APPROACHING) \
            or past (TIME_BARRED) as of `asOf` (default today in China), fewest days left first. `format=xlsx|csv` \
            downloads the same table.""")
    ResponseEntity<?> warnings(@RequestParam(required = false) LocalDate asOf,
                               @RequestParam(required = false) String format, Locale locale) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(BUSINESS_ZONE));
        List<Limitations.AccountLimitation> rows = limitations.warnings(actor(), day);
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "limitation-warnings-" + day,
                    LimitationTable.warnings(rows, day, key -> messages.getMessage(key, null, key, locale)));
        }
        return ResponseEntity.ok(rows);
    }

    @GetMapping("/api/v1/config/limitation-policy")
    @Operation(summary = "The limitation policy in force (period by jurisdiction/product, warning days, start)")
    LimitationPolicy policy() {
        return policies.current();
    }

    @GetMapping("/api/v1/config/limitation-policy/versions")
    @Operation(summary = "All stored versions of the limitation policy")
    List<Integer> versions() {
        return policies.versions();
    }

    @PutMapping(path = "/api/v1/config/limitation-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the limitation policy", description = """
            Validated on save: `defaultYears` and each rule's `years` 1–30, `warningDays` 0–3650, each rule names a \
            jurisdiction and/or a product, no rule repeated; `startsFrom` OLDEST_UNPAID_INSTALMENT (default) or \
            LAST_INSTALMENT. The version number is assigned by the server.""")
    LimitationPolicy save(@RequestBody String document, Principal principal) {
        return policies.save(policies.parse(document), principal.getName());
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null,
                "sign in first"));
    }
}

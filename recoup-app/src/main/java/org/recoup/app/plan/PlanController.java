package org.recoup.app.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Repayment plans: propose, decide (maker-checker within authority limits), list, follow. */
@RestController
@Tag(name = "Plans", description = "Repayment plans and restructuring: settlement, instalment plan, waiver, re-age; "
        + "approval by someone else within their authority limit; applied to the account's schedule; monitored after "
        + "each daily run (BROKEN plans revert per the plan policy)")
class PlanController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Plans plans;
    private final CaseScope scope;

    PlanController(Plans plans, CaseScope scope) {
        this.plans = plans;
        this.scope = scope;
    }

    /** The body of approve and reject. */
    @Schema(name = "PlanDecision")
    record Decision(@Schema(description = "why (required to reject, optional to approve)") String note) {
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/plans", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a plan for an account of the case",
            description = """
                    Computes the plan as of today (the account's zone) and puts it in the approval queue as \
                    PENDING_APPROVAL: every plan needs a checker other than its maker. requiredLevel is the lowest level \
                    of the approval chain (config authority-limits) whose limit covers it; withinMakerLimit says \
                    whether the proposer's own level would. One open plan per account. With an Idempotency-Key a retry \
                    with the same body answers 200 with the original plan; the key with another body answers 409 \
                    (IDEMPOTENCY_KEY_REUSED). Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT.""")
    @ApiResponse(responseCode = "201", description = "proposed",
            headers = @Header(name = "Location", description = "/api/v1/plans/{planId}"))
    @ApiResponse(responseCode = "200", description = "a retry with the same Idempotency-Key: the original plan")
    @ApiResponse(responseCode = "400", description = "an invalid field (named in `field`)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such case in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "PLAN_ALREADY_OPEN (field accountId) or IDEMPOTENCY_KEY_REUSED",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "ACCOUNT_NOT_IN_CASE, SETTLEMENT_ABOVE_BALANCE, "
            + "PLAN_DATE_NOT_AFTER_START, NOTHING_TO_PLAN, NOTHING_TO_WAIVE, NOTHING_OVERDUE, PLAN_BEYOND_ALL_AUTHORITY",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PlanView> propose(
            @PathVariable String caseId,
            @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
                    description = "optional: a unique key per proposal (1–255 visible ASCII characters)")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody PlanRequest request) {
        Plans.Proposed proposed = plans.propose(caseId, request, idempotencyKey == null ? null : key(idempotencyKey),
                actor());
        return ResponseEntity.status(proposed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/plans/" + proposed.plan().planId())).body(proposed.plan());
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/plans", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The plans of a case, newest first")
    @ApiResponse(responseCode = "404", description = "no such case in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<PlanView> forCase(@PathVariable String caseId) {
        return plans.forCase(caseId, actor());
    }

    @GetMapping(path = "/api/v1/plans", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plans of the caller's scope, newest first",
            description = "status: PENDING_APPROVAL, REJECTED, ACTIVE, COMPLETED, BROKEN or REVERTED (all when absent)")
    List<PlanView> list(@RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "200") int limit) {
        if (status != null && !List.of("PENDING_APPROVAL", "REJECTED", "ACTIVE", "COMPLETED", "BROKEN", "REVERTED")
                .contains(status)) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "status", "unknown plan status " + status);
        }
        return plans.list(actor(), status, limit);
    }

    @GetMapping(path = "/api/v1/plans/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's approval queue",
            description = "Pending plans of the caller's scope proposed by someone else whose required level is at or "
                    + "below the caller's level in the approval chain, oldest first.")
    List<PlanView> approvals() {
        return plans.approvalQueue(actor());
    }

    @GetMapping(path = "/api/v1/plans/{planId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One plan with its schedule, waiver and status history")
    @ApiResponse(responseCode = "404", description = "no such plan in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PlanView one(@PathVariable String planId) {
        return plans.view(planId, actor()).orElseThrow(() -> ApiProblem.notFound("plan", planId));
    }

    @PostMapping(path = "/api/v1/plans/{planId}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a pending plan and apply it",
            description = """
                    The plan is recomputed as of today and, when the approver's limit covers it, applied in one \
                    transaction: the account's instalments become the plan's schedule (the original is kept), the \
                    waiver is recorded (never as cash) and the plan agreement PDF is stored with the case's documents. \
                    Of concurrent approvals one wins; the others answer 409 PLAN_NOT_PENDING. \
                    Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT.""")
    @ApiResponse(responseCode = "200", description = "the ACTIVE plan")
    @ApiResponse(responseCode = "403", description = "PLAN_MAKER_CANNOT_APPROVE, PLAN_BEYOND_AUTHORITY (with the limits "
            + "exceeded), PLAN_NO_AUTHORITY",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such plan in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "PLAN_NOT_PENDING: already decided",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "the terms no longer fit the account (e.g. a date now passed)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PlanView approve(@PathVariable String planId, @RequestBody(required = false) Decision decision) {
        return plans.approve(planId, decision == null ? null : decision.note(), actor());
    }

    @PostMapping(path = "/api/v1/plans/{planId}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reject a pending plan with a note",
            description = "Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT; not the maker. The account is free for another plan.")
    @ApiResponse(responseCode = "200", description = "the REJECTED plan")
    @ApiResponse(responseCode = "400", description = "note missing (field note)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "PLAN_MAKER_CANNOT_APPROVE, PLAN_NO_AUTHORITY",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "PLAN_NOT_PENDING",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PlanView reject(@PathVariable String planId, @RequestBody(required = false) Decision decision) {
        return plans.reject(planId, decision == null ? null : decision.note(), actor());
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "UNKNOWN_USER", null,
                "the signed-in user is not a Recoup user"));
    }

    static String key(String header) {
        String key = header.strip();
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiProblem.badRequest("INVALID_HEADER", IDEMPOTENCY_KEY,
                    "header " + IDEMPOTENCY_KEY + " must be 1–255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }
}

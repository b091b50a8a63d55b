package org.recoup.app.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
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

/** Field visits: request, approve or reject, route list per team and day, report. */
@RestController
@Tag(name = "Field visits", description = "外访: requests from strategies and agents, supervisor approval with at least "
        + "two staff and a schedule the compliance gate allows, route lists per team and day, visit reports (no cash)")
class VisitController {

    private final Visits visits;
    private final CaseScope scope;

    VisitController(Visits visits, CaseScope scope) {
        this.visits = visits;
        this.scope = scope;
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request a field visit to a case", description = """
            An agent (or team lead, supervisor, admin, agency user for a placed case) asks for a visit with a reason. \
            The address is the party's ADDRESS contact point (`contactPointId`, else the party's first valid one); \
            the party defaults to the borrower, the account to the case's first. `lat`/`lon` (optional, both or \
            neither) place the visit on the route by distance. With an Idempotency-Key a retry answers 200 with the \
            original request.""")
    @ApiResponse(responseCode = "201", description = "requested (status REQUESTED)")
    @ApiResponse(responseCode = "400", description = "a missing reason, bad coordinates (field named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such case in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "NO_ADDRESS, NOT_AN_ADDRESS, ACCOUNT_NOT_IN_CASE, PARTY_NOT_ON_ACCOUNT",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<VisitView> request(@PathVariable String caseId,
                                      @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
                                              description = "optional: 1–100 characters; a retry creates nothing")
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @RequestBody Visits.NewRequest body) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw ApiProblem.badRequest("INVALID_HEADER", "Idempotency-Key", "must be 1–100 characters");
        }
        Visits.Result r = visits.request(actor(), caseId, body, key);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/visits/" + r.visit().visitId())).body(r.visit());
    }

    @GetMapping("/api/v1/visits")
    @Operation(summary = "Visits in the caller's scope, newest first",
            description = "status: REQUESTED, APPROVED, REJECTED, REPORTED, CANCELLED (optional); limit 1–1000 (200)")
    List<VisitView> list(@RequestParam(required = false) String status,
                         @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "limit", "limit must be 1–1000");
        }
        return visits.list(actor(), status, limit);
    }

    @GetMapping("/api/v1/visits/{visitId}")
    @Operation(summary = "One visit with its staff and report")
    @ApiResponse(responseCode = "404", description = "no such visit in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    VisitView one(@PathVariable String visitId) {
        return visits.find(actor(), visitId);
    }

    @PostMapping(path = "/api/v1/visits/{visitId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve (schedule, staff) or reject a requested visit", description = """
            Supervisors and administrators only. APPROVE needs `scheduledAt` (ISO-8601 with offset), at least two \
            different active users in `staff` (400 VISIT_STAFF_MINIMUM, field staff) and a team (`team`, else the \
            case's); the compliance gate (channel VISIT, the debtor's time zone and hours, holds, caps) must allow \
            the visit at that instant (422 VISIT_BLOCKED naming the reasons). REJECT needs a `note`.""")
    @ApiResponse(responseCode = "200", description = "decided")
    @ApiResponse(responseCode = "400", description = "VISIT_STAFF_MINIMUM, UNKNOWN_STAFF, INVALID_DECISION (field named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "not a supervisor or administrator",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the visit was already decided",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "VISIT_BLOCKED by the compliance gate",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    VisitView decide(@PathVariable String visitId, @RequestBody Visits.Decision body) {
        return visits.decide(actor(), visitId, body);
    }

    @PostMapping(path = "/api/v1/visits/{visitId}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report an approved visit", description = """
            By one of the assigned staff (or a supervisor/admin). `met`: PARTY (`metPartyId`, default the visited \
            party), THIRD_PARTY (`metDescription`), NOBODY; `outcome`: PROMISE (with `promise` {amount, dueDate, \
            channel}, recorded through the promise desk), ACKNOWLEDGED (interrupts the limitation period), REFUSED, \
            HARDSHIP, DISPUTE, MOVED_AWAY, NOT_FOUND, LOCATED, OTHER; `evidence`: photos/recordings by SHA-256 \
            (optionally the id of the uploaded case document with that hash). `cashCollected` must be given and \
            false: a report claiming cash was collected is refused (422 CASH_COLLECTION_FORBIDDEN). The visit is \
            recorded as a contact (channel VISIT) through the compliance gate. Once per visit: the same body again \
            answers 200 with the original, another body 409.""")
    @ApiResponse(responseCode = "201", description = "reported")
    @ApiResponse(responseCode = "200", description = "a retry of the same report")
    @ApiResponse(responseCode = "400", description = "a missing or invalid field (named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "not one of the visit's staff",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "not approved, or already reported with another body",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "CASH_COLLECTION_FORBIDDEN, VISIT_BLOCKED, PARTY_NOT_ON_ACCOUNT, …",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<VisitView> report(@PathVariable String visitId, @RequestBody Visits.NewReport body) {
        Visits.Result r = visits.report(actor(), visitId, body);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r.visit());
    }

    @GetMapping("/api/v1/visits/routes")
    @Operation(summary = "A team's route list for a day", description = """
            The approved (and reported) visits of `team` on `day` (the visit's date in the debtor's time zone), \
            grouped by region (city, district read from the address) and ordered within a region nearest-next by \
            the visits' coordinates; visits without coordinates follow in id order (deterministic fallback).""")
    List<Visits.RouteGroup> route(@RequestParam String team, @RequestParam LocalDate day) {
        return visits.route(actor(), team, day);
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null,
                "sign in first"));
    }
}

package org.recoup.app.workbench;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.engine.compliance.Verdict;
import org.recoup.engine.script.Script;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case 360 view, recording outcomes and "already paid" claims over the API (issue 6 §3–§5). */
@RestController
@Tag(name = "Cases", description = "The agent workbench: a case (every account of one borrower), outcomes, scripts, "
        + "payment claims")
class CaseController {

    private final CaseAccess access;
    private final CaseFiles files;
    private final Outcomes outcomes;
    private final PaymentClaims claims;
    private final CaseScripts scripts;

    CaseController(CaseAccess access, CaseFiles files, Outcomes outcomes, PaymentClaims claims, CaseScripts scripts) {
        this.access = access;
        this.files = files;
        this.outcomes = outcomes;
        this.claims = claims;
        this.scripts = scripts;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A case: every account of one borrower, with parties, contact points, instalments, payments, "
            + "bucket moves, contacts, promises, notes, holds, claims, a timeline and the preparation panel",
            description = "`caseId` is `C-` + the borrower's party id. Contact values are masked unless the role may "
                    + "see them (ADMIN, SUPERVISOR, COMPLIANCE). Amounts are minor units of `currency`. Out of the "
                    + "caller's scope or unknown: 404.")
    @ApiResponse(responseCode = "404", description = "no such case, or not in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    CaseFile get(@PathVariable String caseId) {
        Actor actor = access.requireCase(caseId);
        return files.load(caseId, actor.seesContactValues()).orElseThrow(() -> ApiProblem.notFound("case", caseId));
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/scripts/{scriptId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A guided script filled with the case's data (name, amounts, dates, creditor, channels, "
            + "promise history)", description = "`lang` zh-CN (default) or en. Unknown script or case: 404.")
    Script script(@PathVariable String caseId, @PathVariable String scriptId,
                  @RequestParam(defaultValue = "zh-CN") String lang) {
        Actor actor = access.requireCase(caseId);
        CaseFile file = files.load(caseId, false).orElseThrow(() -> ApiProblem.notFound("case", caseId));
        return scripts.filled(file, scriptId, Locale.forLanguageTag(lang), actor.username())
                .orElseThrow(() -> ApiProblem.notFound("script", scriptId));
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the outcome of working a case: the contact through the compliance gate, promise "
            + "instalments, holds, a note and the next follow-up, all or nothing",
            description = """
                    One transaction: the contact is recorded through the same atomic gate as `POST /api/v1/contacts`; \
                    when it is blocked nothing is recorded (422 `CONTACT_BLOCKED` with every reason and \
                    `nextAllowedAt`). The note is checked by the content lint first (422 `NOTE_REJECTED` with \
                    `findings`). Promises go through the promise feature (same validation as \
                    `POST /api/v1/accounts/{id}/promises`); holds DISPUTE / CEASE_COMMUNICATION are set on the party. \
                    On success the queue is told (`OutcomeRecorded`: the lock is released, the follow-up scheduled). \
                    `clientKey` makes it idempotent: the same key and body answers 200 with the original, the same key \
                    with another body 409. Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY.""")
    @ApiResponse(responseCode = "201", description = "recorded")
    @ApiResponse(responseCode = "200", description = "a retry with the same clientKey and body: the original outcome")
    @ApiResponse(responseCode = "400", description = "an invalid field, named in `field`",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such case, or not in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "clientKey reused with another body (CLIENT_KEY_REUSED)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "CONTACT_BLOCKED (reasons, nextAllowedAt), NOTE_REJECTED "
            + "(findings), NOT_IN_CASE, PARTY_NOT_LIABLE",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> record(@PathVariable String caseId, @RequestBody OutcomeRequest body) {
        Actor actor = access.requireCase(caseId);
        Outcomes.Result result = outcomes.record(caseId, actor, body);
        if (result.blocked() != null) {
            return blocked(result.blocked(), result.verdictId());
        }
        return ResponseEntity.status(result.recorded().created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.recorded());
    }

    /** The body of a claim: the three elements (time, amount, channel) and the account. */
    @Schema(name = "PaymentClaimRequest")
    record ClaimBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String clientKey,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String accountId,
                     @Schema(description = "when the party says they paid (ISO-8601 with offset)",
                             requiredMode = Schema.RequiredMode.REQUIRED) java.time.OffsetDateTime paidAt,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) java.math.BigDecimal amount,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) org.recoup.engine.debt.PaymentChannel channel,
                     String reference) {
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/payment-claims", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "\"Already paid\": record the party's claim (time, amount, channel) for verification",
            description = "Creates a PENDING claim, not a payment. Idempotent by (user, clientKey). Roles: ADMIN, "
                    + "SUPERVISOR, TEAM_LEAD, AGENT, AGENCY.")
    @ApiResponse(responseCode = "201", description = "the claim (or the original one for a repeated clientKey)")
    ResponseEntity<CaseFile.ClaimLine> claim(@PathVariable String caseId, @RequestBody ClaimBody body) {
        Actor actor = access.requireCase(caseId);
        CaseFile.ClaimLine line = claims.claim(caseId, actor, new PaymentClaims.ClaimRequest(body.clientKey(),
                body.accountId(), body.paidAt(), body.amount(), body.channel(), body.reference()));
        return ResponseEntity.created(URI.create("/api/v1/payment-claims/" + line.claimId())).body(line);
    }

    @GetMapping(path = "/api/v1/payment-claims/{claimId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One payment claim (404 when its case is out of scope)")
    CaseFile.ClaimLine getClaim(@PathVariable String claimId) {
        access.requireCase(claims.caseOf(claimId).orElseThrow(() -> ApiProblem.notFound("payment claim", claimId)));
        return claims.find(claimId).orElseThrow();
    }

    @PostMapping(path = "/api/v1/payment-claims/{claimId}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a claim: posts the payment (idempotency key claim:{claimId}) and marks it VERIFIED",
            description = "Roles: ADMIN, SUPERVISOR. A decided claim: 409 CLAIM_DECIDED.")
    CaseFile.ClaimLine verify(@PathVariable String claimId) {
        Actor actor = access.requireCase(claims.caseOf(claimId)
                .orElseThrow(() -> ApiProblem.notFound("payment claim", claimId)));
        return claims.verify(claimId, actor);
    }

    @Schema(name = "PaymentClaimRejection")
    record RejectBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @PostMapping(path = "/api/v1/payment-claims/{claimId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reject a claim with a reason; nothing is posted", description = "Roles: ADMIN, SUPERVISOR.")
    CaseFile.ClaimLine reject(@PathVariable String claimId, @RequestBody RejectBody body) {
        Actor actor = access.requireCase(claims.caseOf(claimId)
                .orElseThrow(() -> ApiProblem.notFound("payment claim", claimId)));
        return claims.reject(claimId, actor, body == null ? null : body.reason());
    }

    @ExceptionHandler(Outcomes.NoteRefused.class)
    ResponseEntity<ProblemDetail> noteRefused(Outcomes.NoteRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refused.getMessage());
        problem.setTitle("Note rejected by the content lint");
        problem.setProperty("code", "NOTE_REJECTED");
        problem.setProperty("field", "note");
        problem.setProperty("findings", refused.findings().stream().map(f -> Map.of("code", f.code().name(),
                "start", f.start(), "end", f.end(), "message", f.message())).toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<ProblemDetail> blocked(Verdict verdict, String verdictId) {
        List<Map<String, String>> reasons = verdict.reasons().stream().map(r -> Map.of("code", r.code().name(),
                "message", r.message(), "rule", r.rule())).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "the compliance gate blocked this contact: " + String.join(", ",
                        verdict.reasons().stream().map(r -> r.code().name()).distinct().toList()) + "; nothing was recorded");
        problem.setTitle("Contact blocked");
        problem.setProperty("code", "CONTACT_BLOCKED");
        problem.setProperty("reasons", reasons);
        if (verdict.nextAllowedAt() != null) {
            problem.setProperty("nextAllowedAt", verdict.nextAllowedAt());
        }
        problem.setProperty("verdictId", verdictId);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

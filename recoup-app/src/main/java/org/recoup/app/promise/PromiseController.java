package org.recoup.app.promise;

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
import java.util.Set;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Promises to pay (contract §4): capture, list with status as of today, cancel. */
@RestController
@Tag(name = "Promises", description = "Promises to pay: capture, status (PENDING, KEPT, PARTIALLY_KEPT, BROKEN, "
        + "CANCELLED) computed from payments, cancellation")
class PromiseController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    /** Roles that work accounts and may record or cancel a promise (as for payments). */
    static final Set<String> CAPTURERS = Set.of("ROLE_ADMIN", "ROLE_SUPERVISOR", "ROLE_TEAM_LEAD", "ROLE_AGENT");

    private final PromiseCapture capture;
    private final Promises promises;

    PromiseController(PromiseCapture capture, Promises promises) {
        this.capture = capture;
        this.promises = promises;
    }

    @PostMapping(path = "/api/v1/accounts/{id}/promises", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a promise to pay",
            description = """
                    Creates a PENDING promise made now by a liable party of the account (borrower, co-borrower, \
                    guarantor; an heir or spouse when the borrower is deceased) to pay `amount` by `dueDate` (not \
                    before today in the party's time zone). It is resolved by the payments received from now to the \
                    end of dueDate + the grace days of the promise policy: KEPT as soon as they cover the amount, \
                    PARTIALLY_KEPT or BROKEN after that day. With an Idempotency-Key a retry with the same request \
                    answers 200 with the original promise (as it is now) and creates nothing; the key with another \
                    request answers 409 (IDEMPOTENCY_KEY_REUSED). Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT.""")
    @ApiResponse(responseCode = "201", description = "created",
            headers = @Header(name = "Location", description = "/api/v1/accounts/{id}/promises/{promiseId}"))
    @ApiResponse(responseCode = "200", description = "a retry with the same Idempotency-Key: the original promise")
    @ApiResponse(responseCode = "400", description = "an invalid field (named in `field`): amount, dueDate, Idempotency-Key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no account has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the key was already used with another request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "the party is not on the account (PARTY_NOT_ON_ACCOUNT) or not "
            + "liable (PARTY_NOT_LIABLE); field partyId",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PromiseView> capture(
            @PathVariable String id,
            @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
                    description = "optional: a unique key per promise chosen by the client (e.g. a UUID), 1–255 "
                            + "visible ASCII characters, so a retried capture never creates two promises")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody PromiseRequest request,
            Authentication caller) {
        requireCapturer(caller);
        PromiseCapture.Outcome outcome = capture.capture(id, caller.getName(),
                idempotencyKey == null ? null : key(idempotencyKey), request);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/accounts/" + id + "/promises/" + outcome.promise().promiseId()))
                .body(outcome.promise());
    }

    @GetMapping(path = "/api/v1/accounts/{id}/promises", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The promises of an account with their status as of today (in the account's zone), oldest first")
    @ApiResponse(responseCode = "200", description = "the promises")
    @ApiResponse(responseCode = "404", description = "no account has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<PromiseView> list(@PathVariable String id) {
        return promises.list(id);
    }

    @GetMapping(path = "/api/v1/accounts/{id}/promises/{promiseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One promise with its status as of today")
    @ApiResponse(responseCode = "200", description = "the promise")
    @ApiResponse(responseCode = "404", description = "no such account or promise",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PromiseView one(@PathVariable String id, @PathVariable String promiseId) {
        return promises.view(id, promiseId);
    }

    @PostMapping(path = "/api/v1/accounts/{id}/promises/{promiseId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a pending promise",
            description = "A PENDING promise becomes CANCELLED (payments after now no longer count toward it); "
                    + "cancelling a CANCELLED promise answers it unchanged; a KEPT, PARTIALLY_KEPT or BROKEN promise "
                    + "cannot be cancelled (409 PROMISE_RESOLVED). Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT.")
    @ApiResponse(responseCode = "200", description = "the cancelled promise")
    @ApiResponse(responseCode = "404", description = "no such account or promise",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the promise is already resolved",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PromiseView cancel(@PathVariable String id, @PathVariable String promiseId, Authentication caller) {
        requireCapturer(caller);
        return capture.cancel(id, promiseId);
    }

    private static void requireCapturer(Authentication caller) {
        if (caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(CAPTURERS::contains)) {
            throw new AccessDeniedException("recording promises needs the role ADMIN, SUPERVISOR, TEAM_LEAD or AGENT");
        }
    }

    static String key(String header) {
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiProblem.badRequest("INVALID_HEADER", IDEMPOTENCY_KEY, "header " + IDEMPOTENCY_KEY
                    + " must be 1–" + MAX_KEY_LENGTH + " visible ASCII characters, e.g. a UUID");
        }
        return key;
    }
}

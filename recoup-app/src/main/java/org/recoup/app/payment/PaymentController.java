package org.recoup.app.payment;

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
import org.recoup.app.security.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Payments through the API (contract §4): idempotent posting and reading. */
@RestController
@Tag(name = "Payments", description = "Money received: idempotent posting and the payments of an account")
class PaymentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    private final PaymentPosting posting;
    private final CaseScope scope;

    PaymentController(PaymentPosting posting, CaseScope scope) {
        this.posting = posting;
        this.scope = scope;
    }

    @PostMapping(path = "/api/v1/payments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a payment, exactly once per Idempotency-Key",
            description = """
                    Creates a payment (source API) and answers 201 with it. A retry with the same Idempotency-Key and \
                    the same request (compared as values: field order, whitespace, the offset of paidAt and trailing \
                    zeros of amount do not matter) answers 200 with the original payment and creates nothing; the \
                    same key with another request answers 409 (code IDEMPOTENCY_KEY_REUSED). Keys are scoped per \
                    authenticated user. A request that fails validation stores nothing, so its key can be reused. \
                    Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT.""")
    @ApiResponse(responseCode = "201", description = "created",
            headers = @Header(name = "Location", description = "/api/v1/payments/{paymentId}"))
    @ApiResponse(responseCode = "200", description = "a retry of an earlier request with this key: the original payment",
            headers = @Header(name = "Location", description = "/api/v1/payments/{paymentId}"))
    @ApiResponse(responseCode = "400", description = "missing/invalid Idempotency-Key or an invalid field (named in `field`)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the key was already used with another request (IDEMPOTENCY_KEY_REUSED)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "the account does not exist (UNKNOWN_ACCOUNT, field accountId)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PaymentResponse> post(
            @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = true,
                    description = "a unique key per payment chosen by the client (e.g. a UUID), 1–255 visible ASCII "
                            + "characters; a structured-field string in double quotes is accepted too",
                    example = "8e03978e-40d5-43e8-bc93-6894a57f9324")
            @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @RequestBody PaymentRequest request,
            Authentication caller) {
        scope.requireAccountInBody(request.accountId());
        PaymentPosting.Outcome outcome = posting.post(caller.getName(), key(idempotencyKey), request);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/payments/" + outcome.payment().paymentId()))
                .body(outcome.payment());
    }

    @GetMapping(path = "/api/v1/payments/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One payment")
    @ApiResponse(responseCode = "200", description = "the payment")
    @ApiResponse(responseCode = "404", description = "no payment has this id (or its account is out of the caller's scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PaymentResponse payment(@PathVariable String paymentId) {
        return posting.find(paymentId).filter(p -> scope.currentMaySeeAccount(p.accountId()))
                .orElseThrow(() -> ApiProblem.notFound("payment", paymentId));
    }

    @GetMapping(path = "/api/v1/accounts/{id}/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The payments of an account, oldest first (imported and posted)")
    @ApiResponse(responseCode = "200", description = "the payments")
    @ApiResponse(responseCode = "404", description = "no account has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<PaymentResponse> accountPayments(@PathVariable String id) {
        return posting.forAccount(id);
    }

    /** The key as sent, without the quotes of a structured-field string ({@code "abc"} = {@code abc}). */
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

package org.recoup.app.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recording contacts through the atomic gate (contract §5 {@code POST /api/v1/contacts}). */
@RestController
@Tag(name = "Contacts", description = "Contact attempts recorded through the compliance gate")
class ContactController {

    private final ContactRecording recording;
    private final MessageTemplates templates;
    private final CaseScope scope;

    ContactController(ContactRecording recording, MessageTemplates templates, CaseScope scope) {
        this.recording = recording;
        this.templates = templates;
        this.scope = scope;
    }

    @PostMapping(path = "/api/v1/contacts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a contact attempt, atomically checked by the gate",
            description = """
                    The check body plus `outcome`. In one transaction the account row and then the party row are locked, \
                    the facts loaded, the contact evaluated (every recorded attempt counts, also one at the same instant), \
                    and the verdict audited; only when allowed is the attempt stored (201). Blocked: 422 with `reasons` \
                    and `nextAllowedAt`, nothing recorded but the verdict. `contactId` makes retries safe: the same id and \
                    body answers 200 with the original contact, the same id with another body 409 (CONTACT_ID_REUSED). \
                    `attachments` reference recordings/evidence by SHA-256 (the files are stored elsewhere). \
                    Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY.""")
    @ApiResponse(responseCode = "201", description = "recorded",
            headers = @Header(name = "Location", description = "/api/v1/contacts/{contactId}"))
    @ApiResponse(responseCode = "200", description = "a retry with the same contactId and body: the original contact")
    @ApiResponse(responseCode = "400", description = "an invalid field (named in `field`), e.g. an outcome impossible for "
            + "the channel (INVALID_OUTCOME), `at` in the future (AT_IN_FUTURE), a malformed sha256",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "contactId already used with another body (CONTACT_ID_REUSED)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "blocked by the gate (code CONTACT_BLOCKED, with `reasons`, "
            + "`nextAllowedAt`, `verdictId`), or unknown account/party/contact point (field named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> record(@Valid @RequestBody ContactRequestBody.Record body, Principal principal) {
        scope.requireAccountInBody(body.accountId());
        ContactRequestBody.Record resolved = new ContactRequestBody.Record(body.accountId(), body.partyId(),
                body.contactPointId(), body.channel(), body.at(), templates.contentFor(body.content(), body.templateId()),
                body.staff(), body.purpose(), body.templateId(), body.outcome(), body.contactId(), body.disposition(),
                body.attachments());
        ContactRecording.Result result = recording.record(resolved, principal.getName());
        if (result.blocked() != null) {
            VerdictView verdict = VerdictView.of(result.blocked(), result.verdictId());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "the compliance gate blocked this contact: " + String.join(", ",
                            verdict.reasons().stream().map(VerdictView.ReasonView::code).distinct().toList()));
            problem.setTitle("Contact blocked");
            problem.setProperty("code", "CONTACT_BLOCKED");
            problem.setProperty("verdict", verdict.verdict());
            problem.setProperty("reasons", verdict.reasons());
            if (verdict.nextAllowedAt() != null) {
                problem.setProperty("nextAllowedAt", verdict.nextAllowedAt());
            }
            problem.setProperty("profile", verdict.profile());
            problem.setProperty("verdictId", verdict.verdictId());
            return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/contacts/" + result.contact().contactId()))
                .body(result.contact());
    }

    @GetMapping(path = "/api/v1/contacts/{contactId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One recorded contact (imported or recorded through the gate)")
    @ApiResponse(responseCode = "404", description = "no contact has this id (or its account is out of the caller's scope)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ContactRecording.ContactView contact(@PathVariable String contactId) {
        return recording.find(contactId).filter(c -> scope.currentMaySeeAccount(c.accountId()))
                .orElseThrow(() -> ApiProblem.notFound("contact", contactId));
    }
}

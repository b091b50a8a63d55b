package org.recoup.app.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Holds on a party (contract §5) and the contact window a party consented to. */
@RestController
@Tag(name = "Compliance")
class HoldController {

    private final PartyHolds holds;

    HoldController(PartyHolds holds) {
        this.holds = holds;
    }

    @Schema(name = "HoldRequest")
    record HoldRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required") PartyHolds.SettableType type,
            @Schema(example = "2026-11-23T09:00:00+08:00", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required (an ISO-8601 instant with offset)") OffsetDateTime from,
            @Schema(description = "end (exclusive); absent = until ended") OffsetDateTime to,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank(message = "is required")
            @Size(max = 1000, message = "must be at most 1000 characters") String reason,
            @Schema(description = "SHA-256 of the evidence (letter, court order, debt-advice notice)")
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits (a SHA-256)") String evidenceSha256) {
    }

    @PostMapping(path = "/api/v1/parties/{id}/holds", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put a hold on a party",
            description = "DISPUTE, CEASE_COMMUNICATION, BANKRUPTCY, DECEASED, COMPLAINT or BREATHING_SPACE, from `from` "
                    + "until `to` or until ended. Who set it is recorded. Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, COMPLIANCE.")
    @ApiResponse(responseCode = "201", description = "the hold")
    @ApiResponse(responseCode = "404", description = "no party has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PartyHolds.HoldView> set(@PathVariable String id, @Valid @RequestBody HoldRequest body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(holds.set(id, body.type(), body.from().toInstant(),
                body.to() == null ? null : body.to().toInstant(), body.reason().strip(), body.evidenceSha256(),
                principal.getName()));
    }

    @DeleteMapping(path = "/api/v1/parties/{id}/holds/{holdId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End a hold now (it stays in the history with who ended it and when)",
            description = "Roles: ADMIN, SUPERVISOR, COMPLIANCE. Ending an ended hold answers 409 HOLD_ALREADY_ENDED.")
    PartyHolds.HoldView end(@PathVariable String id, @PathVariable String holdId, Principal principal) {
        return holds.end(id, holdId, principal.getName());
    }

    @GetMapping(path = "/api/v1/parties/{id}/holds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The full hold history of a party, oldest first")
    List<PartyHolds.HoldView> history(@PathVariable String id) {
        return holds.history(id);
    }

    @PutMapping(path = "/api/v1/parties/{id}/contact-window", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the party's consent to be contacted in another daily window",
            description = "Body `{\"start\": \"HH:mm\", \"end\": \"HH:mm\", \"recordedAt\"?: instant}` (a window wrapping "
                    + "midnight is allowed); `{\"start\": null, \"end\": null}` records a withdrawal. The window replaces the "
                    + "profile's hours for contacts at or after `recordedAt` (default now), in the party's zone. "
                    + "Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, COMPLIANCE.")
    PartyHolds.WindowView window(@PathVariable String id, @RequestBody JsonNode body, Principal principal) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("INVALID_BODY", null, "the body must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"}");
        }
        boolean withdraw = body.path("start").isNull() && body.path("end").isNull()
                && body.has("start") && body.has("end");
        java.time.LocalTime start = withdraw ? null : ComplianceProfiles.time(body.get("start"), "start");
        java.time.LocalTime end = withdraw ? null : ComplianceProfiles.time(body.get("end"), "end");
        java.time.Instant recordedAt = null;
        if (body.hasNonNull("recordedAt")) {
            try {
                recordedAt = OffsetDateTime.parse(body.get("recordedAt").asString()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiProblem.badRequest("INVALID_BODY", "recordedAt",
                        "recordedAt must be an ISO-8601 instant with offset, e.g. 2026-11-23T10:00:00+08:00");
            }
        }
        return holds.recordWindow(id, start, end, recordedAt, principal.getName());
    }

    @GetMapping(path = "/api/v1/parties/{id}/contact-window", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The history of the party's consented contact windows, oldest first")
    List<PartyHolds.WindowView> windows(@PathVariable String id) {
        return holds.windows(id);
    }
}

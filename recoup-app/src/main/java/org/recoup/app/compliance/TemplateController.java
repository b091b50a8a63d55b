package org.recoup.app.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.PartyRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Message templates, linted at save time. */
@RestController
@Tag(name = "Compliance")
class TemplateController {

    private final MessageTemplates templates;

    TemplateController(MessageTemplates templates) {
        this.templates = templates;
    }

    @Schema(name = "TemplateRequest")
    record TemplateRequest(Channel channel, @Size(max = 10, message = "must be at most 10 characters") String locale,
                           @Schema(description = "who it is written for; a role that is not liable is linted for debt "
                                   + "disclosure too") PartyRole recipientRole,
                           @NotBlank(message = "is required") @Size(max = 20_000, message = "must be at most 20000 characters")
                           String text) {
    }

    @GetMapping(path = "/api/v1/templates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All stored message templates (version 1 is the compliant library shipped with the engine)")
    List<MessageTemplates.Template> list() {
        return templates.current().templates().values().stream()
                .sorted(java.util.Comparator.comparing(MessageTemplates.Template::id)).toList();
    }

    @GetMapping(path = "/api/v1/templates/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One message template")
    MessageTemplates.Template get(@PathVariable String id) {
        return templates.find(id).orElseThrow(() -> ApiProblem.notFound("template", id));
    }

    @PutMapping(path = "/api/v1/templates/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store (create or replace) a message template; refused when the lint finds anything",
            description = "The text is linted for its channel and recipient role; any finding refuses the template with "
                    + "422 (code CONTENT_FINDINGS) listing each finding's code and span. Roles: ADMIN, SUPERVISOR, COMPLIANCE.")
    @ApiResponse(responseCode = "200", description = "stored")
    @ApiResponse(responseCode = "422", description = "the lint found problems (`findings`: code, start, end, message)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MessageTemplates.Template put(@PathVariable String id, @Valid @RequestBody TemplateRequest body, Principal principal) {
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "id", "a template id is 1–100 letters, digits, '.', '_' or '-'");
        }
        MessageTemplates.Template template = new MessageTemplates.Template(id, body.channel(), body.locale(),
                body.recipientRole(), body.text());
        templates.save(template, principal.getName());
        return template;
    }

    @ExceptionHandler(MessageTemplates.Refused.class)
    ResponseEntity<ProblemDetail> refused(MessageTemplates.Refused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "the template was refused: " + refused.getMessage());
        problem.setTitle("Template refused");
        problem.setProperty("code", "CONTENT_FINDINGS");
        problem.setProperty("field", "text");
        problem.setProperty("findings", refused.findings);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

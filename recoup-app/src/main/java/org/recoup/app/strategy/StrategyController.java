package org.recoup.app.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.strategy.StrategyDocument;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strategy versions: list, read, validate, save as draft, activate. */
@RestController
@RequestMapping("/api/v1/strategies")
@Tag(name = "Strategies")
class StrategyController {

    static final String YAML_TYPES = "text/yaml, application/yaml, application/x-yaml, text/plain";

    private final StrategyVersions versions;
    private final JsonMapper json;

    StrategyController(StrategyVersions versions, JsonMapper json) {
        this.versions = versions;
        this.json = json;
    }

    /** A strategy and its versions. */
    record StrategySummary(String id, List<StrategyVersion> versions) {
    }

    /** One version with its YAML text. */
    record StrategyVersionDetail(String strategyId, int version, String status, int rules, String note,
                                 String createdBy, OffsetDateTime createdAt, String activatedBy,
                                 OffsetDateTime activatedAt, OffsetDateTime retiredAt, String yaml) {

        static StrategyVersionDetail of(StrategyVersion v, String yaml) {
            return new StrategyVersionDetail(v.strategyId(), v.version(), v.status(), v.rules(), v.note(),
                    v.createdBy(), v.createdAt(), v.activatedBy(), v.activatedAt(), v.retiredAt(), yaml);
        }
    }

    /** The outcome of a validation that found nothing wrong (problems are a 422). */
    record Validation(boolean valid, String strategyId, int rules, List<String> ruleIds) {
    }

    @GetMapping
    @Operation(summary = "Every strategy with its versions and their status (DRAFT, ACTIVE, RETIRED)")
    List<StrategySummary> list() {
        return versions.list().entrySet().stream().map(e -> new StrategySummary(e.getKey(), e.getValue())).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One stored version",
            description = "With Accept: text/yaml (or application/yaml) the YAML text itself; otherwise JSON with the "
                    + "status and the text in field 'yaml'.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = StrategyVersionDetail.class)),
            @Content(mediaType = "text/yaml", schema = @Schema(type = "string"))})
    ResponseEntity<?> version(@PathVariable String id, @PathVariable int version,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        StrategyVersion stored = versions.get(id, version);
        String yaml = versions.yaml(id, version);
        if (accept != null && accept.contains("yaml")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "yaml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(yaml);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(StrategyVersionDetail.of(stored, yaml));
    }

    @PostMapping("/validate")
    @Operation(summary = "Check a strategy without saving it",
            description = "Body: the YAML text (text/yaml), or JSON {\"yaml\": \"…\"}. 200 when valid; 422 problem with "
                    + "errors [{rule, line, code, message}] naming each rule and YAML line otherwise.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "text/yaml", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = YamlBody.class))})
    Validation validate(@RequestBody String body,
                        @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        StrategyDocument document = versions.validate(read(body, contentType).yaml());
        return new Validation(true, document.id(), document.rules().size(),
                document.rules().stream().map(org.recoup.engine.strategy.Rule::id).toList());
    }

    @PostMapping("/{id}/versions")
    @Operation(summary = "Save a strategy text as the next version, a DRAFT",
            description = "Body: the YAML text (text/yaml; note in ?note=), or JSON {\"yaml\": \"…\", \"note\": \"…\"}. "
                    + "Validated first: 422 problem with errors [{rule, line, code, message}] when the text has a YAML "
                    + "error, an unknown key or action, a condition that does not compile (unknown fact, type error) "
                    + "or one beyond the cost limits. The server numbers versions: the text's 'version:' is set to the "
                    + "number assigned. The text's 'id' must be the id in the path; a new id starts a new strategy.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "text/yaml", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = YamlBody.class))})
    @ApiResponse(responseCode = "201", description = "saved as a draft")
    ResponseEntity<StrategyVersionDetail> save(@PathVariable String id, @RequestBody String body,
                                               @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                               @Parameter(description = "a note for the version (YAML bodies)")
                                               @RequestParam(required = false) String note,
                                               Principal principal) {
        YamlBody request = read(body, contentType);
        StrategyVersion saved = versions.saveDraft(id, request.yaml(), request.note() != null ? request.note() : note,
                principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/strategies/" + id + "/versions/" + saved.version()))
                .body(StrategyVersionDetail.of(saved, versions.yaml(id, saved.version())));
    }

    @PostMapping("/{id}/versions/{version}/activate")
    @Operation(summary = "Make a version the champion",
            description = "The previously active version becomes RETIRED in the same transaction; exactly one version "
                    + "is ACTIVE. Activating the active version changes nothing. Any stored version (draft or retired) "
                    + "can be activated, so a rollback is an activation of the previous version.")
    StrategyVersion activate(@PathVariable String id, @PathVariable int version, Principal principal) {
        return versions.activate(id, version, principal.getName());
    }

    /** A JSON body carrying a strategy text. */
    record YamlBody(@Schema(description = "the strategy's YAML text") String yaml, String note) {
    }

    private YamlBody read(String body, String contentType) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            try {
                JsonNode tree = json.readTree(body);
                JsonNode yaml = tree == null ? null : tree.get("yaml");
                if (yaml == null || !yaml.isString()) {
                    throw ApiProblem.badRequest("INVALID_BODY", "yaml", "field 'yaml' must be the strategy's text");
                }
                JsonNode note = tree.get("note");
                return new YamlBody(yaml.asString(), note == null || note.isNull() ? null : note.asString());
            } catch (JacksonException e) {
                throw ApiProblem.badRequest("INVALID_BODY", null, "the request body is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        return new YamlBody(body, null);
    }
}

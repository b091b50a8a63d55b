package org.recoup.app.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.CaseScope;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContentLint;
import org.recoup.engine.compliance.PartyRole;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The gate as a question (check), the content lint, and the compliance report (contract §5). */
@RestController
@Tag(name = "Compliance", description = "Contact checks, content lint, holds, the verdict audit and its report")
class ComplianceController {

    private final ContactGate gate;
    private final VerdictAudit audit;
    private final MessageTemplates templates;
    private final CaseScope scope;

    ComplianceController(ContactGate gate, VerdictAudit audit, MessageTemplates templates, CaseScope scope) {
        this.gate = gate;
        this.audit = audit;
        this.templates = templates;
        this.scope = scope;
    }

    @PostMapping(path = "/api/v1/compliance/check", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "May this contact be made at `at`? Reserves nothing; the verdict is audited",
            description = """
                    Evaluates the account's profile (jurisdiction + portfolio overrides): hours in the party's and the \
                    contact point's zones, frequency caps counted from the recorded history strictly before `at`, \
                    third-party rules by role, holds (incl. PTP_IN_FORCE from pending promises), visit staff, cash \
                    collection and the content lint. When `content` is absent and `templateId` names a stored \
                    template, the template's text is linted. Any authenticated role.""")
    @ApiResponse(responseCode = "200", description = "the verdict (ALLOW or BLOCK with every reason)")
    @ApiResponse(responseCode = "400", description = "an invalid field (named in `field`)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "unknown account/party (UNKNOWN_ACCOUNT, UNKNOWN_PARTY), a party "
            + "without a role on the account (PARTY_NOT_ON_ACCOUNT) or a contact point that does not exist or belongs to "
            + "another party (CONTACT_POINT_INVALID); `field` names the field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    VerdictView check(@Valid @RequestBody ContactRequestBody.Check body, Principal principal) {
        scope.requireAccountInBody(body.accountId());
        ContactRequestBody.Check resolved = new ContactRequestBody.Check(body.accountId(), body.partyId(),
                body.contactPointId(), body.channel(), body.at(), templates.contentFor(body.content(), body.templateId()),
                body.staff(), body.purpose(), body.templateId());
        ContactGate.Checked checked = gate.check(resolved.toEngine(), body.templateId(), principal.getName());
        return VerdictView.of(checked.verdict(), checked.verdictId());
    }

    @Schema(name = "LintRequest")
    record LintRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required") String text,
                       @Schema(description = "the channel; absent = all rules") Channel channel,
                       @Schema(description = "who receives it; a role that is not liable (EMERGENCY_CONTACT, EMPLOYER, "
                               + "SPOUSE, HEIR) also gets CONTENT_DEBT_TO_THIRD_PARTY findings") PartyRole recipientRole) {
    }

    @Schema(name = "LintFinding")
    record FindingView(String code, int start, int end, String message, String rule) {
    }

    @Schema(name = "LintResponse")
    record LintResponse(List<FindingView> findings) {
    }

    @PostMapping(path = "/api/v1/compliance/lint", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lint a message or script (zh-CN and English)",
            description = "Findings carry a stable code and the span [start, end) in UTF-16 code units of `text`: "
                    + "threats, false or premature legal claims, shaming/disclosure, impersonation of authorities, "
                    + "abusive language, cash collection, debt details to third parties. Any authenticated role.")
    LintResponse lint(@Valid @RequestBody LintRequest body) {
        return new LintResponse(findings(body.text(), body.channel(), body.recipientRole()));
    }

    static List<FindingView> findings(String text, Channel channel, PartyRole role) {
        return ContentLint.defaults().lint(text, channel, role).stream()
                .map(f -> new FindingView(f.code().name(), f.start(), f.end(), f.message(), f.rule())).toList();
    }

    @Schema(name = "ComplianceReport")
    record Report(LocalDate from, LocalDate to, long allowed, long blocked, List<VerdictAudit.Count> byReason,
                  List<VerdictAudit.Count> byTeam, List<VerdictAudit.Count> byTemplate) {
    }

    @GetMapping(path = "/api/v1/compliance/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Blocked contacts by reason code, by team and by template",
            description = "Counts the audited verdicts decided from `from` 00:00 UTC to the end of `to` (UTC). A verdict "
                    + "with several reason codes counts once under each code. Users without a team, and checks by the "
                    + "daily run, are under \"(none)\". Roles: ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE.")
    Report report(@Parameter(example = "2026-11-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @Parameter(example = "2026-11-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return report(audit, from, to);
    }

    static Report report(VerdictAudit audit, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "to", "to must not be before from (" + from + ")");
        }
        var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<VerdictAudit.Count>> groups = audit.report(start, end);
        return new Report(from, to, audit.count("ALLOW", start, end), audit.count("BLOCK", start, end),
                groups.get("byReason"), groups.get("byTeam"), groups.get("byTemplate"));
    }
}

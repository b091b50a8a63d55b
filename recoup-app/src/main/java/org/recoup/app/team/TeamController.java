package org.recoup.app.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Teams, skills and capacity, automatic assignment, handover with history, the escalation queue and targets. */
@RestController
@Tag(name = "Teams")
class TeamController {

    private final TeamDirectory directory;
    private final TeamAssignment assignment;
    private final Handovers handovers;
    private final Escalations escalations;
    private final Targets targets;
    private final CaseScope scope;
    private final MessageSource messages;

    TeamController(TeamDirectory directory, TeamAssignment assignment, Handovers handovers, Escalations escalations,
                   Targets targets, CaseScope scope, MessageSource messages) {
        this.directory = directory;
        this.assignment = assignment;
        this.handovers = handovers;
        this.escalations = escalations;
        this.targets = targets;
        this.scope = scope;
        this.messages = messages;
    }

    static Actor actor(CaseScope scope) {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                "the signed-in user is not a Recoup user"));
    }

    @GetMapping(path = "/api/v1/teams", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Teams and channel pools with their members' tiers, skills, capacity and open cases held",
            description = "A team lead sees their own team only. Roles: ADMIN, SUPERVISOR, TEAM_LEAD.")
    List<TeamDirectory.Team> teams() {
        return directory.teams(actor(scope));
    }

    @GetMapping(path = "/api/v1/teams/{teamId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One team with its members", description = "404 for a team the caller may not see.")
    TeamDirectory.Team team(@PathVariable String teamId) {
        return directory.team(actor(scope), teamId);
    }

    @PutMapping(path = "/api/v1/teams/{teamId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or change a team or channel pool",
            description = "Body {\"name\": \"Early collections\", \"kind\": \"TEAM\"|\"CHANNEL\", \"lead\": \"lead\"}. "
                    + "Members are users whose team is the team id. Which buckets/stages/segments/products a team "
                    + "works is the queue routing (/api/v1/config/queue-routing). Roles: ADMIN, SUPERVISOR.")
    TeamDirectory.Team saveTeam(@PathVariable String teamId, @RequestBody TeamDirectory.TeamRequest request) {
        return directory.saveTeam(actor(scope), teamId, request);
    }

    @PutMapping(path = "/api/v1/agents/{username}/profile", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set an agent's skills and capacity",
            description = "Body {\"languages\": [\"zh-CN\", \"en\"], \"products\": [\"CONSUMER_LOAN\"], \"capacity\": 40}:"
                    + " languages zh-CN/en, products CONSUMER_LOAN/CREDIT_CARD/B2B_RECEIVABLE/PROPERTY_FEE, capacity the "
                    + "most open cases held (0–10000). A team lead sets them for their own team's members only. "
                    + "Roles: ADMIN, SUPERVISOR, TEAM_LEAD.")
    TeamDirectory.Member saveProfile(@PathVariable String username, @RequestBody TeamDirectory.ProfileRequest request) {
        return directory.saveProfile(actor(scope), username, request);
    }

    @PostMapping(path = "/api/v1/teams/{teamId}/assignment-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place the cases waiting in a team's pool with its agents now",
            description = "Skills must match (debtor language, every product of the case); least loaded first; never "
                    + "above capacity; the rest stays in the pool. Also runs after every daily run. Roles: ADMIN, "
                    + "SUPERVISOR.")
    TeamAssignment.Result assignPool(@PathVariable String teamId) {
        return assignment.assignPool(teamId);
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/handover", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Hand a case over (换手) to an agent, a team pool or a channel, with a reason",
            description = "Body {\"toAgent\": \"ann\"} or {\"toTeam\": \"visit\"}, and \"reason\" (required). "
                    + "Supervisors: any case to anyone. Team leads: their team's cases, to their team's agents or pool or "
                    + "a channel. Agents: only a case they hold, to a colleague, their team's pool or a channel (403 "
                    + "otherwise). 409 AGENT_AT_CAPACITY when the agent is full. Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT.")
    CaseRouting.Assigned handOver(@PathVariable String caseId, @RequestBody Handovers.HandoverRequest request) {
        return handovers.handOver(actor(scope), caseId, request);
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/assignment-history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who held the case, from when, who changed it and why (oldest first)",
            description = "404 for a case outside the caller's scope.")
    List<Handovers.HistoryEntry> history(@PathVariable String caseId) {
        return handovers.history(actor(scope), caseId);
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/escalations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Escalate a case to the supervisors' queue with a reason",
            description = "Body {\"reason\": \"…\"}. 409 ALREADY_ESCALATED while the case is in the queue. Roles: ADMIN, "
                    + "SUPERVISOR, TEAM_LEAD, AGENT (cases in their scope).")
    ResponseEntity<Escalations.Escalation> escalate(@PathVariable String caseId,
                                                    @RequestBody Escalations.RaiseRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(escalations.raise(actor(scope), caseId, request));
    }

    @GetMapping(path = "/api/v1/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The escalation queue (OPEN by default, or RESOLVED), oldest first, at most 500",
            description = "Roles: ADMIN, SUPERVISOR.")
    List<Escalations.Escalation> escalations(@RequestParam(required = false) String status) {
        return escalations.list(actor(scope), status);
    }

    @GetMapping(path = "/api/v1/escalations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One escalation", description = "Roles: ADMIN, SUPERVISOR.")
    Escalations.Escalation escalation(@PathVariable long id) {
        return escalations.get(actor(scope), id);
    }

    @PostMapping(path = "/api/v1/escalations/{id}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resolve an escalation: assign up a tier, hand over, or close",
            description = "Body {\"action\": \"ASSIGN\", \"agent\": \"senior\", \"note\": \"…\"} (agent of a higher tier "
                    + "than the holder), {\"action\": \"HANDOVER\", \"team\": \"legal\", \"note\": \"…\"} or "
                    + "{\"action\": \"CLOSE\", \"note\": \"…\"}. 409 ALREADY_RESOLVED. Roles: ADMIN, SUPERVISOR.")
    Escalations.Escalation resolve(@PathVariable long id, @RequestBody Escalations.ResolveRequest request) {
        return escalations.resolve(actor(scope), id, request);
    }

    @PutMapping(path = "/api/v1/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a monthly target of an agent or a team",
            description = "Body {\"month\": \"2026-11\", \"scope\": \"AGENT\"|\"TEAM\", \"subject\": \"agent\", "
                    + "\"currency\": \"CNY\", \"amountMinor\": 5000000, \"contactsTarget\": 600, \"promisesTarget\": 80}. "
                    + "Replaces the target of the same month, scope, subject and currency. Roles: ADMIN, SUPERVISOR.")
    ResponseEntity<Void> saveTarget(@RequestBody Targets.TargetRequest request) {
        targets.save(actor(scope), request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/v1/targets/progress")
    @Operation(summary = "Progress against the month's targets (JSON table, or ?format=xlsx|csv)",
            description = "Recovered = payments in the month on cases the agent/team held at payment time (assignment "
                    + "history); contacts and promises recorded by the agent (team: its members). A team lead sees their "
                    + "team only. Roles: ADMIN, SUPERVISOR, TEAM_LEAD.")
    ResponseEntity<?> progress(@RequestParam String month, @RequestParam(required = false) String format,
                               Locale locale) {
        Table table = targets.progress(actor(scope), Targets.month(month, "month"), labels(messages, locale));
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "targets-" + month, table);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
    }

    static Map<String, String> labels(MessageSource messages, Locale locale) {
        java.util.HashMap<String, String> out = new java.util.HashMap<>();
        for (String k : Targets.labelKeys()) {
            out.put(k, messages.getMessage("teams.targets.column." + k, null, k, locale));
        }
        return out;
    }
}

package org.recoup.app.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
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

/** The work queue over the API: next case, release and renew a lock, queue depth, (re)assigning a case. */
@RestController
@Tag(name = "Work queue")
class QueueController {

    private final WorkQueue queue;
    private final CaseRouting routing;
    private final CaseScope scope;
    private final Clock clock;

    QueueController(WorkQueue queue, CaseRouting routing, CaseScope scope, Clock clock) {
        this.queue = queue;
        this.routing = routing;
        this.scope = scope;
        this.clock = clock;
    }

    /** A lock just renewed. */
    record Lock(String caseId, Instant lockedUntil) {
    }

    @PostMapping(path = "/api/v1/queue/next", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pop the highest-priority case the caller may contact now and lock it to them",
            description = "Agents and team leads get their own assigned cases and the unassigned cases of their team's "
                    + "queue, agency users the cases placed with their agency. A case is offered from its available "
                    + "time (planned call time, compliance nextAllowedAt, follow-up) in priority order, and locked to "
                    + "the caller for the configured minutes (queue-routing lockMinutes, default 15): two agents never "
                    + "get the same case. A caller who still holds a lock gets that case again, renewed. 204 when "
                    + "nothing waits. Optional filters: stage (e.g. EARLY) and segment (grade A/B/C or quadrant).",
            responses = {@ApiResponse(responseCode = "200", description = "the case, now locked to the caller"),
                    @ApiResponse(responseCode = "204", description = "nothing waits in the caller's queue"),
                    @ApiResponse(responseCode = "403", description = "the caller's role does not work the queue")})
    ResponseEntity<WorkQueue.NextCase> next(@Parameter(description = "only cases of this stage")
                                            @RequestParam(required = false) String stage,
                                            @Parameter(description = "only cases of this grade or quadrant")
                                            @RequestParam(required = false) String segment) {
        return queue.next(actor(scope), new WorkQueue.Filter(stage, segment), clock.instant())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/cases/{caseId}/release")
    @Operation(summary = "Release the caller's lock on a case (it is offered again at once)",
            description = "404 when the case is out of the caller's scope, 409 when another agent holds it. "
                    + "Supervisors and administrators may release any lock.",
            responses = @ApiResponse(responseCode = "204", description = "released (or not locked)"))
    ResponseEntity<Void> release(@PathVariable String caseId) {
        queue.release(actor(scope), caseId, clock.instant());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/lock", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Renew the caller's lock on a case (activity on the case)",
            description = "Extends the lock by the configured minutes from now; 409 when the caller does not hold it.")
    Lock renew(@PathVariable String caseId) {
        Actor actor = actor(scope);
        return queue.renew(actor, caseId, clock.instant()).map(until -> new Lock(caseId, until))
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "NOT_LOCKED", null,
                        "you do not hold case " + caseId + " (released or timed out): take it with next case"));
    }

    @GetMapping(path = "/api/v1/queue/depth", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Queue depth per team and stage: waiting now, waiting later today, locked",
            description = "Supervisors and administrators see every team, a team lead their own team. \"Later today\" "
                    + "ends at midnight in the server's zone.")
    List<WorkQueue.TeamDepth> depth() {
        return queue.depth(actor(scope), clock.instant(), clock.getZone());
    }

    @PutMapping(path = "/api/v1/cases/{caseId}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "(Re)assign a case to a team, an agent or an agency",
            description = "Body {team, agent, agencyId, reason}; reason is required. Supervisors and administrators "
                    + "assign any case; a team lead the cases of their team, within it. An agent named without a team "
                    + "brings the agent's team. Each change is appended to the case's assignment history.")
    CaseRouting.Assigned assign(@PathVariable String caseId, @RequestBody CaseRouting.Assignment request) {
        return routing.assign(actor(scope), caseId, request);
    }

    static Actor actor(CaseScope scope) {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                "the signed-in user is not a Recoup user"));
    }
}

package org.recoup.app.dailyrun;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.delinquency.AccountStates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The daily run API (contract §3). */
@RestController
@RequestMapping("/api/v1/runs")
@Tag(name = "Daily runs")
class DailyRunController {

    private final DailyRuns runs;
    private final AccountStates states;
    private final AccountDecisions decisions;

    DailyRunController(DailyRuns runs, AccountStates states, AccountDecisions decisions) {
        this.runs = runs;
        this.states = states;
        this.decisions = decisions;
    }

    record RunRequest(LocalDate asOf) {
    }

    @PostMapping
    @Operation(summary = "Run the daily run for a business date",
            description = "Assesses, segments and decides every account as of asOf and plans each case's actions "
                    + "(screened by the compliance gate); a rerun of the same date replaces them with identical "
                    + "results, and a request for a date whose last run was interrupted resumes it. Answers 202 with "
                    + "the run id, or with wait=true when it is done.")
    ResponseEntity<?> start(@RequestBody RunRequest request, @RequestParam(defaultValue = "false") boolean wait,
                            Principal principal) {
        if (request == null || request.asOf() == null) {
            throw ApiProblem.badRequest("INVALID_BODY", "asOf", "field 'asOf' is required: a date YYYY-MM-DD");
        }
        if (wait) {
            RunView run = runs.runAndWait(request.asOf(), principal.getName(), RunProgress.NONE);
            return ResponseEntity.status(run.status() == RunStatus.SUCCEEDED ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
                    .location(URI.create("/api/v1/runs/" + run.id())).body(run);
        }
        RunView run = runs.request(request.asOf(), principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.id()))
                .body(Map.of("id", run.id(), "status", run.status()));
    }

    @GetMapping
    @Operation(summary = "The most recent runs, newest first")
    List<RunView> recent(@RequestParam(defaultValue = "50") int limit) {
        return runs.recent(Math.min(limit, 500));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A run's status, counts and timings")
    RunView get(@PathVariable long id) {
        return runs.find(id).orElseThrow(() -> ApiProblem.notFound("run", String.valueOf(id)));
    }

    @GetMapping(value = "/{id}/states.csv", produces = "text/csv")
    @Operation(summary = "All states of a run's business date as CSV, one row per account")
    void statesCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        RunView run = succeeded(id, "states");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"states-" + run.asOf() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        states.exportCsv(run.asOf(), out);
    }

    @GetMapping(value = "/{id}/actions.csv", produces = "text/csv")
    @Operation(summary = "All actions planned for a run's business date as CSV, one row per case and action",
            description = "Columns as_of, case_id, action, kind (QUEUE, OUTBOX, TASK), status (PLANNED, DEFERRED, "
                    + "DROPPED after the compliance gate), channel, party_id, contact_point_id, priority, script, "
                    + "template, tier, rule_id, accounts (the case's accounts that asked for it, ';'-free, comma "
                    + "separated in a quoted field), planned_at (UTC instant), reasons. Ordered by case id and action; "
                    + "byte-identical across reruns of the date.")
    void actionsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        RunView run = succeeded(id, "actions");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"actions-" + run.asOf() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        decisions.exportActionsCsv(run.asOf(), out);
    }

    private RunView succeeded(long id, String what) {
        RunView run = get(id);
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "RUN_NOT_SUCCEEDED", null,
                    "run " + id + " is " + run.status() + "; " + what + " are exported only for a run that succeeded");
        }
        return run;
    }
}

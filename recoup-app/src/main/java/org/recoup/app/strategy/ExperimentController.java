package org.recoup.app.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Champion/challenger experiments and their per-arm outcomes. */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Experiments")
class ExperimentController {

    private final StrategyExperiments experiments;
    private final ExperimentReports reports;

    ExperimentController(StrategyExperiments experiments, ExperimentReports reports) {
        this.experiments = experiments;
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "Every experiment, newest first")
    List<ExperimentView> list() {
        return experiments.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One experiment")
    ExperimentView get(@PathVariable String id) {
        return experiments.get(id);
    }

    @PostMapping
    @Operation(summary = "Start an experiment",
            description = "Challenger arms apply stored strategy versions (draft or active) to their share of the cases "
                    + "in the chosen grades/quadrants (empty = all); controlShare stays on the champion; shares add up "
                    + "to 1. A case's arm is a stable hash of (case id, experiment id), so it never changes between "
                    + "runs. 400 INVALID_EXPERIMENT names the field; 409 when the id exists or a running experiment "
                    + "covers an overlapping segment.")
    @ApiResponse(responseCode = "201", description = "running")
    ResponseEntity<ExperimentView> create(@RequestBody ExperimentRequest request, Principal principal) {
        ExperimentView created = experiments.create(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/experiments/" + created.id())).body(created);
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop an experiment", description = "Its cases go back to the champion from the next run.")
    ExperimentView stop(@PathVariable String id, Principal principal) {
        return experiments.stop(id, principal.getName());
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "Outcomes per arm",
            description = "Per arm: accounts and cases (by each account's first decision in the experiment), recovered "
                    + "amount per currency (payments on or after that decision's business date), cure rate (accounts "
                    + "delinquent at their first decision that reach dpd 0 in a later state) and promise-kept rate "
                    + "(promises made since, KEPT among KEPT/PARTIALLY_KEPT/BROKEN), each with a 95% Wilson interval.")
    ExperimentReport report(@PathVariable String id) {
        return reports.report(id);
    }
}

package org.recoup.app.dailyrun;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.recoup.app.api.ApiProblem;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/strategies/{id}/versions/{v}/simulate}: a strategy version against the one in force, no writes. */
@RestController
@Tag(name = "Strategies")
class SimulationController {

    private final Simulations simulations;

    SimulationController(Simulations simulations) {
        this.simulations = simulations;
    }

    record SimulationRequest(LocalDate asOf) {
    }

    @PostMapping("/api/v1/strategies/{id}/versions/{version}/simulate")
    @Operation(summary = "Simulate a strategy version over a business date, without side effects",
            description = "Runs the daily run's decision pipeline (assess, facts, segment, decide) over every account "
                    + "as of asOf with the given version (active or draft) and with the strategies in force, and "
                    + "returns both action counts — in total, per firing rule and per segment (grade/quadrant) — with "
                    + "the differences (candidate − current, non-zero only) and how many accounts are decided "
                    + "differently. Nothing is written; the compliance gate is not consulted.")
    Simulations.Result simulate(@PathVariable String id, @PathVariable int version,
                                @RequestBody(required = false) SimulationRequest request) {
        if (request == null || request.asOf() == null) {
            throw ApiProblem.badRequest("INVALID_BODY", "asOf", "field 'asOf' is required: a date YYYY-MM-DD");
        }
        try {
            return simulations.simulate(id, version, request.asOf());
        } catch (IllegalArgumentException unknown) {
            throw ApiProblem.notFound("strategy version", id + " v" + version);
        }
    }
}

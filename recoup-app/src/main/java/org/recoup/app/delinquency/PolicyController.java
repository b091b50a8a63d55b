package org.recoup.app.delinquency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and changes the delinquency policy (buckets, stages, risk classes, waterfall). */
@RestController
@RequestMapping("/api/v1/config/delinquency-policy")
@Tag(name = "Configuration")
class PolicyController {

    private final DelinquencyPolicies policies;

    PolicyController(DelinquencyPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "The delinquency policy in force")
    DelinquencyPolicy current() {
        return policies.current();
    }

    @GetMapping("/versions")
    @Operation(summary = "All stored versions of the delinquency policy")
    List<Integer> versions() {
        return policies.versions();
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One stored version of the delinquency policy")
    DelinquencyPolicy version(@PathVariable int version) {
        return policies.version(version);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the delinquency policy",
            description = "Validated on save: bands must cover every dpd from 0 without gaps, the waterfall must name "
                    + "PENALTY, FEES, INTEREST and PRINCIPAL once each. The version number is assigned by the server.")
    DelinquencyPolicy save(@RequestBody String document, Principal principal) {
        return policies.save(policies.parse(document), principal.getName());
    }
}

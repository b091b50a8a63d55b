package org.recoup.app.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.recoup.engine.segmentation.SegmentationPolicy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and changes the segmentation policy (grade and willingness/ability thresholds, PRACTICE §3). */
@RestController
@RequestMapping("/api/v1/config/segmentation-policy")
@Tag(name = "Configuration")
class SegmentationPolicyController {

    private final SegmentationPolicies policies;

    SegmentationPolicyController(SegmentationPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "The segmentation policy in force")
    SegmentationPolicy current() {
        return policies.current();
    }

    @GetMapping("/versions")
    @Operation(summary = "All stored versions of the segmentation policy")
    List<Integer> versions() {
        return policies.versions();
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One stored version of the segmentation policy")
    SegmentationPolicy version(@PathVariable int version) {
        return policies.version(version);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the segmentation policy",
            description = "Every threshold is required and a whole number: gradeAMaxDpd >= 0, gradeCFromDpd above it, "
                    + "the others >= 1; abilityWhenUnknown HIGH or LOW. The version is assigned by the server; segments "
                    + "name the version that produced them. 400 INVALID_POLICY names the field.")
    SegmentationPolicy save(@RequestBody String document, Principal principal) {
        return policies.save(document, principal.getName());
    }
}

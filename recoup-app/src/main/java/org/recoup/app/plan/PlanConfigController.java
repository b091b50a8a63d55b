package org.recoup.app.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.recoup.engine.plan.AuthorityLimits;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reads and changes the plans' rules: authority limits per level and the monitoring policy. */
@RestController
@Tag(name = "Configuration")
class PlanConfigController {

    private final PlanSettings settings;

    PlanConfigController(PlanSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/config/authority-limits")
    @Operation(summary = "The authority limits in force: what each level of the approval chain may grant")
    AuthorityLimits limits() {
        return settings.limits();
    }

    @GetMapping("/api/v1/config/authority-limits/versions")
    @Operation(summary = "All stored versions of the authority limits")
    List<Integer> limitVersions() {
        return settings.versions(PlanSettings.LIMITS);
    }

    @GetMapping("/api/v1/config/authority-limits/versions/{version}")
    @Operation(summary = "One stored version of the authority limits")
    AuthorityLimits limitVersion(@PathVariable int version) {
        return settings.limits(version);
    }

    @PutMapping(path = "/api/v1/config/authority-limits", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the authority limits",
            description = "limits: the approval chain, lowest level first (AGENT_JUNIOR, AGENT_INTERMEDIATE, "
                    + "AGENT_SENIOR, TEAM_LEAD, SUPERVISOR, ADMIN); per level maxWaiverMinor (minor units), "
                    + "maxWaiverPercent (0–100 of the balance), maxInstalments, maxMonths, planTypes. Validated on save: "
                    + "levels unique, no negative limits, authority never shrinking up the chain (400 naming the field).")
    AuthorityLimits saveLimits(@RequestBody String document, Principal principal) {
        return settings.saveLimits(document, principal.getName());
    }

    @GetMapping("/api/v1/config/plan-policy")
    @Operation(summary = "The plan monitoring policy in force: grace days before a plan breaks, which types revert")
    PlanPolicy policy() {
        return settings.policy();
    }

    @GetMapping("/api/v1/config/plan-policy/versions")
    @Operation(summary = "All stored versions of the plan policy")
    List<Integer> policyVersions() {
        return settings.versions(PlanSettings.POLICY);
    }

    @GetMapping("/api/v1/config/plan-policy/versions/{version}")
    @Operation(summary = "One stored version of the plan policy")
    PlanPolicy policyVersion(@PathVariable int version) {
        return settings.policy(version);
    }

    @PutMapping(path = "/api/v1/config/plan-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the plan policy",
            description = "graceDays (0–365): a plan is BROKEN when dpd under its schedule exceeds it; revertOnBreak: "
                    + "the plan types whose original schedule is restored (waiver reinstated) when broken.")
    PlanPolicy savePolicy(@RequestBody String document, Principal principal) {
        return settings.savePolicy(document, principal.getName());
    }
}

package org.recoup.app.promise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and changes the promise policy (grace days). */
@RestController
@RequestMapping("/api/v1/config/promise-policy")
@Tag(name = "Configuration")
class PromisePolicyController {

    private final PromisePolicies policies;

    PromisePolicyController(PromisePolicies policies) {
        this.policies = policies;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The promise policy in force: {version, graceDays}")
    PromisePolicies.Versioned current() {
        return policies.current();
    }

    @GetMapping(path = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All stored versions of the promise policy")
    List<Integer> versions() {
        return policies.versions();
    }

    @GetMapping(path = "/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One stored version of the promise policy")
    PromisePolicies.Versioned version(@PathVariable int version) {
        return policies.version(version);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the promise policy",
            description = "Body {\"graceDays\": n}, n from 0 to 60: days after a promise's due date during which "
                    + "payments still count toward it. Validated on save (400 naming graceDays); the version number is "
                    + "assigned by the server. Roles: ADMIN, SUPERVISOR.")
    PromisePolicies.Versioned save(@RequestBody String document, Principal principal) {
        return policies.save(document, principal.getName());
    }
}

package org.recoup.app.performance;

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

/** Reads and changes the cost of an action per currency and channel (cost to collect, channel effectiveness). */
@RestController
@RequestMapping("/api/v1/config/action-costs")
@Tag(name = "Configuration")
class ActionCostController {

    private final ActionCostSettings settings;

    ActionCostController(ActionCostSettings settings) {
        this.settings = settings;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The action costs in force: {version, costs: [{currency, channel, amount}]}")
    ActionCosts current() {
        return settings.current();
    }

    @GetMapping(path = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All stored versions of the action costs")
    List<Integer> versions() {
        return settings.versions();
    }

    @GetMapping(path = "/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One stored version of the action costs")
    ActionCosts version(@PathVariable int version) {
        return settings.version(version);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the action costs",
            description = "Validated on save: currency an ISO 4217 code, channel one of CALL, SMS, EMAIL, LETTER, VISIT, "
                    + "amount >= 0 with at most the currency's decimals, one entry per currency and channel. Applies "
                    + "to the dates maintained from now on (POST /api/v1/kpis/contacts/refresh reprices past dates).")
    ActionCosts save(@RequestBody String document, Principal principal) {
        return settings.save(document, principal.getName());
    }
}

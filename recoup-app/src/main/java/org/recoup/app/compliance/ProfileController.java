package org.recoup.app.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.recoup.engine.compliance.JurisdictionProfile;
import org.recoup.engine.debt.Jurisdiction;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Reads and changes the compliance profiles: overrides of the shipped CN/US/UK profiles per jurisdiction and portfolio. */
@RestController
@RequestMapping("/api/v1/config/compliance-profiles")
@Tag(name = "Configuration")
class ProfileController {

    private final ComplianceProfiles profiles;

    ProfileController(ComplianceProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The compliance profile overrides in force, with their version")
    ObjectNode current() {
        return view(profiles.current());
    }

    @GetMapping(path = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All stored versions of the compliance profiles")
    List<Integer> versions() {
        return profiles.versions();
    }

    @GetMapping(path = "/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One stored version of the compliance profiles")
    ObjectNode version(@PathVariable int version) {
        return view(profiles.version(version));
    }

    @GetMapping(path = "/effective", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The complete profile an account of this jurisdiction and portfolio is checked with")
    JurisdictionProfile effective(@Parameter(example = "CN") @RequestParam Jurisdiction jurisdiction,
                                  @Parameter(example = "portfolio-7") @RequestParam(required = false) String portfolio) {
        return profiles.profile(jurisdiction, portfolio);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the compliance profile overrides",
            description = """
                    Body `{"jurisdictions": {"US": {...}}, "portfolios": {"<portfolio>": {...}}}`; each object may set \
                    any of: hours {start, end}, zones [IANA ids], conversationsPerDebtorPerDay, \
                    dialAttemptsPerNumberPerDay, messagesPerPartyPerDay, contactsPerPartyPerDay, rollingWindowDays, \
                    rollingCallAttemptCap, rollingContactCap, waitAfterConversationDays, thirdPartyAttemptsPerDay, \
                    thirdPartyNeedsDebtorUnreachable, unreachableAfterFailedAttempts, estateOnlyExecutorOrSpouse, \
                    visitStaffMinimum, cashCollectionBanned. A cap of 0 switches the rule off. Jurisdiction overrides \
                    apply first, then the account's portfolio's. The document replaces the previous one; the server \
                    assigns the version, which every verdict records. Errors name the field (400 INVALID_PROFILE). \
                    Roles: ADMIN, COMPLIANCE.""")
    ObjectNode save(@RequestBody String document, Principal principal) {
        return view(profiles.save(document, principal.getName()));
    }

    private static ObjectNode view(ComplianceProfiles.Config config) {
        ObjectNode node = config.document().deepCopy();
        node.put("version", config.version());
        return node;
    }
}

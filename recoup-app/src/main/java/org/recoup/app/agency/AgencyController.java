package org.recoup.app.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.engine.agency.Contract;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agencies, contracts, placements, recalls, commission statements and the scorecard. */
@RestController
@Tag(name = "Agencies")
class AgencyController {

    record PlacementRequest(String caseId, String agencyId, Integer termDays, String reason) {
    }

    record RulePlacementRequest(LocalDate asOf, List<String> caseIds) {
    }

    record RecallRequest(String reason) {
    }

    record RecallDueRequest(LocalDate asOf) {
    }

    record RecallDueResult(LocalDate asOf, List<Long> recalled) {
    }

    private final Agencies agencies;
    private final Placements placements;
    private final Commissions commissions;
    private final PlacementRules rules;
    private final CaseScope scope;

    AgencyController(Agencies agencies, Placements placements, Commissions commissions, PlacementRules rules,
                     CaseScope scope) {
        this.agencies = agencies;
        this.placements = placements;
        this.commissions = commissions;
        this.rules = rules;
        this.scope = scope;
    }

    @GetMapping("/api/v1/agencies")
    @Operation(summary = "All agencies")
    List<Agencies.Agency> list() {
        return agencies.list();
    }

    @PostMapping(path = "/api/v1/agencies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an agency", description = "Body {agencyId, name, contact, active}; 409 if the id exists.")
    Agencies.Agency create(@RequestBody Agencies.Agency agency, Principal principal) {
        return agencies.create(agency, principal.getName());
    }

    @GetMapping("/api/v1/agencies/{agencyId}")
    @Operation(summary = "One agency")
    Agencies.Agency one(@PathVariable String agencyId) {
        return agencies.find(agencyId);
    }

    @PutMapping(path = "/api/v1/agencies/{agencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an agency's name, contact or active flag")
    Agencies.Agency update(@PathVariable String agencyId, @RequestBody Agencies.Agency agency) {
        return agencies.update(agencyId, agency);
    }

    @GetMapping("/api/v1/agencies/{agencyId}/contracts")
    @Operation(summary = "The agency's contract versions")
    List<Contract> contracts(@PathVariable String agencyId) {
        agencies.find(agencyId);
        return agencies.contracts(agencyId);
    }

    @PostMapping(path = "/api/v1/agencies/{agencyId}/contracts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contract version",
            description = "Body {validFrom, validTo?, ratesByBucket: {M3: 15.0, ...}, defaultRate?}: commission percent "
                    + "by the bucket an account had at placement. Versions are never edited; the highest version valid "
                    + "on a payment's date sets its rate.")
    Contract addContract(@PathVariable String agencyId, @RequestBody Agencies.ContractRequest request,
                         Principal principal) {
        return agencies.addContract(agencyId, request, principal.getName());
    }

    @GetMapping("/api/v1/agencies/{agencyId}/statement")
    @Operation(summary = "Monthly commission statement of an agency",
            description = "month=YYYY-MM. JSON (lines and totals per bucket) or ?format=xlsx|csv (CSV: the lines). "
                    + "Agency users see their own agency's statement only.")
    ResponseEntity<?> statement(@PathVariable String agencyId, @RequestParam String month,
                                @RequestParam(required = false) String format, Locale locale) {
        requireOwnAgency(actor(), agencyId);
        Commissions.Statement s = commissions.statement(agencyId, month(month), locale);
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "commission-" + agencyId + "-" + month,
                    s.lineTable(), s.bucketTable());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("month", s.month().toString());
        body.put("lines", s.lines());
        body.put("totals", rows(s.bucketTable()));
        return ResponseEntity.ok(body);
    }

    @GetMapping("/api/v1/agency-scorecard")
    @Operation(summary = "Agency scorecard: liquidation rate by placement month",
            description = "Per agency, placement month and currency: cases placed, balance at placement, collected "
                    + "during the placements, liquidation rate = collected ÷ balance at placement. ?format=xlsx|csv.")
    ResponseEntity<?> scorecard(@RequestParam(required = false) String agencyId,
                                @RequestParam(required = false) String format, Locale locale) {
        Table table = commissions.scorecard(agencyId, locale);
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), "agency-scorecard", table);
        }
        return ResponseEntity.ok(rows(table));
    }

    @GetMapping("/api/v1/placements")
    @Operation(summary = "Placements, newest first", description = "Filters: agencyId, open=true|false.")
    List<Placements.Placement> placements(@RequestParam(required = false) String agencyId,
                                          @RequestParam(required = false) Boolean open) {
        return placements.list(agencyId, open);
    }

    @GetMapping("/api/v1/placements/{placementId}")
    @Operation(summary = "One placement with its accounts, bucket and balance at placement")
    Placements.Placement placement(@PathVariable long placementId) {
        return placements.find(placementId);
    }

    @PostMapping(path = "/api/v1/placements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Place a case with an agency by hand",
            description = "Body {caseId, agencyId, termDays, reason}. The case is assigned to the agency (its users see "
                    + "it); 409 when the case is placed already (one open placement per case).")
    Placements.Placement place(@RequestBody PlacementRequest r) {
        if (r.caseId() == null || r.caseId().isBlank()) {
            throw ApiProblem.badRequest("INVALID_PLACEMENT", "caseId", "caseId is required");
        }
        if (r.termDays() == null) {
            throw ApiProblem.badRequest("INVALID_PLACEMENT", "termDays", "termDays is required");
        }
        return placements.place(actor(), r.caseId(), r.agencyId(), r.termDays(), r.reason(), null);
    }

    @PostMapping(path = "/api/v1/placements/by-rule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place cases by the placement rules",
            description = "Body {asOf, caseIds?}: the open, unplaced cases with states of asOf that match a rule — the "
                    + "cases the run asked an AGENCY_REVIEW for, or the supervisor's selection caseIds.")
    List<Placements.Placement> byRule(@RequestBody RulePlacementRequest r) {
        if (r.asOf() == null) {
            throw ApiProblem.badRequest("INVALID_PLACEMENT", "asOf", "asOf is required");
        }
        return placements.placeByRules(actor(), r.asOf(), r.caseIds());
    }

    @PostMapping(path = "/api/v1/placements/{placementId}/recall", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recall a placement by hand", description = "Body {reason}; the case returns to its team.")
    Placements.Placement recall(@PathVariable long placementId, @RequestBody RecallRequest r) {
        return placements.recall(actor(), placementId, r.reason());
    }

    @PostMapping(path = "/api/v1/placements/recall-due", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recall every placement whose term has ended by asOf",
            description = "Also done after each completed daily run. Body {asOf}.")
    RecallDueResult recallDue(@RequestBody RecallDueRequest r) {
        if (r.asOf() == null) {
            throw ApiProblem.badRequest("INVALID_RECALL", "asOf", "asOf is required");
        }
        Placements.requireManager(actor());
        return new RecallDueResult(r.asOf(), placements.recallDue(r.asOf()));
    }

    @GetMapping("/api/v1/config/agency-placement-rules")
    @Operation(summary = "The placement rules in force")
    PlacementRules.Config currentRules() {
        return rules.current();
    }

    @PutMapping(path = "/api/v1/config/agency-placement-rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the placement rules",
            description = "Validated on save: zone is a time zone; each rule has an id, an agencyId, termDays 1–3650, "
                    + "maxCases ≥ 1, min ≤ max.")
    PlacementRules.Config saveRules(@RequestBody String document, Principal principal) {
        return rules.save(document, principal.getName());
    }

    static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiProblem.badRequest("INVALID_MONTH", "month", "month must be YYYY-MM, was '" + month + "'");
        }
    }

    static void requireOwnAgency(Actor actor, String agencyId) {
        if (actor.role() == Role.AGENCY && !agencyId.equals(actor.agencyId())) {
            throw ApiProblem.notFound("agency", agencyId);
        }
    }

    static List<Map<String, Object>> rows(Table table) {
        return table.rows().stream().map(row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                m.put(table.columns().get(i).key(), row.get(i));
            }
            return m;
        }).toList();
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                "the signed-in user is not a Recoup user"));
    }
}

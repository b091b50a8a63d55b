package org.recoup.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/accounts/{id}}: one account as people working it see it (contract §3). */
@RestController
@Tag(name = "Accounts", description = "The debt file: accounts with their parties, contact points, instalments and payments")
class AccountController {

    private final Accounts accounts;
    private final CaseScope scope;

    AccountController(Accounts accounts, CaseScope scope) {
        this.accounts = accounts;
        this.scope = scope;
    }

    @GetMapping(path = "/api/v1/accounts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One account with its parties, contact points, instalments and payments",
            description = "Amounts are decimals with the scale of the account's currency. Contact point values are "
                    + "shown in full to ADMIN, SUPERVISOR and COMPLIANCE users and masked for everybody else "
                    + "(phones 139****0001, e-mails l***@example.com, addresses: first 6 characters + ***).")
    @ApiResponse(responseCode = "200", description = "the account")
    @ApiResponse(responseCode = "404", description = "no account has this id, or its case is not in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AccountResponse account(@Parameter(description = "the lender's account id") @PathVariable String id) {
        // the case scope (404 out of scope) is checked by security.ScopeInterceptor from the {id} of /accounts/{id}
        return AccountResponse.of(accounts.detail(id, scope.current().map(Actor::seesContactValues).orElse(false)));
    }
}

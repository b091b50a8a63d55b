package org.recoup.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.recoup.app.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/accounts/{id}}: one account as people working it see it (contract §3). */
@RestController
@Tag(name = "Accounts", description = "The debt file: accounts with their parties, contact points, instalments and payments")
class AccountController {

    /** Roles that see contact points in full; everybody else sees them masked. */
    static final Set<Role> UNMASKED_ROLES = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.COMPLIANCE);

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(path = "/api/v1/accounts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One account with its parties, contact points, instalments and payments",
            description = "Amounts are decimals with the scale of the account's currency. Contact point values are "
                    + "shown in full to ADMIN, SUPERVISOR and COMPLIANCE users and masked for everybody else "
                    + "(phones 139****0001, e-mails l***@example.com, addresses: first 6 characters + ***).")
    @ApiResponse(responseCode = "200", description = "the account")
    @ApiResponse(responseCode = "404", description = "no account has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AccountResponse account(@Parameter(description = "the lender's account id") @PathVariable String id,
                            Authentication caller) {
        return AccountResponse.of(accounts.detail(id, maySeeContacts(caller)));
    }

    static boolean maySeeContacts(Authentication caller) {
        if (caller == null) {
            return false;
        }
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> UNMASKED_ROLES.stream().anyMatch(role -> role.authority().equals(authority)));
    }
}

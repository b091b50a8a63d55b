package org.recoup.app.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The messaging settings: hotline, payment channels, subjects, deadline, daily-run template aliases. */
@RestController
@Tag(name = "Configuration")
class SettingsController {

    private final MessagingSettings settings;

    SettingsController(MessagingSettings settings) {
        this.settings = settings;
    }

    @GetMapping(path = "/api/v1/config/messaging", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The messaging settings in force (the shipped defaults until a version is stored)")
    MessagingSettings.Settings current() {
        return settings.current();
    }

    @PutMapping(path = "/api/v1/config/messaging", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the messaging settings",
            description = "Validated on save: `phone` set; `creditor`, `paymentChannels`, `emailSubject`, `letterTitle` "
                    + "each with a zh-CN and an en text; `deadlineDays` 1–90; `templateAliases` map a daily-run template "
                    + "name to a stored template id (without or with the locale). Roles: ADMIN, SUPERVISOR.")
    @ApiResponse(responseCode = "422", description = "INVALID_SETTINGS, naming the field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MessagingSettings.Settings save(@RequestBody String document, Principal principal) {
        return settings.save(document, principal.getName());
    }
}

package org.recoup.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration ({@code /api/v1/users}, ADMIN only): list, create, change role/tier/team/agency/enabled/display
 * name/locale, set or reset the password. Passwords are stored hashed and never returned. The rules of a role are
 * checked on every save: an AGENT needs a tier and a team, a TEAM_LEAD a team, an AGENCY user an agency; a field that
 * does not apply to the role is refused rather than silently kept.
 */
@RestController
@Tag(name = "Users", description = "Users, roles, agent tiers, teams and agencies (ADMIN only)")
class UserController {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final UserAccounts users;

    UserController(UserAccounts users) {
        this.users = users;
    }

    @Schema(name = "UserRequest", description = "POST: username, password, displayName and role are required. PUT: "
            + "replaces role, tier, team, agencyId, displayName, locale and enabled (absent = unchanged for displayName, "
            + "role, locale and enabled; absent tier/team/agencyId = none); password absent = unchanged.")
    record UserRequest(
            @Schema(example = "zhang.wei", description = "POST only: letters, digits and . _ @ -, at most 100")
            String username,
            @Schema(description = "write-only: 8 characters to 72 bytes (UTF-8); never returned", format = "password")
            String password,
            @Schema(example = "张伟") String displayName,
            Role role,
            @Schema(description = "required for AGENT, refused for other roles") Tier tier,
            @Schema(example = "early", description = "required for AGENT and TEAM_LEAD, refused for other roles") String team,
            @Schema(example = "AG-1", description = "required for AGENCY, refused for other roles") String agencyId,
            @Schema(description = "zh-CN (default) or en") String locale,
            @Schema(description = "default true; a disabled user cannot sign in") Boolean enabled) {
    }

    @GetMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every user (without passwords), by username")
    List<UserAccounts.UserView> list() {
        return users.list();
    }

    @GetMapping(path = "/api/v1/users/{username}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One user (without password)")
    @ApiResponse(responseCode = "404", description = "no user has this name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    UserAccounts.UserView one(@PathVariable String username) {
        return users.find(username).orElseThrow(() -> ApiProblem.notFound("user", username));
    }

    @PostMapping(path = "/api/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a user", description = "The password is hashed (bcrypt via the delegating encoder). "
            + "An AGENT needs a tier and a team, a TEAM_LEAD a team, an AGENCY user an agencyId.")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "400", description = "an invalid field (named in `field`), e.g. MISSING_FIELD tier for an "
            + "AGENT, FIELD_NOT_FOR_ROLE agencyId for an AGENT, WEAK_PASSWORD",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the username is taken (USER_EXISTS)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<UserAccounts.UserView> create(@RequestBody UserRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("INVALID_BODY", null, "the body must be a JSON object");
        }
        String username = required(body.username(), "username");
        if (!USERNAME.matcher(username).matches()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "username",
                    "username must be 1–100 letters, digits or . _ @ -, starting with a letter or digit");
        }
        if (body.password() == null || body.password().isBlank()) {
            throw missing("password", "password is required");
        }
        String password = password(body.password());
        UserAccounts.UserFields fields = fields(required(body.displayName(), "displayName"),
                requiredRole(body.role()), body.tier(), body.team(), body.agencyId(),
                body.locale() == null ? "zh-CN" : body.locale(), body.enabled() == null || body.enabled());
        if (!users.create(username, password, fields)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "USER_EXISTS", "username", "user " + username + " already exists");
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + username)).body(users.find(username).orElseThrow());
    }

    @PutMapping(path = "/api/v1/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a user, or set/reset their password",
            description = "displayName, role, locale and enabled keep their value when absent; tier, team and agencyId "
                    + "are replaced (absent = none), so a role change carries exactly the fields of the new role. "
                    + "`password` sets a new password. The last enabled ADMIN cannot be demoted or disabled "
                    + "(409 LAST_ADMIN). Changes reach API clients within a minute (credentials are cached that long).")
    @ApiResponse(responseCode = "200", description = "the changed user")
    @ApiResponse(responseCode = "400", description = "an invalid field (named in `field`)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no user has this name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the last enabled administrator would be lost (LAST_ADMIN)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    UserAccounts.UserView update(@PathVariable String username, @RequestBody UserRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("INVALID_BODY", null, "the body must be a JSON object");
        }
        UserAccounts.UserView current = users.find(username).orElseThrow(() -> ApiProblem.notFound("user", username));
        if (body.username() != null && !body.username().equals(username)) {
            throw ApiProblem.badRequest("INVALID_FIELD", "username", "a user cannot be renamed");
        }
        String password = body.password() == null ? null : password(body.password());
        UserAccounts.UserFields fields = fields(
                body.displayName() == null ? current.displayName() : required(body.displayName(), "displayName"),
                body.role() == null ? current.role() : body.role(), body.tier(), body.team(), body.agencyId(),
                body.locale() == null ? current.locale() : body.locale(),
                body.enabled() == null ? current.enabled() : body.enabled());
        return users.change(username, fields, password).orElseThrow(() -> ApiProblem.notFound("user", username));
    }

    /** Validates the role's rules and normalises blanks to none. */
    static UserAccounts.UserFields fields(String displayName, Role role, Tier tier, String team, String agencyId,
                                          String locale, boolean enabled) {
        String name = displayName.strip();
        if (name.length() > 200) {
            throw ApiProblem.badRequest("INVALID_FIELD", "displayName", "displayName must be at most 200 characters");
        }
        if (!locale.equals("zh-CN") && !locale.equals("en")) {
            throw ApiProblem.badRequest("INVALID_FIELD", "locale", "locale must be zh-CN or en");
        }
        String t = blankToNull(team, "team", 100);
        String a = blankToNull(agencyId, "agencyId", 64);
        boolean agent = role == Role.AGENT;
        boolean hasTeam = agent || role == Role.TEAM_LEAD;
        boolean agency = role == Role.AGENCY;
        if (agent && tier == null) {
            throw missing("tier", "an AGENT needs a tier (JUNIOR, INTERMEDIATE or SENIOR)");
        }
        if (!agent && tier != null) {
            throw notForRole("tier", role, "only agents have a tier");
        }
        if (hasTeam && t == null) {
            throw missing("team", "an " + role + " needs a team");
        }
        if (!hasTeam && t != null) {
            throw notForRole("team", role, "only agents and team leads belong to a team");
        }
        if (agency && a == null) {
            throw missing("agencyId", "an AGENCY user needs an agencyId");
        }
        if (!agency && a != null) {
            throw notForRole("agencyId", role, "only agency users belong to an agency");
        }
        return new UserAccounts.UserFields(name, role, tier, t, a, locale, enabled);
    }

    static String password(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw ApiProblem.badRequest("WEAK_PASSWORD", "password",
                    "password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiProblem.badRequest("INVALID_FIELD", "password",
                    "password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return password;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw missing(field, field + " is required");
        }
        return value.strip();
    }

    private static Role requiredRole(Role role) {
        if (role == null) {
            throw missing("role", "role is required: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, COMPLIANCE or AGENCY");
        }
        return role;
    }

    private static String blankToNull(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ApiProblem.badRequest("INVALID_FIELD", field, field + " must be at most " + max + " characters");
        }
        return v;
    }

    private static ApiProblem missing(String field, String message) {
        return ApiProblem.badRequest("MISSING_FIELD", field, message);
    }

    private static ApiProblem notForRole(String field, Role role, String why) {
        return ApiProblem.badRequest("FIELD_NOT_FOR_ROLE", field, field + " does not apply to role " + role + ": " + why);
    }
}

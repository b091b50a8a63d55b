package org.recoup.app.security;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.recoup.app.api.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users table: lookup for authentication, creation and changes with a hashed password (delegating encoder, never
 * returned), per-user language, and the demo users.
 */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(new SimpleGrantedAuthority(Role.valueOf(rs.getString("role")).authority()))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    /** Creates a user unless one with that name exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(String username, String rawPassword, String displayName, Role role, String locale) {
        if (exists(username)) {
            return false;
        }
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, locale) VALUES (?, ?, ?, ?, ?)")
                .params(username, passwordEncoder.encode(rawPassword), displayName, role.name(), locale)
                .update();
        return true;
    }

    /**
     * A user as shown to administrators: everything but the password hash. {@code tier} is set for agents, {@code team}
     * for agents and team leads, {@code agencyId} for agency users.
     */
    public record UserView(String username, String displayName, Role role, Tier tier, String team, String agencyId,
                           String locale, boolean enabled, Instant createdAt) {
    }

    /** What a user is: every field but the password. Validated by the caller ({@code UserController}). */
    public record UserFields(String displayName, Role role, Tier tier, String team, String agencyId, String locale,
                             boolean enabled) {
    }

    private static final String VIEW_COLUMNS =
            "username, display_name, role, tier, team, agency_id, locale, enabled, created_at";

    public List<UserView> list() {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM app_user ORDER BY username").query(UserAccounts::view).list();
    }

    public Optional<UserView> find(String username) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM app_user WHERE username = ?").param(username)
                .query(UserAccounts::view).optional();
    }

    /**
     * Creates a user unless one with that name exists; returns whether it was created. Two concurrent creations of one
     * name create it once (the primary key decides; the other answers false). One statement, no transaction of its own:
     * on PostgreSQL a failed insert would leave a surrounding transaction unable to commit.
     */
    public boolean create(String username, String rawPassword, UserFields f) {
        if (exists(username)) {
            return false;
        }
        try {
            insert(username, rawPassword, f);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private void insert(String username, String rawPassword, UserFields f) {
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, role, tier, team, agency_id, locale, enabled)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(username, passwordEncoder.encode(rawPassword), f.displayName(), f.role().name(),
                        f.tier() == null ? null : f.tier().name(), f.team(), f.agencyId(), f.locale(), f.enabled())
                .update();
    }

    /**
     * Replaces every field of an existing user but the password, and sets a new password when one is given; refuses
     * (409 {@code LAST_ADMIN}) to demote or disable the last enabled administrator. The enabled administrators are
     * locked first, so two concurrent changes cannot each leave the other as the "remaining" one.
     */
    @Transactional
    public Optional<UserView> change(String username, UserFields f, String rawPassword) {
        List<String> admins = jdbc.sql("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE FOR UPDATE")
                .query(String.class).list();
        Optional<UserView> current = find(username);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        boolean losesAdmin = admins.contains(username) && (f.role() != Role.ADMIN || !f.enabled());
        if (losesAdmin && otherEnabledAdmins(username) == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "LAST_ADMIN", f.role() != Role.ADMIN ? "role" : "enabled",
                    "user " + username + " is the last enabled administrator");
        }
        update(username, f);
        if (rawPassword != null) {
            setPassword(username, rawPassword);
        }
        return find(username);
    }

    /** Replaces every field of an existing user but the password; returns whether the user exists. */
    @Transactional
    public boolean update(String username, UserFields f) {
        return jdbc.sql("""
                        UPDATE app_user SET display_name = ?, role = ?, tier = ?, team = ?, agency_id = ?, locale = ?,
                        enabled = ? WHERE username = ?""")
                .params(f.displayName(), f.role().name(), f.tier() == null ? null : f.tier().name(), f.team(),
                        f.agencyId(), f.locale(), f.enabled(), username)
                .update() == 1;
    }

    /** Sets a new password (hashed); returns whether the user exists. */
    @Transactional
    public boolean setPassword(String username, String rawPassword) {
        return jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
                .params(passwordEncoder.encode(rawPassword), username).update() == 1;
    }

    /** Enabled administrators other than {@code username}: the last one may not be demoted or disabled. */
    public long otherEnabledAdmins(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE AND username <> ?")
                .param(username).query(Long.class).single();
    }

    /**
     * The demo users (README "Demo logins"), created if absent, all with {@code password}: {@code supervisor},
     * {@code lead} (team lead of {@code early}), {@code agent} (intermediate, {@code early}), {@code agent2} (junior,
     * {@code early}), {@code senior} (senior, {@code late}), {@code compliance} and {@code agency} (agency {@code AG-1}).
     */
    public void createDemoUsers(String password) {
        create("supervisor", password, new UserFields("Demo Supervisor 主管", Role.SUPERVISOR, null, null, null, "zh-CN", true));
        create("lead", password, new UserFields("Demo Team Lead 组长", Role.TEAM_LEAD, null, "early", null, "zh-CN", true));
        create("agent", password, new UserFields("Demo Agent 催收员", Role.AGENT, Tier.INTERMEDIATE, "early", null, "zh-CN", true));
        create("agent2", password, new UserFields("Demo Agent 2 新手催收员", Role.AGENT, Tier.JUNIOR, "early", null, "zh-CN", true));
        create("senior", password, new UserFields("Demo Senior Agent 资深催收员", Role.AGENT, Tier.SENIOR, "late", null, "zh-CN", true));
        create("compliance", password, new UserFields("Demo Compliance 合规专员", Role.COMPLIANCE, null, null, null, "zh-CN", true));
        create("agency", password, new UserFields("Demo Agency 委外机构", Role.AGENCY, null, null, "AG-1", "zh-CN", true));
    }

    private static UserView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String tier = rs.getString("tier");
        java.sql.Timestamp created = rs.getTimestamp("created_at");
        return new UserView(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                tier == null ? null : Tier.valueOf(tier), rs.getString("team"), rs.getString("agency_id"),
                rs.getString("locale"), rs.getBoolean("enabled"), created == null ? null : created.toInstant());
    }

    public Optional<Locale> localeOf(String username) {
        return jdbc.sql("SELECT locale FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional().map(Locale::forLanguageTag);
    }

    public void setLocale(String username, Locale locale) {
        String tag = locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        jdbc.sql("UPDATE app_user SET locale = ? WHERE username = ?").params(tag, username).update();
    }

    public Optional<String> displayNameOf(String username) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional();
    }
}

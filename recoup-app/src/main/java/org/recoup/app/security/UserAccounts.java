package org.recoup.app.security;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users table: lookup for authentication, creation with a hashed password, per-user language. */
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

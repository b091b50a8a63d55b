package org.recoup.app.security;

/** What a user may do. Granted to Spring Security as {@code ROLE_<name>}. */
public enum Role {
    ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, COMPLIANCE, AGENCY;

    public String authority() {
        return "ROLE_" + name();
    }
}

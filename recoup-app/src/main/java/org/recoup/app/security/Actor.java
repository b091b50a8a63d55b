package org.recoup.app.security;

/**
 * Who is acting: the signed-in user with what decides their scope. {@code tier} is set for agents, {@code team} for
 * agents and team leads, {@code agencyId} for agency users; each may be null otherwise.
 */
public record Actor(String username, Role role, Tier tier, String team, String agencyId) {

    /** Roles that see every case: they supervise, audit or administer the whole book. */
    public boolean seesEveryCase() {
        return role == Role.ADMIN || role == Role.SUPERVISOR || role == Role.COMPLIANCE;
    }

    /**
     * Whether contact values (phone numbers, addresses, e-mail) and id numbers are shown in full. Agents, team leads
     * and agency users work through Recoup (a contact is made and recorded by contact point id), so they see them
     * masked (PIPL minimisation); supervisors, compliance officers and administrators need them to audit and correct.
     */
    public boolean seesContactValues() {
        return role == Role.ADMIN || role == Role.SUPERVISOR || role == Role.COMPLIANCE;
    }
}

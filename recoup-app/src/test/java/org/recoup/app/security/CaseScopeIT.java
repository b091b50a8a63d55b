package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No IDOR: a case, account or party outside the caller's scope answers exactly as one that does not exist, through
 * every endpoint that takes its id (in the path or in the body), and nothing is written. Agents see their own cases and
 * their team's unassigned queue, team leads their team, agency users the cases placed with their agency.
 */
class CaseScopeIT extends IntegrationTest {

    private static final String PASSWORD = "scope-pass-1";

    @Autowired
    UserAccounts users;

    private String team;
    private String otherTeam;
    private String agency;
    private String ann;      // agent of team, owns annAccount
    private String bob;      // agent of team, owns bobAccount
    private String bobAccount;
    private String bobBorrower;
    private String bobPayment;
    private String bobPromise;
    private String bobContact;
    private String annAccount;
    private String queueAccount;
    private String placedAccount;

    @BeforeEach
    void twoAgentsOfOneTeamWithACaseEach() {
        team = uniqueId("team");
        otherTeam = uniqueId("team");
        agency = uniqueId("AG");
        ann = user(Role.AGENT, Tier.INTERMEDIATE, team, null);
        bob = user(Role.AGENT, Tier.JUNIOR, team, null);
        DebtFileFixture debts = new DebtFileFixture(jdbc);
        CaseAssignments cases = new CaseAssignments(jdbc);

        bobAccount = debts.account(uniqueId("L")).installment(1, "2026-04-15", "1000.00", "60.00", "0").id();
        bobBorrower = bobAccount + "-B";
        bobPayment = uniqueId("PAY");
        debts.new AccountFixture(bobAccount).payment(bobPayment, "2026-04-15T20:11:00+08:00", "10.00");
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, 'MOBILE', '13900000001')")
                .params(uniqueId("CP"), bobBorrower).update();
        bobPromise = uniqueId("PR");
        jdbc.sql("""
                        INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, promised_at, created_by)
                        VALUES (?, ?, ?, 10000, ?, ?, 'it')""")
                .params(bobPromise, bobAccount, bobBorrower, LocalDate.now(ZoneOffset.UTC).plusDays(3),
                        Timestamp.from(Instant.now())).update();
        bobContact = uniqueId("CT");
        jdbc.sql("""
                        INSERT INTO contact_attempt (contact_id, account_id, party_id, channel, attempted_at, outcome)
                        VALUES (?, ?, ?, 'CALL', ?, 'NO_ANSWER')""")
                .params(bobContact, bobAccount, bobBorrower, Timestamp.from(Instant.now().minusSeconds(3600))).update();
        cases.ofAccount(bobAccount).toAgent(team, bob);

        annAccount = debts.account(uniqueId("L")).id();
        cases.ofAccount(annAccount).toAgent(team, ann);
        queueAccount = debts.account(uniqueId("L")).id();
        cases.ofAccount(queueAccount).toTeam(team);
        placedAccount = debts.account(uniqueId("L")).id();
        cases.ofAccount(placedAccount).toAgency(otherTeam, agency);
    }

    private String user(Role role, Tier tier, String team, String agencyId) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role, tier, team, agencyId, "en", true));
        return name;
    }

    private ApiClient as(String username) {
        return api(username, PASSWORD);
    }

    /** Every GET that takes an account, party or account-owned id, for the given account. */
    private List<String> readPaths(String account, String party, String payment, String promise, String contact) {
        return List.of(
                "/api/v1/accounts/" + account,
                "/api/v1/accounts/" + account + "/state",
                "/api/v1/accounts/" + account + "/history",
                "/api/v1/accounts/" + account + "/promises",
                "/api/v1/accounts/" + account + "/promises/" + promise,
                "/api/v1/accounts/" + account + "/payments",
                "/api/v1/payments/" + payment,
                "/api/v1/contacts/" + contact,
                "/api/v1/parties/" + party + "/holds",
                "/api/v1/parties/" + party + "/contact-window");
    }

    @Test
    void anAgentAskingForAnotherAgentsCaseGetsTheSameNotFoundAsForAMissingIdThroughEveryReadEndpoint() {
        String missing = uniqueId("NOPE");
        List<String> bobs = readPaths(bobAccount, bobBorrower, bobPayment, bobPromise, bobContact);
        List<String> missings = readPaths(missing + "a", missing + "b", missing + "c", missing + "d", missing + "e");
        Function<String, String> asBobs = body -> body.replace(missing + "a", bobAccount).replace(missing + "b", bobBorrower)
                .replace(missing + "c", bobPayment).replace(missing + "d", bobPromise).replace(missing + "e", bobContact);

        for (int i = 0; i < bobs.size(); i++) {
            ApiClient.Response denied = as(ann).get(bobs.get(i));
            ApiClient.Response absent = as(ann).get(missings.get(i));
            assertThat(denied.status()).as("ann GET " + bobs.get(i) + ": " + denied).isEqualTo(404);
            assertThat(denied.json().get("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(absent.status()).as("GET " + missings.get(i)).isEqualTo(404);
            assertThat(denied.body()).as("same body as a missing id, for " + bobs.get(i))
                    .isEqualTo(asBobs.apply(absent.body()));
            assertThat(denied.body()).doesNotContain("13900000001", "Borrower of");
        }
    }

    @Test
    void theOwnerTheTeamLeadAndEveryCaseRolesSeeTheCase() {
        String lead = user(Role.TEAM_LEAD, null, team, null);
        String supervisor = user(Role.SUPERVISOR, null, null, null);
        String officer = user(Role.COMPLIANCE, null, null, null);
        for (String who : List.of(bob, lead, supervisor, officer)) {
            for (String path : readPaths(bobAccount, bobBorrower, bobPayment, bobPromise, bobContact)) {
                ApiClient.Response r = as(who).get(path);
                assertThat(r.status()).as(who + " GET " + path + ": " + r).isEqualTo(200);
            }
        }
    }

    @Test
    void anAgentCannotWriteThroughAnotherAgentsCaseAndNothingIsStored() {
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString();
        ApiClient asAnn = as(ann);
        long paymentsBefore = count("payment", bobAccount);

        Map<String, ApiClient.Response> byPath = Map.of(
                "promise", asAnn.post("/api/v1/accounts/" + bobAccount + "/promises", """
                        {"partyId":"%s","amount":"10.00","dueDate":"%s"}""".formatted(bobBorrower,
                        LocalDate.now(ZoneOffset.UTC).plusDays(2))),
                "cancel", asAnn.post("/api/v1/accounts/" + bobAccount + "/promises/" + bobPromise + "/cancel", ""),
                "hold", asAnn.post("/api/v1/parties/" + bobBorrower + "/holds", """
                        {"type":"DISPUTE","from":"%s","reason":"says it is not his loan"}""".formatted(now)),
                "window", asAnn.put("/api/v1/parties/" + bobBorrower + "/contact-window", """
                        {"start":"09:00","end":"10:00"}"""));
        byPath.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r).isEqualTo(404);
            assertThat(r.json().get("code").asString()).isEqualTo("NOT_FOUND");
        });

        Map<String, ApiClient.Response> byBody = Map.of(
                "payment", asAnn.post("/api/v1/payments", """
                        {"accountId":"%s","paidAt":"%s","amount":10.00}""".formatted(bobAccount, now),
                        Map.of("Idempotency-Key", uniqueId("K"))),
                "contact", asAnn.post("/api/v1/contacts", """
                        {"accountId":"%s","partyId":"%s","channel":"CALL","at":"%s","outcome":"NO_ANSWER"}"""
                        .formatted(bobAccount, bobBorrower, now)),
                "check", asAnn.post("/api/v1/compliance/check", """
                        {"accountId":"%s","partyId":"%s","channel":"CALL","at":"%s"}"""
                        .formatted(bobAccount, bobBorrower, now)));
        String missing = uniqueId("NOPE");
        ApiClient.Response missingPayment = asAnn.post("/api/v1/payments", """
                {"accountId":"%s","paidAt":"%s","amount":10.00}""".formatted(missing, now),
                Map.of("Idempotency-Key", uniqueId("K")));
        byBody.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r).isEqualTo(422);
            assertThat(r.json().get("code").asString()).isEqualTo("UNKNOWN_ACCOUNT");
            assertThat(r.json().get("field").asString()).isEqualTo("accountId");
            assertThat(r.json().get("detail").asString()).isEqualTo("account " + bobAccount + " does not exist");
        });
        assertThat(missingPayment.json().get("detail").asString()).isEqualTo("account " + missing + " does not exist");

        assertThat(count("payment", bobAccount)).isEqualTo(paymentsBefore);
        assertThat(count("promise", bobAccount)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM promise WHERE promise_id = ?").param(bobPromise).query(String.class).single())
                .isEqualTo("PENDING");
        assertThat(count("contact_attempt", bobAccount)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_hold WHERE party_id = ?").param(bobBorrower).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_contact_window WHERE party_id = ?").param(bobBorrower)
                .query(Long.class).single()).isZero();
    }

    private long count(String table, String account) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?").param(account).query(Long.class).single();
    }

    @Test
    void anAgentSeesTheirOwnCaseAndTheirTeamsUnassignedQueueButNotAnotherTeamsQueue() {
        String outsider = user(Role.AGENT, Tier.SENIOR, otherTeam, null);

        assertThat(as(ann).get("/api/v1/accounts/" + annAccount).status()).isEqualTo(200);
        assertThat(as(ann).get("/api/v1/accounts/" + queueAccount).status()).isEqualTo(200);
        assertThat(as(bob).get("/api/v1/accounts/" + annAccount).status()).isEqualTo(404);
        assertThat(as(outsider).get("/api/v1/accounts/" + queueAccount).status()).isEqualTo(404);
        assertThat(as(outsider).get("/api/v1/accounts/" + placedAccount).status())
                .as("a case placed with an agency is not in the team's agent queue").isEqualTo(404);
    }

    @Test
    void aTeamLeadSeesOnlyTheirTeamsCases() {
        String lead = user(Role.TEAM_LEAD, null, team, null);
        String otherLead = user(Role.TEAM_LEAD, null, otherTeam, null);

        for (String account : List.of(bobAccount, annAccount, queueAccount)) {
            assertThat(as(lead).get("/api/v1/accounts/" + account).status()).isEqualTo(200);
            assertThat(as(otherLead).get("/api/v1/accounts/" + account).status()).isEqualTo(404);
        }
        assertThat(as(otherLead).get("/api/v1/accounts/" + placedAccount).status()).isEqualTo(200);
    }

    @Test
    void anAgencyUserSeesOnlyTheCasesPlacedWithTheirAgency() {
        String mine = user(Role.AGENCY, null, null, agency);
        String theirs = user(Role.AGENCY, null, null, uniqueId("AG"));

        assertThat(as(mine).get("/api/v1/accounts/" + placedAccount).status()).isEqualTo(200);
        assertThat(as(mine).get("/api/v1/parties/" + placedAccount + "-B/holds").status()).isEqualTo(200);
        for (String account : List.of(bobAccount, annAccount, queueAccount)) {
            assertThat(as(mine).get("/api/v1/accounts/" + account).status()).isEqualTo(404);
        }
        assertThat(as(theirs).get("/api/v1/accounts/" + placedAccount).status()).isEqualTo(404);
    }

    @Test
    void aCaseWithoutAssignmentIsSeenOnlyByRolesThatSeeEveryCase() {
        String loose = new DebtFileFixture(jdbc).account(uniqueId("L")).id();
        String supervisor = user(Role.SUPERVISOR, null, null, null);
        String lead = user(Role.TEAM_LEAD, null, team, null);

        assertThat(as(supervisor).get("/api/v1/accounts/" + loose).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/accounts/" + loose).status()).isEqualTo(200);
        assertThat(as(ann).get("/api/v1/accounts/" + loose).status()).isEqualTo(404);
        assertThat(as(lead).get("/api/v1/accounts/" + loose).status()).isEqualTo(404);
    }

    @Test
    void contactValuesAreMaskedForAgentsAndShownToSupervisorsComplianceAndAdmins() {
        Function<String, String> mobileAs = who -> as(who).get("/api/v1/accounts/" + bobAccount).json()
                .get("contactPoints").get(0).get("value").asString();

        assertThat(mobileAs.apply(bob)).isEqualTo("139****0001");
        assertThat(mobileAs.apply(user(Role.TEAM_LEAD, null, team, null))).isEqualTo("139****0001");
        assertThat(mobileAs.apply(user(Role.SUPERVISOR, null, null, null))).isEqualTo("13900000001");
        assertThat(mobileAs.apply(user(Role.COMPLIANCE, null, null, null))).isEqualTo("13900000001");
        assertThat(api().get("/api/v1/accounts/" + bobAccount).json().get("contactPoints").get(0).get("value")
                .asString()).isEqualTo("13900000001");
    }
}

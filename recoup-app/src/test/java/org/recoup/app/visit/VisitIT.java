package org.recoup.app.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/** Field visits walked end to end: request, approval with two staff through the gate, route, report without cash. */
class VisitIT extends IntegrationTest {

    private static final String PASSWORD = "visit-it-password";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    UserAccounts users;
    @Autowired
    Visits visits;

    private String team;
    private String agent;
    private String partner;
    private String supervisor;
    private String account;
    private String caseId;

    @BeforeEach
    void aCaseOfATeamWithAnAddress() {
        team = uniqueId("vteam");
        agent = user(Role.AGENT, team, null);
        partner = user(Role.AGENT, team, null);
        supervisor = user(Role.SUPERVISOR, null, null);
        account = new DebtFileFixture(jdbc).account(uniqueId("L"))
                .installment(1, "2026-04-15", "1000.00", "60.00", "0").id();
        caseId = new CaseAssignments(jdbc).ofAccount(account).toAgent(team, agent).id();
        address(account + "-B", account + "-A", "上海市浦东新区张杨路500号");
    }

    @Test
    void anAgentRequestsASupervisorApprovesWithTwoStaffAndTheStaffReportAPromise() {
        var requested = api(agent, PASSWORD).post("/api/v1/cases/" + caseId + "/visits",
                "{\"reason\":\"two broken promises, phone switched off\",\"lat\":31.2304,\"lon\":121.5400}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().get("visitId").asText();
        assertThat(requested.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.json().get("city").asText()).isEqualTo("上海市");
        assertThat(requested.json().get("district").asText()).isEqualTo("浦东新区");
        assertThat(requested.json().get("contactPointId").asText()).isEqualTo(account + "-A");

        OffsetDateTime at = tomorrowAt(10);
        String approval = "{\"decision\":\"APPROVE\",\"scheduledAt\":\"" + at + "\",\"staff\":[\"" + agent + "\",\""
                + partner + "\"]}";
        assertThat(api(agent, PASSWORD).post("/api/v1/visits/" + id + "/decision", approval).status())
                .as("an agent cannot approve").isEqualTo(403);

        var oneStaff = api(supervisor, PASSWORD).post("/api/v1/visits/" + id + "/decision",
                "{\"decision\":\"APPROVE\",\"scheduledAt\":\"" + at + "\",\"staff\":[\"" + agent + "\",\"" + agent + "\"]}");
        assertThat(oneStaff.status()).isEqualTo(400);
        assertThat(oneStaff.json().get("code").asText()).isEqualTo("VISIT_STAFF_MINIMUM");
        assertThat(oneStaff.json().get("field").asText()).isEqualTo("staff");

        var approved = api(supervisor, PASSWORD).post("/api/v1/visits/" + id + "/decision", approval);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("team").asText()).isEqualTo(team);
        assertThat(approved.json().get("visitDay").asText()).isEqualTo(at.toLocalDate().toString());
        assertThat(approved.json().get("staff")).hasSize(2);

        var route = api(agent, PASSWORD).get("/api/v1/visits/routes?team=" + team + "&day=" + at.toLocalDate());
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.json().get(0).get("district").asText()).isEqualTo("浦东新区");
        assertThat(route.json().get(0).get("stops").get(0).get("visit").get("visitId").asText()).isEqualTo(id);

        String sha = "a".repeat(64);
        String visited = yesterdayAt(10).toString();
        var cash = api(agent, PASSWORD).post("/api/v1/visits/" + id + "/report", "{\"visitedAt\":\"" + visited
                + "\",\"met\":\"PARTY\",\"outcome\":\"REFUSED\",\"cashCollected\":true}");
        assertThat(cash.status()).isEqualTo(422);
        assertThat(cash.json().get("code").asText()).isEqualTo("CASH_COLLECTION_FORBIDDEN");
        assertThat(cash.json().get("field").asText()).isEqualTo("cashCollected");
        var unstated = api(agent, PASSWORD).post("/api/v1/visits/" + id + "/report", "{\"visitedAt\":\"" + visited
                + "\",\"met\":\"PARTY\",\"outcome\":\"REFUSED\"}");
        assertThat(unstated.status()).isEqualTo(400);
        assertThat(unstated.json().get("field").asText()).isEqualTo("cashCollected");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit_report WHERE visit_id = ?").param(id).query(Long.class).single())
                .isZero();

        String report = "{\"visitedAt\":\"" + visited + "\",\"met\":\"PARTY\",\"outcome\":\"PROMISE\","
                + "\"promise\":{\"amount\":500.00,\"dueDate\":\"" + LocalDate.now(SHANGHAI).plusDays(7)
                + "\",\"channel\":\"BANK_TRANSFER\"},\"cashCollected\":false,"
                + "\"evidence\":[{\"sha256\":\"" + sha + "\",\"name\":\"门牌.jpg\",\"kind\":\"PHOTO\"}],"
                + "\"note\":\"met the borrower at the door, did not enter\"}";
        var reported = api(agent, PASSWORD).post("/api/v1/visits/" + id + "/report", report);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.json().get("status").asText()).isEqualTo("REPORTED");
        String promiseId = reported.json().get("report").get("promiseId").asText();
        assertThat(jdbc.sql("SELECT amount_minor FROM promise WHERE promise_id = ?").param(promiseId).query(Long.class)
                .single()).isEqualTo(50_000L);
        assertThat(jdbc.sql("SELECT channel || '/' || outcome || '/' || staff FROM contact_attempt WHERE contact_id = ?")
                .param("visit-" + id).query(String.class).single())
                .isEqualTo("VISIT/VISITED/" + String.join(",", java.util.stream.Stream.of(agent, partner).sorted().toList()));
        assertThat(reported.json().get("report").get("evidence").get(0).get("sha256").asText()).isEqualTo(sha);

        var retry = api(agent, PASSWORD).post("/api/v1/visits/" + id + "/report", report);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("report").get("promiseId").asText()).isEqualTo(promiseId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE account_id = ?").param(account).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void anApprovalOutsideTheAllowedHoursInTheDebtorsZoneIsBlockedByTheGate() {
        String id = requestAsAgent();

        var night = api(supervisor, PASSWORD).post("/api/v1/visits/" + id + "/decision",
                "{\"decision\":\"APPROVE\",\"scheduledAt\":\"" + tomorrowAt(23) + "\",\"staff\":[\"" + agent + "\",\""
                        + partner + "\"]}");

        assertThat(night.status()).as(night.toString()).isEqualTo(422);
        assertThat(night.json().get("code").asText()).isEqualTo("VISIT_BLOCKED");
        assertThat(night.json().get("detail").asText()).contains("HOURS");
        assertThat(api().get("/api/v1/visits/" + id).json().get("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void aVisitWithoutAnAddressIsRefusedNamingTheContactPoint() {
        String other = new DebtFileFixture(jdbc).account(uniqueId("L")).id();
        String otherCase = new CaseAssignments(jdbc).ofAccount(other).toAgent(team, agent).id();

        var refused = api(agent, PASSWORD).post("/api/v1/cases/" + otherCase + "/visits", "{\"reason\":\"no phone\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("NO_ADDRESS");
        assertThat(refused.json().get("field").asText()).isEqualTo("contactPointId");
    }

    @Test
    void aRequestWithoutAReasonIsRefused() {
        var refused = api(agent, PASSWORD).post("/api/v1/cases/" + caseId + "/visits", "{\"reason\":\" \"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("reason");
    }

    @Test
    void aStrategysVisitReviewBecomesOneRequestPerCase() {
        LocalDate asOf = LocalDate.of(2031, 1, 5);
        jdbc.sql("INSERT INTO collection_case (case_id, party_id, status, opened_on, updated_on) VALUES (?, ?, 'OPEN', ?, ?)")
                .params(caseId, caseId.substring(2), asOf, asOf).update();
        runAction(asOf);
        runAction(asOf.plusDays(1));

        assertThat(visits.requestFromRun(asOf)).isGreaterThanOrEqualTo(1);
        visits.requestFromRun(asOf);
        visits.requestFromRun(asOf.plusDays(1));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit WHERE case_id = ?").param(caseId).query(Long.class).single())
                .as("one open request per case, whatever the reruns and later runs").isEqualTo(1L);
        assertThat(jdbc.sql("SELECT source || '/' || status FROM visit WHERE case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("RUN/REQUESTED");
    }

    @Test
    void agencyUsersSeeOnlyVisitsOfCasesPlacedWithTheirAgency() {
        String id = requestAsAgent();
        String agency = uniqueId("AG");
        String agencyUser = user(Role.AGENCY, null, agency);

        assertThat(api(agencyUser, PASSWORD).get("/api/v1/visits/" + id).status()).isEqualTo(404);
        assertThat(api(agencyUser, PASSWORD).post("/api/v1/cases/" + caseId + "/visits", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);

        new CaseAssignments(jdbc).ofAccount(account).toAgency(team, agency);
        assertThat(api(agencyUser, PASSWORD).get("/api/v1/visits/" + id).status()).isEqualTo(200);
    }

    @Test
    void aReportByStaffNotAssignedIsRefused() {
        String id = requestAsAgent();
        String third = user(Role.TEAM_LEAD, team, null); // sees the case, is not on the visit
        api(supervisor, PASSWORD).post("/api/v1/visits/" + id + "/decision", "{\"decision\":\"APPROVE\",\"scheduledAt\":\""
                + tomorrowAt(11) + "\",\"staff\":[\"" + agent + "\",\"" + partner + "\"]}");

        var refused = api(third, PASSWORD).post("/api/v1/visits/" + id + "/report", "{\"visitedAt\":\""
                + yesterdayAt(11) + "\",\"met\":\"NOBODY\",\"outcome\":\"NOT_FOUND\",\"cashCollected\":false}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("NOT_VISIT_STAFF");
    }

    @Test
    void twoConcurrentIdenticalReportsStoreOneReportAndOnePromise() throws Exception {
        String id = requestAsAgent();
        var approved = api(supervisor, PASSWORD).post("/api/v1/visits/" + id + "/decision", "{\"decision\":\"APPROVE\","
                + "\"scheduledAt\":\"" + tomorrowAt(15) + "\",\"staff\":[\"" + agent + "\",\"" + partner + "\"]}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String report = "{\"visitedAt\":\"" + yesterdayAt(15) + "\",\"met\":\"PARTY\",\"outcome\":\"PROMISE\","
                + "\"promise\":{\"amount\":300,\"dueDate\":\"" + LocalDate.now(SHANGHAI).plusDays(5)
                + "\",\"channel\":\"WECHAT\"},\"cashCollected\":false}";

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> api(agent, PASSWORD).post("/api/v1/visits/" + id + "/report", report));
            var b = pool.submit(() -> api(partner, PASSWORD).post("/api/v1/visits/" + id + "/report", report));
            assertThat(java.util.List.of(a.get().status(), b.get().status())).containsExactlyInAnyOrder(201, 200);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promise WHERE account_id = ?").param(account).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_attempt WHERE contact_id = ?").param("visit-" + id)
                .query(Long.class).single()).isEqualTo(1L);
    }

    private void runAction(LocalDate asOf) {
        jdbc.sql("""
                        INSERT INTO run_action (as_of, case_id, action, run_id, kind, priority, rule_id, accounts, status)
                        VALUES (?, ?, 'VISIT_REVIEW', 1, 'TASK', 50, 'late-visit', ?, 'PLANNED')""")
                .params(asOf, caseId, account).update();
    }

    private String requestAsAgent() {
        var r = api(agent, PASSWORD).post("/api/v1/cases/" + caseId + "/visits", "{\"reason\":\"not reachable\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("visitId").asText();
    }

    private String user(Role role, String userTeam, String agencyId) {
        String name = uniqueId(role.name().toLowerCase());
        users.create(name, PASSWORD, new UserAccounts.UserFields(name, role,
                role == Role.AGENT ? Tier.INTERMEDIATE : null, userTeam, agencyId, "en", true));
        return name;
    }

    private void address(String partyId, String pointId, String value) {
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value, time_zone) "
                + "VALUES (?, ?, 'ADDRESS', ?, 'Asia/Shanghai')").params(pointId, partyId, value).update();
    }

    static OffsetDateTime tomorrowAt(int hour) {
        return LocalDate.now(SHANGHAI).plusDays(1).atTime(LocalTime.of(hour, 0)).atOffset(ZoneOffset.ofHours(8));
    }

    static OffsetDateTime yesterdayAt(int hour) {
        return LocalDate.now(SHANGHAI).minusDays(1).atTime(LocalTime.of(hour, 0)).atOffset(ZoneOffset.ofHours(8));
    }

}

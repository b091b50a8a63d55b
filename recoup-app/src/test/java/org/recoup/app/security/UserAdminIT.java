package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.recoup.app.web.Browser;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/users}: administrators manage users; the rules of each role are enforced; passwords never leave. */
class UserAdminIT extends IntegrationTest {

    private ApiClient.Response create(String json) {
        return api().post("/api/v1/users", json);
    }

    @Test
    void anAdminCreatesAnAgentWithTierAndTeamWhoCanThenSignIn() {
        String name = uniqueId("new-agent");

        ApiClient.Response created = create("""
                {"username":"%s","password":"first-pass-1","displayName":"张伟","role":"AGENT","tier":"SENIOR",
                 "team":"early","locale":"en"}""".formatted(name));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("username").asString()).isEqualTo(name);
        assertThat(user.get("role").asString()).isEqualTo("AGENT");
        assertThat(user.get("tier").asString()).isEqualTo("SENIOR");
        assertThat(user.get("team").asString()).isEqualTo("early");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("first-pass-1").doesNotContainIgnoringCase("password");
        assertThat(api().get("/api/v1/users").body()).contains(name).doesNotContain("bcrypt");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(name).query(String.class)
                .single()).startsWith("{bcrypt}");
        assertThat(new Browser(port).signIn(name, "first-pass-1").redirectPath()).isEqualTo("/ui/queue");
    }

    @Test
    void eachRoleNeedsItsFieldsAndRefusesTheOthers_namingTheField() {
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"AGENT","team":"early"}"""
                .formatted(uniqueId("u"))), "MISSING_FIELD", "tier");
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"AGENT","tier":"JUNIOR"}"""
                .formatted(uniqueId("u"))), "MISSING_FIELD", "team");
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"TEAM_LEAD"}"""
                .formatted(uniqueId("u"))), "MISSING_FIELD", "team");
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"AGENCY"}"""
                .formatted(uniqueId("u"))), "MISSING_FIELD", "agencyId");
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"SUPERVISOR","tier":"SENIOR"}"""
                .formatted(uniqueId("u"))), "FIELD_NOT_FOR_ROLE", "tier");
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"AGENT","tier":"JUNIOR",
                 "team":"early","agencyId":"AG-1"}""".formatted(uniqueId("u"))), "FIELD_NOT_FOR_ROLE", "agencyId");
        assertField(create("""
                {"username":"%s","password":"short","displayName":"A","role":"COMPLIANCE"}"""
                .formatted(uniqueId("u"))), "WEAK_PASSWORD", "password");
        assertField(create("""
                {"username":"has space","password":"long-enough-1","displayName":"A","role":"COMPLIANCE"}"""),
                "INVALID_FIELD", "username");
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"COMPLIANCE","locale":"fr"}"""
                .formatted(uniqueId("u"))), "INVALID_FIELD", "locale");
        assertField(create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"CHIEF"}"""
                .formatted(uniqueId("u"))), null, "role");
    }

    private static void assertField(ApiClient.Response r, String code, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).as(r.toString()).isEqualTo(field);
        if (code != null) {
            assertThat(r.json().get("code").asString()).isEqualTo(code);
        }
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String name = uniqueId("dup");
        String body = """
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"COMPLIANCE"}""".formatted(name);
        assertThat(create(body).status()).isEqualTo(201);

        ApiClient.Response again = create(body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("USER_EXISTS");
    }

    @Test
    void concurrentCreationsOfOneUsernameCreateItOnce() throws Exception {
        String name = uniqueId("racer");
        String body = """
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"COMPLIANCE"}""".formatted(name);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return create(body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).status());
            }

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(name).query(Long.class)
                    .single()).isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAdminMovesAnAgentToTeamLeadResetsThePasswordAndDisablesTheUser() {
        String name = uniqueId("mover");
        create("""
                {"username":"%s","password":"old-password-1","displayName":"Li","role":"AGENT","tier":"JUNIOR",
                 "team":"early"}""".formatted(name));

        ApiClient.Response promoted = api().put("/api/v1/users/" + name, """
                {"role":"TEAM_LEAD","team":"late","password":"new-password-1"}""");

        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("TEAM_LEAD");
        assertThat(promoted.json().get("team").asString()).isEqualTo("late");
        assertThat(promoted.json().get("tier").isNull()).as("a team lead has no tier").isTrue();
        assertThat(promoted.json().get("displayName").asString()).as("absent: unchanged").isEqualTo("Li");
        assertThat(new Browser(port).signIn(name, "old-password-1").redirectPath()).isEqualTo("/login?error");
        assertThat(new Browser(port).signIn(name, "new-password-1").redirectPath()).isEqualTo("/");

        assertThat(api().put("/api/v1/users/" + name, """
                {"team":"late","enabled":false}""").json().get("enabled").asBoolean()).isFalse();
        assertThat(new Browser(port).signIn(name, "new-password-1").redirectPath()).isEqualTo("/login?error");
    }

    @Test
    void disablingAUserOrChangingTheirRoleEndsTheirOpenWebSession() {
        String disabled = uniqueId("leaver");
        String demoted = uniqueId("demoted");
        for (String name : new String[] {disabled, demoted}) {
            create("""
                    {"username":"%s","password":"long-enough-1","displayName":"A","role":"SUPERVISOR"}""".formatted(name));
        }
        Browser leaver = new Browser(port);
        Browser supervisor = new Browser(port);
        leaver.signIn(disabled, "long-enough-1");
        supervisor.signIn(demoted, "long-enough-1");
        assertThat(leaver.get("/").status()).isEqualTo(200);
        assertThat(supervisor.get("/").status()).isEqualTo(200);

        api().put("/api/v1/users/" + disabled, "{\"enabled\":false}");
        api().put("/api/v1/users/" + demoted, "{\"role\":\"COMPLIANCE\"}");

        assertThat(leaver.get("/").redirectPath()).isEqualTo("/login");
        assertThat(supervisor.get("/").redirectPath()).as("signs in again to get the new role").isEqualTo("/login");
        assertThat(supervisor.signIn(demoted, "long-enough-1").redirectPath()).isEqualTo("/");
        assertThat(supervisor.get("/ui/simulation").status()).isEqualTo(200);
    }

    @Test
    void changingAnUnknownUserIsNotFoundAndARoleChangeMustBringTheNewRolesFields() {
        assertThat(api().put("/api/v1/users/" + uniqueId("ghost"), "{\"displayName\":\"x\"}").status()).isEqualTo(404);
        String name = uniqueId("lead");
        create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"TEAM_LEAD","team":"early"}"""
                .formatted(name));

        assertField(api().put("/api/v1/users/" + name, "{\"role\":\"AGENT\",\"team\":\"early\"}"), "MISSING_FIELD", "tier");
    }

    @Test
    void onlyAdministratorsManageUsers() {
        String name = uniqueId("sup");
        create("""
                {"username":"%s","password":"long-enough-1","displayName":"A","role":"SUPERVISOR"}""".formatted(name));

        assertThat(api(name, "long-enough-1").get("/api/v1/users").status()).isEqualTo(403);
        assertThat(api(name, "long-enough-1").put("/api/v1/users/" + name, "{\"role\":\"ADMIN\"}").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/users").status()).isEqualTo(401);
    }
}

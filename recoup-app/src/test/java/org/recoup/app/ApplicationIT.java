package org.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationIT extends IntegrationTest {

    @Test
    void healthIsPublicAndUp() {
        var health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void apiRequiresAuthentication() {
        assertThat(anonymous().get("/api/v1/runs").status()).isEqualTo(401);
        assertThat(api("admin", "wrong-password").get("/api/v1/runs").status()).isEqualTo(401);
    }

    @Test
    void adminPasswordIsStoredHashed() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void openApiDocumentIsServed() {
        var docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Recoup API");
    }

    @Test
    void flywayMigratedTheDebtFile() {
        long tables = jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE lower(table_name) IN "
                + "('account','party','account_party','contact_point','installment','payment','contact_attempt')")
                .query(Long.class).single();
        assertThat(tables).isEqualTo(7);
    }
}

package org.recoup.app;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the integration tests run on: Failsafe sets {@code recoup.test.database} to {@code h2} (default) or
 * {@code postgres}; for PostgreSQL the server comes from {@code RECOUP_TEST_PG_URL} (user/password from
 * {@code RECOUP_TEST_PG_USER}/{@code RECOUP_TEST_PG_PASSWORD}, default recoup/recoup). The schema is cleaned and
 * migrated once per test JVM.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("recoup.test.database", "h2"));
    }

    public static String name() {
        return isPostgres() ? "postgres" : "h2";
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (isPostgres()) {
            String url = System.getenv("RECOUP_TEST_PG_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("recoup.test.database=postgres needs RECOUP_TEST_PG_URL");
            }
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> env("RECOUP_TEST_PG_USER", "recoup"));
            registry.add("spring.datasource.password", () -> env("RECOUP_TEST_PG_PASSWORD", "recoup"));
        } else {
            registry.add("spring.datasource.url", () ->
                    "jdbc:h2:mem:recoup-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

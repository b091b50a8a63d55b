package org.recoup.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IT}: the whole application on a random port, on H2 or PostgreSQL (see {@link TestDatabase}).
 * All ITs share one Spring context (do not add per-class configuration), so each test must use ids of its own
 * (see {@link #uniqueId(String)}) rather than expect an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "it-admin-password";

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** An HTTP client for the API authenticated as {@code admin}. */
    protected ApiClient api() {
        return new ApiClient(port, "admin", ADMIN_PASSWORD);
    }

    protected ApiClient api(String username, String password) {
        return new ApiClient(port, username, password);
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null, null);
    }

    /** An id no other test uses, e.g. {@code uniqueId("L")} → {@code L-4f1c2a}. */
    protected static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() & 0xFFFFFFFFFFL, 36)
                + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(36 * 36), 36);
    }

    @TestConfiguration
    static class CleanDatabaseOnce {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                if (CLEANED.compareAndSet(false, true)) {
                    flyway.clean();
                }
                flyway.migrate();
            };
        }
    }
}

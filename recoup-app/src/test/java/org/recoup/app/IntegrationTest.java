package org.recoup.app;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
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
@Import(CleanDatabaseOnce.class)
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "it-admin-password";

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
}

package org.recoup.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.recoup.app.RecoupApplication;

/**
 * Base of the command-line ITs: each command boots its own context, here on a private file-backed H2 database (system
 * properties outrank application.yml), with standard output and error captured in {@link #out} and {@link #err}.
 */
abstract class CommandLineHarness {

    private static final List<String> PROPERTIES = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "recoup.admin.password");

    @TempDir
    Path work;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void privateDatabase() {
        // a file database, as a real user's: each command opens it afresh and closes it on exit
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + work.resolve("recoup-" + UUID.randomUUID()).toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        System.setProperty("spring.datasource.username", "sa");
        System.setProperty("spring.datasource.password", "");
        System.setProperty("recoup.admin.password", "cli-test");
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        PROPERTIES.forEach(System::clearProperty);
    }

    int recoup(String... args) {
        return CommandLineEntry.run(RecoupApplication.class, args);
    }
}

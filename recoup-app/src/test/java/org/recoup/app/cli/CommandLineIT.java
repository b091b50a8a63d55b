package org.recoup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoup.app.RecoupApplication;

/**
 * The command line as a batch user runs it: import the contract's sample files, run a date, export the states. Each
 * command boots its own context, here on a private file-backed H2 database (system properties outrank application.yml).
 */
class CommandLineIT {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
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
        for (String p : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "recoup.admin.password")) {
            System.clearProperty(p);
        }
    }

    private int recoup(String... args) {
        return CommandLineEntry.run(RecoupApplication.class, args);
    }

    @Test
    void importRunAndExportTheContractSample() throws Exception {
        Path sample = Path.of("src/test/resources/import/sample");

        assertThat(recoup("import", sample.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("accounts.csv").contains("applied");
        assertThat(recoup("run", "--as-of", "2026-11-23")).as(err.toString()).isZero();
        Path csv = work.resolve("states.csv");
        assertThat(recoup("export", "--as-of", "2026-11-23", "--out", csv.toString())).as(err.toString()).isZero();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(6); // header + 5 sample accounts
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("L-1001,2026-11-23,CNY,192,M6+,LEGAL,"));
    }

    @Test
    void exportOfADateWithoutARunSaysWhatToDo() {
        int exit = recoup("export", "--as-of", "2026-01-01", "--out", work.resolve("x.csv").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("recoup run --as-of 2026-01-01");
    }

    @Test
    void exportWithRunFirstRunsTheDateWhenNoStateIsStored() throws Exception {
        assertThat(recoup("import", Path.of("src/test/resources/import/sample").toString())).isZero();
        Path csv = work.resolve("states.csv");

        assertThat(recoup("export", "--as-of", "2026-11-23", "--run", "--out", csv.toString())).as(err.toString()).isZero();

        assertThat(Files.readAllLines(csv)).hasSize(6);
        assertThat(out.toString()).contains("run 1 for 2026-11-23 succeeded");
    }

    @Test
    void aMissingOptionIsAUsageErrorBeforeAnyDatabaseWork() {
        assertThat(recoup("run")).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of");
    }

    @Test
    void importOfAMissingDirectoryFails() {
        assertThat(recoup("import", work.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or directory");
    }
}

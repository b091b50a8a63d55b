package org.recoup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line as a batch user runs it: import the contract's sample files, run a date, export the states. Each
 * command boots its own context on a private file-backed H2 database ({@link CommandLineHarness}).
 */
class CommandLineIT extends CommandLineHarness {

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

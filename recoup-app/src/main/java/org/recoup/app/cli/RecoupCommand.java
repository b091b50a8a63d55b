package org.recoup.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.recoup.app.dailyrun.DailyRuns;
import org.recoup.app.dailyrun.RunStatus;
import org.recoup.app.dailyrun.RunView;
import org.recoup.app.delinquency.AccountStates;
import org.recoup.app.portfolio.ImportMode;
import org.recoup.app.portfolio.ImportProgress;
import org.recoup.app.portfolio.ImportResult;
import org.recoup.app.portfolio.ImportService;
import org.recoup.app.portfolio.ImportSource;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The {@code recoup} command and its sub-commands. */
@Command(name = "recoup", mixinStandardHelpOptions = true, version = "Recoup 0.1",
        description = "Recoup collections platform: batch commands against the configured database (RECOUP_DB_URL).",
        subcommands = {RecoupCommand.Import.class, RecoupCommand.Run.class, RecoupCommand.Export.class, CheckCommand.class})
class RecoupCommand implements Callable<Integer> {

    final ApplicationContext context;

    RecoupCommand(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        System.err.println("name a command: import, run, export or check (--help for details)");
        return 2;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a debt file (contract §2): a directory of CSV/XLSX files, a .zip, a .xlsx or one CSV.")
    static class Import implements Callable<Integer> {
        @ParentCommand
        RecoupCommand parent;

        @Parameters(index = "0", description = "directory, .zip, .xlsx or .csv file")
        Path source;

        @Option(names = "--mode", defaultValue = "all-or-nothing",
                description = "all-or-nothing (default: apply nothing when a row is invalid) or valid-only")
        String mode;

        @Override
        public Integer call() {
            ImportMode importMode = ImportMode.fromParameter(mode).orElse(null);
            if (importMode == null) {
                System.err.println("--mode must be all-or-nothing or valid-only, not " + mode);
                return 2;
            }
            if (!Files.exists(source)) {
                System.err.println("no such file or directory: " + source);
                return 2;
            }
            ProgressBar bar = new ProgressBar(System.err, "rows");
            ImportResult result = parent.context.getBean(ImportService.class).importFiles(ImportSource.of(source),
                    importMode, new ImportProgress() {
                        @Override
                        public void rows(String file, long rowsProcessed) {
                            bar.update(file, rowsProcessed, 0);
                        }

                        @Override
                        public void phase(String phase) {
                            bar.update(phase, 0, 0);
                        }
                    }, "cli");
            bar.finish();
            result.files().forEach(f -> System.out.printf("  %-20s %,12d rows  %-8s %s%n", f.file(), f.rows(),
                    f.encoding(), f.changed() == null ? "" : String.format("%,d changed", f.changed())));
            if (result.errorCount() > 0) {
                System.err.printf("%,d invalid value(s):%n", result.errorCount());
                result.errors().stream().limit(50).forEach(e -> System.err.println("  " + e));
                if (result.errorCount() > 50) {
                    System.err.printf("  … %,d more (GET /api/v1/imports/%d/errors.csv)%n", result.errorCount() - 50,
                            result.id());
                }
            }
            if (!result.applied()) {
                System.err.println("import " + result.id() + " " + result.status() + ": nothing applied"
                        + (result.failure() == null ? "" : " — " + result.failure()));
                return 1;
            }
            System.out.printf("import %d applied: %,d rows%n", result.id(), result.processed());
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the daily run for a business date: assess, segment and decide every account and plan "
                    + "each case's actions; a date whose last run was interrupted is resumed where it stopped.")
    static class Run implements Callable<Integer> {
        @ParentCommand
        RecoupCommand parent;

        @Option(names = "--as-of", required = true, description = "business date YYYY-MM-DD")
        LocalDate asOf;

        @Override
        public Integer call() {
            return runDate(parent.context, asOf);
        }
    }

    /** Runs the daily run of {@code asOf} with a progress bar; 0 when it succeeded, 1 when it failed. */
    static int runDate(ApplicationContext context, LocalDate asOf) {
        ProgressBar bar = new ProgressBar(System.err, "accounts");
        RunView run = context.getBean(DailyRuns.class)
                .runAndWait(asOf, "cli", (done, total) -> bar.update("run " + asOf, done, total));
        bar.finish();
        if (run.status() != RunStatus.SUCCEEDED) {
            System.err.println("run " + run.id() + " failed: " + run.error());
            return 1;
        }
        System.out.printf("run %d for %s succeeded: %,d accounts in %,d ms%n", run.id(), run.asOf(),
                run.counts().processed(), run.timings().durationMs());
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the stored states of a business date as CSV (run the date first).")
    static class Export implements Callable<Integer> {
        @ParentCommand
        RecoupCommand parent;

        @Option(names = "--as-of", required = true, description = "business date YYYY-MM-DD")
        LocalDate asOf;

        @Option(names = "--out", required = true, description = "file to write, e.g. states.csv ('-' for stdout)")
        String out;

        @Option(names = "--run", description = "run the date first if no state is stored for it")
        boolean runFirst;

        @Override
        public Integer call() throws IOException {
            AccountStates states = parent.context.getBean(AccountStates.class);
            if (states.count(asOf) == 0) {
                if (!runFirst) {
                    System.err.println("no states stored for " + asOf + ": run `recoup run --as-of " + asOf
                            + "` first, or add --run");
                    return 1;
                }
                int ran = runDate(parent.context, asOf);
                if (ran != 0) {
                    return ran;
                }
            }
            long rows;
            if ("-".equals(out)) {
                Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                rows = states.exportCsv(asOf, w);
            } else {
                try (Writer w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                    rows = states.exportCsv(asOf, w);
                }
                System.err.printf("wrote %,d states of %s to %s%n", rows, asOf, out);
            }
            return 0;
        }
    }
}

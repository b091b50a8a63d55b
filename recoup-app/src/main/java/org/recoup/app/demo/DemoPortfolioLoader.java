package org.recoup.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.recoup.app.dailyrun.DailyRuns;
import org.recoup.app.dailyrun.RunProgress;
import org.recoup.app.dailyrun.RunView;
import org.recoup.app.portfolio.ImportMode;
import org.recoup.app.portfolio.ImportProgress;
import org.recoup.app.portfolio.ImportResult;
import org.recoup.app.portfolio.ImportService;
import org.recoup.app.portfolio.ImportSource;
import org.recoup.app.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the first start with {@code RECOUP_DEMO} on (the default) and an empty debt file: generates the demo portfolio
 * for today, imports it through the ordinary import pipeline, creates the demo users and runs the daily run for
 * today, so that the first page has something to show.
 */
@Component
@Order(10)
public class DemoPortfolioLoader implements ApplicationRunner {

    /** Password of the demo users (see {@code UserAccounts.createDemoUsers}); documented in the README. */
    public static final String DEMO_PASSWORD = "demo1234";

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolioLoader.class);

    private final boolean enabled;
    private final int accounts;
    private final long seed;
    private final JdbcClient jdbc;
    private final ImportService imports;
    private final DailyRuns runs;
    private final UserAccounts users;
    private final Clock clock;

    DemoPortfolioLoader(@Value("${recoup.demo.enabled:true}") boolean enabled,
                        @Value("${recoup.demo.accounts:2000}") int accounts,
                        @Value("${recoup.demo.seed:20261124}") long seed,
                        JdbcClient jdbc, ImportService imports, DailyRuns runs, UserAccounts users, Clock clock) {
        this.enabled = enabled;
        this.accounts = accounts;
        this.seed = seed;
        this.jdbc = jdbc;
        this.imports = imports;
        this.runs = runs;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        long existing = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
        if (existing > 0) {
            log.info("Debt file already holds {} accounts: demo portfolio not loaded", existing);
            return;
        }
        load(accounts, LocalDate.now(clock));
    }

    /** Generates, imports and runs a demo portfolio of {@code count} accounts as of {@code asOf}. */
    public DemoLoad load(int count, LocalDate asOf) {
        log.info("Loading the demo portfolio: {} accounts as of {} (seed {})…", count, asOf, seed);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("recoup-demo-");
            new PortfolioGenerator(seed, count, asOf).write(dir);
            ImportResult imported = imports.importFiles(ImportSource.directory(dir), ImportMode.ALL_OR_NOTHING,
                    ImportProgress.NONE, "demo");
            if (!imported.applied()) {
                throw new IllegalStateException("the demo portfolio did not import: " + imported.errorCount()
                        + " error(s), first: " + imported.errors().stream().limit(3).toList()
                        + (imported.failure() == null ? "" : "; " + imported.failure()));
            }
            users.createDemoUsers(DEMO_PASSWORD);
            RunView run = runs.runAndWait(asOf, "demo", RunProgress.NONE);
            log.info("Demo portfolio loaded: {} rows imported (import {}), daily run {} for {} {}", imported.processed(),
                    imported.id(), run.id(), asOf, run.status());
            return new DemoLoad(imported, run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo portfolio", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** What a demo load did. */
    public record DemoLoad(ImportResult imported, RunView run) {
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }
}

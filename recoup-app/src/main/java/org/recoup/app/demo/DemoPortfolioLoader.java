package org.recoup.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.recoup.app.agency.AgencyDemo;
import org.recoup.app.dailyrun.DailyRuns;
import org.recoup.app.dailyrun.RunProgress;
import org.recoup.app.dailyrun.RunView;
import org.recoup.app.performance.PerformanceDemo;
import org.recoup.app.plan.PlanDemo;
import org.recoup.app.portfolio.ImportMode;
import org.recoup.app.portfolio.ImportProgress;
import org.recoup.app.portfolio.ImportResult;
import org.recoup.app.portfolio.ImportService;
import org.recoup.app.portfolio.ImportSource;
import org.recoup.app.property.PropertyFeeDemo;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.recoup.app.team.TeamDemo;
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

    /** The agency of the demo login {@code agency}, and how many cases the demo places with it. */
    static final String DEMO_AGENCY = "AG-1";
    private static final int DEMO_AGENCY_CASES = 25;

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolioLoader.class);

    private final boolean enabled;
    private final int accounts;
    private final long seed;
    private final JdbcClient jdbc;
    private final ImportService imports;
    private final DailyRuns runs;
    private final UserAccounts users;
    private final CaseRouting routing;
    private final PropertyFeeDemo propertyFees;
    private final Clock clock;
    private final TeamDemo teamDemo;
    private final AgencyDemo agencyDemo;
    private final PlanDemo planDemo;
    private final PerformanceDemo performanceDemo;

    DemoPortfolioLoader(@Value("${recoup.demo.enabled:true}") boolean enabled,
                        @Value("${recoup.demo.accounts:2000}") int accounts,
                        @Value("${recoup.demo.seed:20261124}") long seed,
                        JdbcClient jdbc, ImportService imports, DailyRuns runs, UserAccounts users, CaseRouting routing,
                        Clock clock, AgencyDemo agencyDemo, PropertyFeeDemo propertyFees, TeamDemo teamDemo,
                        PlanDemo planDemo, PerformanceDemo performanceDemo) {
        this.agencyDemo = agencyDemo;
        this.teamDemo = teamDemo;
        this.planDemo = planDemo;
        this.performanceDemo = performanceDemo;
        this.enabled = enabled;
        this.accounts = accounts;
        this.seed = seed;
        this.jdbc = jdbc;
        this.imports = imports;
        this.runs = runs;
        this.users = users;
        this.routing = routing;
        this.propertyFees = propertyFees;
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
        teamDemo.prepare();
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
            propertyFees.load(asOf);
            // the day before first, so that the flow dashboards (roll rates, cures, recovery) have a day-to-day move
            runs.runAndWait(asOf.minusDays(1), "demo", RunProgress.NONE);
            RunView run = runs.runAndWait(asOf, "demo", RunProgress.NONE);
            int placed = placeWithDemoAgency(run.id());
            performanceDemo.load(asOf);
            log.info("Demo: {} late-stage cases placed with agency {} (login 'agency')", placed, DEMO_AGENCY);
            agencyDemo.recordDemoPlacements(DEMO_AGENCY, asOf);
            planDemo.seed(asOf);
            log.info("Demo portfolio loaded: {} rows imported (import {}), daily run {} for {} {}", imported.processed(),
                    imported.id(), run.id(), asOf, run.status());
            return new DemoLoad(imported, run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo portfolio", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Places a few of the late team's queued cases with the demo agency, as a supervisor would, so that the agency
     * login has a queue of its own (its users see only what is placed with it).
     */
    private int placeWithDemoAgency(long runId) {
        if (jdbc.sql("SELECT COUNT(*) FROM case_assignment WHERE agency_id = ?").param(DEMO_AGENCY)
                .query(Long.class).single() > 0) {
            return 0;
        }
        Actor supervisor = new Actor("supervisor", Role.SUPERVISOR, null, null, null);
        List<String> cases = jdbc.sql("SELECT q.case_id FROM work_queue q WHERE q.pool = 'team:late' AND q.case_id IN "
                        + "(SELECT a.case_id FROM run_action a WHERE a.run_id = ?) ORDER BY q.case_id FETCH FIRST "
                        + DEMO_AGENCY_CASES + " ROWS ONLY")
                .param(runId).query(String.class).list();
        for (String caseId : cases) {
            routing.assign(supervisor, caseId, new CaseRouting.Assignment("late", null, DEMO_AGENCY,
                    "demo: placed with agency " + DEMO_AGENCY));
        }
        return cases.size();
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

package org.recoup.app.dailyrun;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.recoup.app.compliance.ContactGate;
import org.recoup.app.delinquency.AccountStates;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.app.promise.Promises;
import org.recoup.app.strategy.Strategies;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Spring Batch job {@value #JOB}: step {@code accounts} partitions the accounts into id ranges (one per core) and
 * runs the decision pipeline chunk by chunk ({@link AccountReader} → {@link AccountWriter}); step {@code promises} resolves the stored status of pending
 * promises as of the date (what the compliance gate reads); step {@code cases}
 * partitions the run's cases into case id ranges and plans, screens and writes their actions ({@link CaseReader} →
 * {@link CaseWriter}). Job parameters: {@code asOf} and {@code run} (the request that started the job instance).
 */
@Configuration(proxyBeanMethods = false)
class DailyRunJob {

    static final String JOB = "dailyRun";
    static final int ACCOUNT_CHUNK = 1_000;
    static final int CASE_CHUNK = 1_000;

    @Bean
    Job dailyRun(JobRepository repository, Step accountsStep, Step promisesStep, Step casesStep, RunTracker tracker) {
        return new JobBuilder(JOB, repository).start(accountsStep).next(promisesStep).next(casesStep).listener(tracker)
                .build();
    }

    /**
     * Brings the stored status of pending promises up to date as of the business date before the case step: the
     * compliance gate reads a {@code PENDING} promise as a PTP_IN_FORCE hold, so a promise kept early (or broken)
     * must not stay PENDING in the store while the strategy already decided on it (a thank-you SMS would otherwise be
     * deferred past the promised date). Idempotent: only rows whose status changed are written.
     */
    @Bean
    Step promisesStep(JobRepository repository, PlatformTransactionManager transactions, Promises promises) {
        return new StepBuilder("promises", repository)
                .tasklet((contribution, context) -> {
                    promises.resolve(LocalDate.parse((String) context.getStepContext().getJobParameters().get("asOf")));
                    return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
                }, transactions)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step accountsStep(JobRepository repository, Step accountRangeStep, PortfolioReader portfolio,
                      DailyRunProperties properties) {
        int partitions = properties.effectivePartitions();
        return new StepBuilder("accounts", repository)
                .partitioner("accountRange", gridSize -> contexts(portfolio.partition(partitions)))
                .step(accountRangeStep)
                .gridSize(partitions)
                .taskExecutor(new SimpleAsyncTaskExecutor("daily-run-"))
                .build();
    }

    @Bean
    Step accountRangeStep(JobRepository repository, PlatformTransactionManager transactions, AccountReader accountReader,
                          AccountWriter accountWriter) {
        return new StepBuilder("accountRange", repository).<AccountInput, AccountInput>chunk(ACCOUNT_CHUNK)
                .reader(accountReader)
                .writer(accountWriter)
                .transactionManager(transactions)
                .build();
    }

    @Bean
    Step casesStep(JobRepository repository, Step caseRangeStep, Partitioner casePartitioner,
                   DailyRunProperties properties) {
        int partitions = properties.effectivePartitions();
        return new StepBuilder("cases", repository)
                .partitioner("caseRange", casePartitioner)
                .step(caseRangeStep)
                .gridSize(partitions)
                .taskExecutor(new SimpleAsyncTaskExecutor("daily-run-cases-"))
                .build();
    }

    @Bean
    Step caseRangeStep(JobRepository repository, PlatformTransactionManager transactions, CaseReader caseReader,
                       CaseWriter caseWriter) {
        return new StepBuilder("caseRange", repository).<CaseGroup, CaseGroup>chunk(CASE_CHUNK)
                .reader(caseReader)
                .writer(caseWriter)
                .transactionManager(transactions)
                .build();
    }

    @Bean
    @StepScope
    AccountReader accountReader(DataSource dataSource, PortfolioReader portfolio,
                                @Value("#{stepExecutionContext['from']}") String from,
                                @Value("#{stepExecutionContext['to']}") String to,
                                @Value("#{jobParameters['asOf']}") String asOf) {
        return new AccountReader(dataSource, portfolio, range(from, to), LocalDate.parse(asOf));
    }

    @Bean
    @StepScope
    AccountWriter accountWriter(DataSource dataSource, AccountStates states, PromiseFacts promises, HoldFacts holds,
                                DelinquencyPolicies policies, Strategies strategies, RunTracker tracker, JdbcClient jdbc,
                                @Value("#{jobParameters['asOf']}") String asOf) {
        LocalDate date = LocalDate.parse(asOf);
        LocalDate previous = jdbc.sql("SELECT MAX(as_of) FROM daily_run WHERE status = 'SUCCEEDED' AND as_of < ?")
                .param(date).query(LocalDate.class).optional().orElse(null);
        return new AccountWriter(dataSource, states, promises, holds, date, previous, tracker.runId(), policies.current(),
                strategies.current(), tracker);
    }

    @Bean
    @StepScope
    CaseReader caseReader(DataSource dataSource, @Value("#{stepExecutionContext['from']}") String from,
                          @Value("#{stepExecutionContext['to']}") String to,
                          @Value("#{jobParameters['asOf']}") String asOf) {
        return new CaseReader(dataSource, range(from, to), LocalDate.parse(asOf));
    }

    @Bean
    @StepScope
    CaseWriter caseWriter(DataSource dataSource, ContactGate gate, RunTracker tracker,
                          @Value("#{jobParameters['asOf']}") String asOf) {
        return new CaseWriter(dataSource, gate, LocalDate.parse(asOf), tracker.runId());
    }

    @Bean
    PromiseFacts promiseFacts(Promises promises) {
        return PromiseFacts.of(promises);
    }

    private static IdRange range(String from, String to) {
        return new IdRange(from == null || from.isEmpty() ? null : from, to == null || to.isEmpty() ? null : to, false);
    }

    static Map<String, ExecutionContext> contexts(List<IdRange> ranges) {
        Map<String, ExecutionContext> contexts = new HashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            ExecutionContext c = new ExecutionContext();
            c.putString("from", ranges.get(i).from() == null ? "" : ranges.get(i).from());
            c.putString("to", ranges.get(i).to() == null ? "" : ranges.get(i).to());
            contexts.put("partition" + i, c);
        }
        return contexts;
    }

    /** Case id ranges of similar size over the run's decisions of the date, split where the case id changes. */
    @Bean
    @StepScope
    Partitioner casePartitioner(JdbcClient jdbc, DailyRunProperties properties,
                                @Value("#{jobParameters['asOf']}") String asOf) {
        LocalDate date = LocalDate.parse(asOf);
        int parts = properties.effectivePartitions();
        return gridSize -> {
            long total = jdbc.sql("SELECT COUNT(*) FROM run_decision WHERE as_of = ?").param(date).query(Long.class).single();
            List<String> bounds = new java.util.ArrayList<>();
            for (int i = 1; parts > 1 && total > parts && i < parts; i++) {
                jdbc.sql("SELECT case_id FROM run_decision WHERE as_of = ? ORDER BY case_id OFFSET ? ROWS "
                                + "FETCH NEXT 1 ROWS ONLY")
                        .params(date, total * i / parts).query(String.class).optional()
                        .filter(b -> bounds.isEmpty() || !bounds.getLast().equals(b))
                        .ifPresent(bounds::add);
            }
            List<IdRange> ranges = new java.util.ArrayList<>();
            String from = null;
            for (String bound : bounds) {
                ranges.add(new IdRange(from, bound, false));
                from = bound;
            }
            ranges.add(new IdRange(from, null, false));
            return contexts(ranges);
        };
    }
}

package org.recoup.app.dailyrun;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.app.strategy.Strategies;
import org.recoup.app.strategy.StrategySet;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.segmentation.PtpHistory;
import org.springframework.stereotype.Service;

/**
 * Simulation: the daily run's decision pipeline over every account for a business date with a candidate strategy
 * version and with the strategies in force, side by side. Reads only; writes nothing.
 */
@Service
public class Simulations {

    private static final int CHUNK = 1_000;

    private final DataSource dataSource;
    private final PortfolioReader portfolio;
    private final DelinquencyPolicies policies;
    private final Strategies strategies;
    private final PromiseFacts promises;
    private final HoldFacts holds;

    Simulations(DataSource dataSource, PortfolioReader portfolio, DelinquencyPolicies policies, Strategies strategies,
                PromiseFacts promises, HoldFacts holds) {
        this.dataSource = dataSource;
        this.portfolio = portfolio;
        this.policies = policies;
        this.strategies = strategies;
        this.promises = promises;
        this.holds = holds;
    }

    /** Action counts of one strategy set: per firing rule and per segment (grade/quadrant), then action type. */
    public record Tally(List<String> strategies, Map<String, Long> actions, Map<String, Map<String, Long>> byRule,
                        Map<String, Map<String, Long>> bySegment) {

        static Tally of(List<String> versions) {
            return new Tally(versions, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        }

        void add(AccountDecision d) {
            String segment = d.segment().grade() + "/" + d.segment().quadrant();
            for (AccountDecision.RuledTreatment rt : d.ruledTreatments()) {
                String action = rt.treatment().action().name();
                actions.merge(action, 1L, Long::sum);
                byRule.computeIfAbsent(rt.ruleId() == null ? "(none)" : rt.ruleId(), k -> new TreeMap<>())
                        .merge(action, 1L, Long::sum);
                bySegment.computeIfAbsent(segment, k -> new TreeMap<>()).merge(action, 1L, Long::sum);
            }
            if (d.ruledTreatments().isEmpty()) {
                byRule.computeIfAbsent("(no rule matched)", k -> new TreeMap<>()).merge("NONE", 1L, Long::sum);
            }
        }
    }

    /** The comparison: both tallies and the candidate's differences (candidate − current, non-zero only). */
    public record Result(LocalDate asOf, long accounts, long accountsDecidedDifferently, Tally candidate, Tally current,
                         Map<String, Long> actionDifferences, Map<String, Map<String, Long>> ruleDifferences,
                         Map<String, Map<String, Long>> segmentDifferences) {
    }

    /**
     * @throws IllegalArgumentException when the strategy version does not exist
     */
    public Result simulate(String strategyId, int version, LocalDate asOf) {
        StrategySet candidateSet = strategies.simulating(strategyId, version);
        StrategySet currentSet = strategies.current();
        DelinquencyPolicy policy = policies.current();
        Tally candidate = Tally.of(candidateSet.versions());
        Tally current = Tally.of(currentSet.versions());
        long accounts = 0;
        long different = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (RunInputs inputs = RunInputs.open(portfolio, c, IdRange.ALL, null, asOf)) {
                List<AccountInput> chunk = new ArrayList<>(CHUNK);
                AccountInput input;
                do {
                    input = inputs.next();
                    if (input != null) {
                        chunk.add(input);
                    }
                    if (chunk.size() == CHUNK || (input == null && !chunk.isEmpty())) {
                        Map<String, PtpHistory> ptp = promises.histories(
                                chunk.stream().map(AccountInput::snapshot).toList(), asOf);
                        Map<String, Set<HoldType>> onHold = holds.of(chunk, asOf);
                        for (AccountInput in : chunk) {
                            AccountDecision a = AccountDecider.decide(in, asOf, policy, candidateSet,
                                    ptp.get(in.accountId()), onHold.get(in.accountId()));
                            AccountDecision b = AccountDecider.decide(in, asOf, policy, currentSet,
                                    ptp.get(in.accountId()), onHold.get(in.accountId()));
                            candidate.add(a);
                            current.add(b);
                            accounts++;
                            if (!a.decision().treatments().equals(b.decision().treatments())) {
                                different++;
                            }
                        }
                        chunk.clear();
                    }
                } while (input != null);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("simulating " + strategyId + " v" + version + " for " + asOf + " failed", e);
        }
        return new Result(asOf, accounts, different, candidate, current, difference(candidate.actions(), current.actions()),
                differences(candidate.byRule(), current.byRule()), differences(candidate.bySegment(), current.bySegment()));
    }

    private static Map<String, Map<String, Long>> differences(Map<String, Map<String, Long>> a,
                                                              Map<String, Map<String, Long>> b) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            Map<String, Long> d = difference(a.getOrDefault(key, Map.of()), b.getOrDefault(key, Map.of()));
            if (!d.isEmpty()) {
                out.put(key, d);
            }
        }
        return out;
    }

    private static Map<String, Long> difference(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>();
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            long d = a.getOrDefault(key, 0L) - b.getOrDefault(key, 0L);
            if (d != 0) {
                out.put(key, d);
            }
        }
        return out;
    }
}

package org.recoup.app.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recoup.engine.segmentation.SegmentationPolicy;
import org.recoup.engine.segmentation.Segmenter;
import org.recoup.engine.strategy.Arm;
import org.recoup.engine.strategy.CompiledStrategy;
import org.recoup.engine.strategy.DefaultStrategies;
import org.recoup.engine.strategy.StrategyCompiler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The strategy feature's public API for deciding: the set of strategies in force now, or a version to simulate.
 *
 * <p>{@link #current()} reads a small key (the active version, the running experiments, the segmentation policy
 * version) in one query and recompiles only when that key changed since the last call; compiled versions are cached
 * by (id, version), which never change once stored. Call it once per run or partition, not per account.
 */
@Component
public class Strategies {

    private static final int COMPILED_CACHE = 64;

    private record Key(List<String> parts) {
    }

    private record Cached(Key key, StrategySet set) {
    }

    private final JdbcClient jdbc;
    private final StrategyVersions versions;
    private final StrategyExperiments experiments;
    private final SegmentationPolicies policies;
    private final Map<String, CompiledStrategy> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledStrategy> eldest) {
            return size() > COMPILED_CACHE;
        }
    };
    private volatile Cached cached;

    @Autowired
    Strategies(JdbcClient jdbc, StrategyVersions versions, StrategyExperiments experiments,
               SegmentationPolicies policies) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.experiments = experiments;
        this.policies = policies;
    }

    /**
     * Without a database, for unit tests and tools: the shipped strategy ({@code consumer-default} v1) as champion,
     * {@link SegmentationPolicy#defaults()} and no experiments; {@link #simulating} knows only the shipped version.
     */
    public Strategies() {
        this(null, null, null, null);
        CompiledStrategy shipped = StrategyCompiler.compile(DefaultStrategies.consumerDefault());
        SegmentationPolicy policy = SegmentationPolicy.defaults();
        cached = new Cached(new Key(List.of()), new StrategySet(new Segmenter(policy), policy.version(), shipped, List.of()));
    }

    /** The strategies in force now (active versions and running experiments), compiled. */
    public StrategySet current() {
        if (jdbc == null) {
            return cached.set();
        }
        versions.installDefaultIfEmpty();
        policies.currentVersion();
        Key key = readKey();
        Cached c = cached;
        if (c != null && c.key().equals(key)) {
            return c.set();
        }
        synchronized (this) {
            c = cached;
            if (c != null && c.key().equals(key)) {
                return c.set();
            }
            StrategySet set = build();
            cached = new Cached(key, set);
            return set;
        }
    }

    /**
     * The set in force now with {@code strategyId} version {@code version} (active or draft) as the only strategy and
     * no experiments: what a simulation decides with.
     *
     * @throws IllegalArgumentException when no such version is stored
     */
    public StrategySet simulating(String strategyId, int version) {
        if (jdbc == null) {
            StrategySet shipped = cached.set();
            if (shipped.championId().equals(strategyId) && shipped.championVersion() == version) {
                return shipped;
            }
            throw new IllegalArgumentException("no strategy " + strategyId + " version " + version);
        }
        if (versions.find(strategyId, version).isEmpty()) {
            throw new IllegalArgumentException("no strategy " + strategyId + " version " + version);
        }
        int policyVersion = policies.currentVersion();
        return new StrategySet(new Segmenter(policies.version(policyVersion)), policyVersion,
                compiled(strategyId, version), List.of());
    }

    /** A stored version, compiled (cached: a stored version never changes). */
    CompiledStrategy compiled(String strategyId, int version) {
        String cacheKey = strategyId + "\u0000" + version;
        synchronized (compiled) {
            CompiledStrategy hit = compiled.get(cacheKey);
            if (hit != null) {
                return hit;
            }
        }
        CompiledStrategy fresh = StrategyYaml.check(versions.yaml(strategyId, version), version).compiled();
        synchronized (compiled) {
            compiled.put(cacheKey, fresh);
        }
        return fresh;
    }

    private Key readKey() {
        List<String> parts = jdbc.sql("""
                        SELECT 'S' AS kind, strategy_id AS name, version FROM strategy_version WHERE status = 'ACTIVE'
                        UNION ALL
                        SELECT 'E', experiment_id, 0 FROM experiment WHERE status = 'RUNNING'
                        UNION ALL
                        SELECT 'P', kind, MAX(version) FROM business_config WHERE kind = ? GROUP BY kind
                        ORDER BY 1, 2""")
                .param(SegmentationPolicies.KIND)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getInt(3)).list();
        return new Key(parts);
    }

    private StrategySet build() {
        StrategyVersion active = versions.active();
        CompiledStrategy champion = compiled(active.strategyId(), active.version());
        List<StrategySet.RunningExperiment> running = new ArrayList<>();
        for (ExperimentView view : experiments.running()) {
            Map<String, CompiledStrategy> arms = new LinkedHashMap<>();
            for (ExperimentView.ArmView arm : view.arms()) {
                if (!Arm.CONTROL.equals(arm.name())) {
                    arms.put(arm.name(), compiled(arm.strategyId(), arm.strategyVersion()));
                }
            }
            running.add(new StrategySet.RunningExperiment(StrategyExperiments.toEngine(view), arms));
        }
        int policyVersion = policies.currentVersion();
        return new StrategySet(new Segmenter(policies.version(policyVersion)), policyVersion, champion, running);
    }
}

package org.recoup.app.strategy;

import java.util.List;
import java.util.Objects;

import org.recoup.engine.strategy.CompiledStrategy;
import org.recoup.engine.strategy.Decision;
import org.recoup.engine.strategy.StrategyFacts;

/**
 * The strategies in force at one moment, compiled once: what a daily run (or one account's evaluation) decides with.
 * Immutable and thread-safe; partitions share one instance.
 */
public final class StrategySet {

    private final CompiledStrategy champion;

    StrategySet(CompiledStrategy champion) {
        this.champion = Objects.requireNonNull(champion, "champion");
    }

    /**
     * Decides for one account of a case. {@code caseId} places the case in experiment arms by a stable hash, so every
     * account of a case, on every run, gets the same arm.
     */
    public Decision decide(String caseId, StrategyFacts facts) {
        return champion.decide(facts);
    }

    /** The champion (and, with experiments, every arm's) strategy id and version, for the run's record. */
    public List<String> versions() {
        return List.of(champion.id() + " v" + champion.version());
    }
}

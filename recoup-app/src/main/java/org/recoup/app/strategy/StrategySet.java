package org.recoup.app.strategy;

import java.util.List;
import java.util.Objects;

import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.segmentation.SegmentationFacts;
import org.recoup.engine.segmentation.Segmenter;
import org.recoup.engine.strategy.CompiledStrategy;
import org.recoup.engine.strategy.Decision;
import org.recoup.engine.strategy.StrategyFacts;

/**
 * The segmentation policy and strategies in force at one moment, compiled once: what a daily run (or one account's
 * evaluation, or a simulation) segments and decides with. Immutable and thread-safe; partitions share one instance.
 */
public final class StrategySet {

    private final Segmenter segmenter;
    private final CompiledStrategy champion;

    StrategySet(Segmenter segmenter, CompiledStrategy champion) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.champion = Objects.requireNonNull(champion, "champion");
    }

    /** The segment of a case from its facts, by the segmentation policy in force. */
    public Segment segment(SegmentationFacts facts) {
        return segmenter.segment(facts);
    }

    /**
     * Decides for one account of a case. {@code caseId} places the case in experiment arms by a stable hash, so every
     * account of a case, on every run, gets the same arm ({@link Decision#arm()}; null outside experiments).
     */
    public Decision decide(String caseId, StrategyFacts facts) {
        return champion.decide(facts);
    }

    /** The champion (and, with experiments, every arm's) strategy id and version, for the run's record. */
    public List<String> versions() {
        return List.of(champion.id() + " v" + champion.version());
    }
}

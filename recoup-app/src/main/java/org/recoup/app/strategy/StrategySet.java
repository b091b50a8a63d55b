package org.recoup.app.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.segmentation.SegmentationFacts;
import org.recoup.engine.segmentation.Segmenter;
import org.recoup.engine.strategy.Arm;
import org.recoup.engine.strategy.CompiledStrategy;
import org.recoup.engine.strategy.Decision;
import org.recoup.engine.strategy.Experiment;
import org.recoup.engine.strategy.Experiments;
import org.recoup.engine.strategy.StrategyFacts;

/**
 * The segmentation policy and strategies in force at one moment, compiled once: what a daily run (or one account's
 * evaluation, or a simulation) segments and decides with. Immutable and thread-safe; partitions share one instance.
 */
public final class StrategySet {

    /** A running experiment with the compiled strategy of each challenger arm (by arm name). */
    record RunningExperiment(Experiment experiment, Map<String, CompiledStrategy> arms) {
    }

    /**
     * A decision and the experiment that placed the case, for the run's record ({@code run_decision.experiment_id}
     * and {@code arm}).
     *
     * @param experimentId null when no running experiment covers the case's segment
     */
    public record CaseDecision(Decision decision, String experimentId) {
    }

    private final Segmenter segmenter;
    private final int policyVersion;
    private final CompiledStrategy champion;
    private final List<RunningExperiment> experiments;

    StrategySet(Segmenter segmenter, CompiledStrategy champion) {
        this(segmenter, 0, champion, List.of());
    }

    StrategySet(Segmenter segmenter, int policyVersion, CompiledStrategy champion, List<RunningExperiment> experiments) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.policyVersion = policyVersion;
        this.champion = Objects.requireNonNull(champion, "champion");
        this.experiments = List.copyOf(experiments);
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
        return decideCase(caseId, facts).decision();
    }

    /**
     * Like {@link #decide} and also says which experiment placed the case. A running experiment that covers the
     * case's segment ({@code facts.segment()}) picks the arm by {@link Experiments#armFor}; the control arm decides
     * with the champion. Running experiments never overlap, so at most one covers a case.
     */
    public CaseDecision decideCase(String caseId, StrategyFacts facts) {
        for (RunningExperiment running : experiments) {
            Optional<Arm> arm = Experiments.armFor(caseId, facts.segment(), running.experiment());
            if (arm.isPresent()) {
                CompiledStrategy strategy = arm.get().isControl() ? champion : running.arms().get(arm.get().name());
                return new CaseDecision(strategy.decide(facts).withArm(arm.get().name()), running.experiment().id());
            }
        }
        return new CaseDecision(champion.decide(facts), null);
    }

    /** The champion (and, with experiments, every arm's) strategy id and version, for the run's record. */
    public List<String> versions() {
        List<String> out = new ArrayList<>();
        out.add(champion.id() + " v" + champion.version());
        for (RunningExperiment running : experiments) {
            for (Arm arm : running.experiment().arms()) {
                out.add(arm.strategyId() + " v" + arm.strategyVersion() + " (experiment " + running.experiment().id()
                        + ", arm " + arm.name() + ")");
            }
        }
        return List.copyOf(out);
    }

    /** The champion's strategy id. */
    public String championId() {
        return champion.id();
    }

    /** The champion's version. */
    public int championVersion() {
        return champion.version();
    }

    /** The segmentation policy version every segment of this set carries. */
    public int segmentationPolicyVersion() {
        return policyVersion;
    }

    /** Ids of the running experiments this set places cases in. */
    public List<String> experimentIds() {
        return experiments.stream().map(e -> e.experiment().id()).toList();
    }
}

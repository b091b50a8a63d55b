package org.recoup.app.strategy;

import org.recoup.engine.segmentation.SegmentationPolicy;
import org.recoup.engine.segmentation.Segmenter;
import org.recoup.engine.strategy.CompiledStrategy;
import org.recoup.engine.strategy.DefaultStrategies;
import org.recoup.engine.strategy.StrategyCompiler;
import org.springframework.stereotype.Component;

/** The strategy feature's public API for deciding: the set of strategies in force now, or a version to simulate. */
@Component
public class Strategies {

    private final CompiledStrategy shipped = StrategyCompiler.compile(DefaultStrategies.consumerDefault());
    private final StrategySet current = new StrategySet(new Segmenter(SegmentationPolicy.defaults()), shipped);

    /** The strategies in force now (active versions and running experiments), compiled. */
    public StrategySet current() {
        return current;
    }

    /**
     * The set in force now with {@code strategyId} version {@code version} (active or draft) as the only strategy and
     * no experiments: what a simulation decides with.
     *
     * @throws IllegalArgumentException when no such version is stored
     */
    public StrategySet simulating(String strategyId, int version) {
        if (shipped.id().equals(strategyId) && shipped.version() == version) {
            return current;
        }
        throw new IllegalArgumentException("no strategy " + strategyId + " version " + version);
    }
}

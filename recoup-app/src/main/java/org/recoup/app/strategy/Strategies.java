package org.recoup.app.strategy;

import org.recoup.engine.strategy.DefaultStrategies;
import org.recoup.engine.strategy.StrategyCompiler;
import org.springframework.stereotype.Component;

/** The strategy feature's public API for deciding: the set of strategies in force now. */
@Component
public class Strategies {

    private final StrategySet shipped = new StrategySet(StrategyCompiler.compile(DefaultStrategies.consumerDefault()));

    /** The strategies in force now (active versions and running experiments), compiled. */
    public StrategySet current() {
        return shipped;
    }
}

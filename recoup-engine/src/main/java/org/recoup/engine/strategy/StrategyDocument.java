package org.recoup.engine.strategy;

import java.util.List;

/**
 * A strategy as its author wrote it (the app parses YAML/JSON into this); validated by {@link StrategyCompiler}.
 */
public record StrategyDocument(String id, int version, List<Rule> rules) {

    public StrategyDocument {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}

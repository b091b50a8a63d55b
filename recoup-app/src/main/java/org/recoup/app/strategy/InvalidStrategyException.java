package org.recoup.app.strategy;

import java.util.List;
import java.util.stream.Collectors;

/** A strategy document that cannot be stored or run: every problem found, each with its rule and line. */
public class InvalidStrategyException extends RuntimeException {

    private final transient List<StrategyError> errors;

    public InvalidStrategyException(List<StrategyError> errors) {
        super(errors.stream().map(StrategyError::describe).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<StrategyError> errors() {
        return errors;
    }
}

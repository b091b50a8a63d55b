package org.recoup.engine.strategy;

import java.util.List;
import java.util.stream.Collectors;

/** A strategy document that cannot be compiled, with every problem found (not just the first). */
public class StrategyValidationException extends RuntimeException {

    /**
     * One problem.
     *
     * @param ruleId null for problems of the document itself
     * @param line   1-based line in the rule's {@code when}; 0 if not positional
     * @param column 1-based column in the rule's {@code when}; 0 if not positional
     * @param code   stable code: DOCUMENT, RULE, SYNTAX, UNKNOWN_FACT, TYPE, NOT_BOOLEAN, TOO_LONG, TOO_COMPLEX,
     *               NESTED_COMPREHENSION
     */
    public record Problem(String ruleId, int line, int column, String code, String message) {

        @Override
        public String toString() {
            String where = ruleId == null ? "strategy" : "rule " + ruleId;
            if (line > 0) {
                where += " at " + line + ":" + column;
            }
            return where + ": [" + code + "] " + message;
        }
    }

    private final String strategyId;
    private final List<Problem> problems;

    public StrategyValidationException(String strategyId, List<Problem> problems) {
        super("strategy " + strategyId + " has " + problems.size() + " problem(s):\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.strategyId = strategyId;
        this.problems = List.copyOf(problems);
    }

    public String strategyId() {
        return strategyId;
    }

    public List<Problem> problems() {
        return problems;
    }
}

package org.recoup.app.strategy;

/**
 * One problem of a strategy document, placed in its YAML text.
 *
 * @param rule    the rule's id ({@code #3} for a rule without one); null for a problem of the document itself
 * @param line    1-based line in the YAML text
 * @param code    stable code: YAML, STRUCTURE, UNKNOWN_KEY, BAD_VALUE, ID_MISMATCH, and the compiler's codes (RULE,
 *                SYNTAX, UNKNOWN_FACT, TYPE, NOT_BOOLEAN, TOO_LONG, TOO_COMPLEX, NESTED_COMPREHENSION, DOCUMENT)
 * @param message what is wrong, in the author's terms
 */
public record StrategyError(String rule, int line, String code, String message) {

    /** {@code rule 'broken-promise' (line 12): unknown fact 'ptp.lastStatuz'; did you mean ptp.lastStatus?} */
    public String describe() {
        return (rule == null ? "strategy" : "rule '" + rule + "'") + " (line " + line + "): " + message;
    }
}

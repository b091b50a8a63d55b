package org.recoup.engine.strategy;

/**
 * One line of a decision's trace: a rule that was evaluated and whether it matched. {@code error} is set when the
 * condition could not be evaluated (a missing fact, division by zero…); such a rule counts as not matched.
 */
public record RuleOutcome(String ruleId, boolean always, boolean matched, String error) {
}

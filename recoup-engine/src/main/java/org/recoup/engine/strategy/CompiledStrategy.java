package org.recoup.engine.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

/**
 * A validated strategy version, ready to decide. Immutable and thread-safe: compile once, share across threads.
 *
 * <p>Semantics: rules are evaluated in document order; the first matching non-always rule fires and ends the
 * competition; every always rule is evaluated and adds its treatment when it matches. A condition that cannot be
 * evaluated (missing fact, division by zero…) does not match, and the trace says why; {@code decide} never throws for
 * that.
 *
 * <p>Speed: each rule has its CEL program (the reference semantics) and, when its condition is in the common subset
 * (facts, literals, logic, comparisons, {@code in}), a {@link NativeCondition} that answers without CEL; whenever the
 * native evaluator is not sure (an absent fact, an unusual type) the CEL program decides. Facts are read once per
 * decision.
 */
public final class CompiledStrategy {

    record CompiledRule(Rule rule, CelRuntime.Program program, NativeCondition nativeCondition, List<String> facts,
                        RuleOutcome matched, RuleOutcome notMatched) {

        CompiledRule(Rule rule, CelRuntime.Program program, NativeCondition nativeCondition, List<String> facts) {
            this(rule, program, nativeCondition, facts, new RuleOutcome(rule.id(), rule.always(), true, null),
                    new RuleOutcome(rule.id(), rule.always(), false, null));
        }
    }

    private final String id;
    private final int version;
    private final CompiledRule[] rules;

    CompiledStrategy(String id, int version, List<CompiledRule> rules) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
        this.rules = rules.toArray(CompiledRule[]::new);
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    public List<Rule> rules() {
        return java.util.Arrays.stream(rules).map(CompiledRule::rule).toList();
    }

    /** How many rules run natively (the rest always run on CEL); for tests and tuning. */
    int nativeRuleCount() {
        return (int) java.util.Arrays.stream(rules).filter(r -> r.nativeCondition() != null).count();
    }

    public Decision decide(StrategyFacts facts) {
        NativeCondition.Facts values = new NativeCondition.Facts(facts);
        CelVariableResolver vars = null;
        List<RuleOutcome> trace = new ArrayList<>(rules.length);
        List<Treatment> treatments = new ArrayList<>(2);
        CompiledRule fired = null;
        for (CompiledRule r : rules) {
            boolean always = r.rule().always();
            if (fired != null && !always) {
                continue;
            }
            RuleOutcome outcome = null;
            if (r.nativeCondition() != null) {
                Object answer = r.nativeCondition().eval(values);
                if (answer != NativeCondition.UNSURE) {
                    outcome = answer == Boolean.TRUE ? r.matched() : r.notMatched();
                }
            }
            if (outcome == null) {
                if (vars == null) {
                    vars = FactsView.resolver(facts);
                }
                outcome = evaluate(r, vars, facts);
            }
            trace.add(outcome);
            if (outcome.matched()) {
                if (always) {
                    treatments.add(r.rule().then());
                } else {
                    fired = r;
                    treatments.addFirst(r.rule().then());
                }
            }
        }
        return new Decision(id, version, null, fired == null ? null : fired.rule().id(), treatments, trace);
    }

    private static RuleOutcome evaluate(CompiledRule r, CelVariableResolver vars, StrategyFacts facts) {
        String error;
        try {
            Object value = r.program().eval(vars);
            if (value instanceof Boolean b) {
                return b ? r.matched() : r.notMatched();
            }
            error = "condition did not evaluate to a bool: " + value;
        } catch (CelEvaluationException | RuntimeException e) {
            error = "evaluation error: " + e.getMessage();
        }
        // an absent optional fact shows as "no such attribute" or an unknown value: name the fact instead
        if (!error.contains("by zero") && !error.contains("overflow")) {
            List<String> missing = new ArrayList<>();
            for (String fact : r.facts()) {
                try {
                    if (FactsView.value(fact, facts) == null) {
                        missing.add(fact);
                    }
                } catch (RuntimeException e) {
                    missing.add(fact);
                }
            }
            if (!missing.isEmpty()) {
                error = "no value for " + String.join(", ", missing);
            }
        }
        return new RuleOutcome(r.rule().id(), r.rule().always(), false, error);
    }
}

package org.recoup.engine.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.cel.common.CelValidationException;
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
 * <p>Speed: besides one CEL program per rule, the competing rules are composed, {@value #CHAIN_SIZE} at a time, into
 * one CEL program {@code (w1) ? 0 : ((w2) ? 1 : … -1)} that returns the index of the first match, and the always rules
 * into one program summing a bit per match. CEL's conditional evaluates only the branch it takes, so the result equals
 * evaluating the rules one by one; when a composed program hits an error or a missing fact, that slice is evaluated
 * again rule by rule to find which rule failed and to put the error in the trace.
 */
public final class CompiledStrategy {

    static final int CHAIN_SIZE = 16;
    private static final int ALWAYS_CHAIN_SIZE = 31;

    record CompiledRule(Rule rule, CelRuntime.Program program, List<String> facts, RuleOutcome matched,
                        RuleOutcome notMatched) {

        CompiledRule(Rule rule, CelRuntime.Program program, List<String> facts) {
            this(rule, program, facts, new RuleOutcome(rule.id(), rule.always(), true, null),
                    new RuleOutcome(rule.id(), rule.always(), false, null));
        }
    }

    /** A composed program over {@code indexes[from, to)}. */
    private record Chain(CelRuntime.Program program, int from, int to) {
    }

    private final String id;
    private final int version;
    private final List<CompiledRule> rules;
    private final int[] competing;
    private final int[] always;
    private final Chain[] competingChains;
    private final Chain[] alwaysChains;

    CompiledStrategy(String id, int version, List<CompiledRule> rules) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
        this.rules = List.copyOf(rules);
        this.competing = this.rules.stream().filter(r -> !r.rule().always()).mapToInt(this.rules::indexOf).toArray();
        this.always = this.rules.stream().filter(r -> r.rule().always()).mapToInt(this.rules::indexOf).toArray();
        this.competingChains = chains(competing, CHAIN_SIZE, true);
        this.alwaysChains = chains(always, ALWAYS_CHAIN_SIZE, false);
    }

    public String id() {
        return id;
    }

    public int version() {
        return version;
    }

    public List<Rule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    public Decision decide(StrategyFacts facts) {
        CelVariableResolver vars = FactsView.resolver(facts);
        RuleOutcome[] outcomes = new RuleOutcome[rules.size()];
        int fired = -1;
        for (Chain chain : competingChains) {
            Object result = evalQuietly(chain.program(), vars);
            if (result instanceof Long k) {
                int upTo = k >= 0 ? k.intValue() : chain.to();
                for (int i = chain.from(); i < upTo; i++) {
                    outcomes[competing[i]] = rules.get(competing[i]).notMatched();
                }
                if (k >= 0) {
                    fired = competing[k.intValue()];
                    outcomes[fired] = rules.get(fired).matched();
                    break;
                }
            } else {
                fired = oneByOne(competing, chain, vars, facts, outcomes, true);
                if (fired >= 0) {
                    break;
                }
            }
        }
        for (Chain chain : alwaysChains) {
            Object result = evalQuietly(chain.program(), vars);
            if (result instanceof Long bits) {
                for (int i = chain.from(); i < chain.to(); i++) {
                    CompiledRule r = rules.get(always[i]);
                    outcomes[always[i]] = (bits & (1L << (i - chain.from()))) != 0 ? r.matched() : r.notMatched();
                }
            } else {
                oneByOne(always, chain, vars, facts, outcomes, false);
            }
        }
        List<Treatment> treatments = new ArrayList<>(2);
        if (fired >= 0) {
            treatments.add(rules.get(fired).rule().then());
        }
        List<RuleOutcome> trace = new ArrayList<>(rules.size());
        for (int i = 0; i < outcomes.length; i++) {
            RuleOutcome o = outcomes[i];
            if (o != null) {
                trace.add(o);
                if (o.always() && o.matched()) {
                    treatments.add(rules.get(i).rule().then());
                }
            }
        }
        return new Decision(id, version, null, fired >= 0 ? rules.get(fired).rule().id() : null, treatments, trace);
    }

    /** Evaluates a slice rule by rule; returns the first match's rule index when {@code stopAtMatch}, else -1. */
    private int oneByOne(int[] indexes, Chain chain, CelVariableResolver vars, StrategyFacts facts,
                         RuleOutcome[] outcomes, boolean stopAtMatch) {
        for (int i = chain.from(); i < chain.to(); i++) {
            RuleOutcome o = evaluate(rules.get(indexes[i]), vars, facts);
            outcomes[indexes[i]] = o;
            if (o.matched() && stopAtMatch) {
                return indexes[i];
            }
        }
        return -1;
    }

    private static RuleOutcome evaluate(CompiledRule r, CelVariableResolver vars, StrategyFacts facts) {
        Object value;
        try {
            value = r.program().eval(vars);
        } catch (CelEvaluationException | RuntimeException e) {
            return new RuleOutcome(r.rule().id(), r.rule().always(), false, "evaluation error: " + e.getMessage());
        }
        if (value instanceof Boolean b) {
            return b ? r.matched() : r.notMatched();
        }
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
        String error = missing.isEmpty() ? "condition did not evaluate to a bool: " + value
                : "no value for " + String.join(", ", missing);
        return new RuleOutcome(r.rule().id(), r.rule().always(), false, error);
    }

    private static Object evalQuietly(CelRuntime.Program program, CelVariableResolver vars) {
        try {
            return program.eval(vars);
        } catch (CelEvaluationException | RuntimeException e) {
            return e;
        }
    }

    private Chain[] chains(int[] indexes, int size, boolean firstMatch) {
        List<Chain> chains = new ArrayList<>();
        for (int from = 0; from < indexes.length; from += size) {
            int to = Math.min(indexes.length, from + size);
            String source = firstMatch ? firstMatchSource(indexes, from, to) : bitsSource(indexes, from, to);
            try {
                CelRuntime.Program program = StrategyCompiler.RUNTIME.createProgram(
                        StrategyCompiler.CHAIN_COMPILER.compile(source).getAst());
                chains.add(new Chain(program, from, to));
            } catch (CelValidationException | CelEvaluationException e) {
                throw new IllegalStateException("composing validated rules failed: " + e.getMessage(), e);
            }
        }
        return chains.toArray(Chain[]::new);
    }

    /** {@code (w_from) ? from : ((w_from+1) ? from+1 : … -1)}; conditions on their own lines so comments stay inside. */
    private String firstMatchSource(int[] indexes, int from, int to) {
        String source = "-1";
        for (int i = to - 1; i >= from; i--) {
            source = "(\n" + rules.get(indexes[i]).rule().when() + "\n) ? " + i + " : (" + source + ")";
        }
        return source;
    }

    /** {@code ((w0) ? 1 : 0) + ((w1) ? 2 : 0) + …}. */
    private String bitsSource(int[] indexes, int from, int to) {
        StringBuilder source = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                source.append(" + ");
            }
            source.append("((\n").append(rules.get(indexes[i]).rule().when()).append("\n) ? ")
                    .append(1L << (i - from)).append(" : 0)");
        }
        return source.toString();
    }
}

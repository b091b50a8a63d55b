package org.recoup.engine.strategy;

import java.util.List;

/**
 * What a strategy decided for one case and why.
 *
 * @param arm         experiment arm that chose this strategy; null outside an experiment
 * @param firedRuleId the first matching non-always rule; null when none matched
 * @param treatments  the fired rule's treatment first, then every matching always rule's, in document order
 * @param trace       every rule evaluated, in document order: non-always rules up to and including the first match,
 *                    and all always rules
 */
public record Decision(String strategyId, int version, String arm, String firedRuleId, List<Treatment> treatments,
                       List<RuleOutcome> trace) {

    public Decision {
        treatments = List.copyOf(treatments);
        trace = List.copyOf(trace);
    }

    public Decision withArm(String newArm) {
        return new Decision(strategyId, version, newArm, firedRuleId, treatments, trace);
    }

    public boolean fired() {
        return firedRuleId != null;
    }
}

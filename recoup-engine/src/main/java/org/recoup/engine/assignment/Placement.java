package org.recoup.engine.assignment;

import java.util.List;
import java.util.Map;

/**
 * The outcome of placing cases: which agent gets which case ({@code placed}, in the order decided), the cases no
 * agent with matching skills had room for ({@code overflow}: they stay in the team pool), and each agent's load after.
 */
public record Placement(List<Placed> placed, List<String> overflow, Map<String, Integer> loads) {

    /** One case given to one agent. */
    public record Placed(String caseId, String agent) {
    }

    public Placement {
        placed = List.copyOf(placed);
        overflow = List.copyOf(overflow);
        loads = Map.copyOf(loads);
    }
}

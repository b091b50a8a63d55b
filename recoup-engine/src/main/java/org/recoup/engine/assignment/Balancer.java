package org.recoup.engine.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a team pool's cases with the team's agents. Cases are taken in the order given (the caller orders them, e.g.
 * by priority); each goes to the agent who can work it (skills match: {@link AgentSlot#canWork}) and still has room,
 * choosing the least loaded (fewest open cases held), then the one with most room left, then by username — so the
 * result depends only on the input, never on the order the agents are listed in. A case no such agent has room for
 * overflows and stays in the team pool. Nobody is ever placed above capacity.
 */
public final class Balancer {

    private static final Comparator<AgentSlot> ORDER = Comparator.comparingInt(AgentSlot::load)
            .thenComparing(Comparator.comparingInt(AgentSlot::room).reversed())
            .thenComparing(AgentSlot::username);

    private Balancer() {
    }

    public static Placement place(List<CaseToPlace> cases, List<AgentSlot> agents) {
        Map<String, AgentSlot> current = new HashMap<>();
        Map<String, Integer> loads = new LinkedHashMap<>();
        for (AgentSlot a : agents.stream().sorted(Comparator.comparing(AgentSlot::username)).toList()) {
            if (current.putIfAbsent(a.username(), a) != null) {
                throw new IllegalArgumentException("agent listed twice: " + a.username());
            }
            loads.put(a.username(), a.load());
        }
        List<Placement.Placed> placed = new ArrayList<>();
        List<String> overflow = new ArrayList<>();
        for (CaseToPlace c : cases) {
            AgentSlot best = null;
            for (AgentSlot a : current.values()) {
                if (a.room() > 0 && a.canWork(c) && (best == null || ORDER.compare(a, best) < 0)) {
                    best = a;
                }
            }
            if (best == null) {
                overflow.add(c.caseId());
                continue;
            }
            AgentSlot after = new AgentSlot(best.username(), best.languages(), best.products(), best.capacity(),
                    best.load() + 1);
            current.put(after.username(), after);
            loads.put(after.username(), after.load());
            placed.add(new Placement.Placed(c.caseId(), after.username()));
        }
        return new Placement(placed, overflow, loads);
    }
}

package org.recoup.engine.assignment;

import java.util.Objects;
import java.util.Set;

/**
 * An agent as assignment sees them: the languages they speak and the products they work (their skills), the most open
 * cases they may hold ({@code capacity}) and how many they hold now ({@code load}).
 */
public record AgentSlot(String username, Set<String> languages, Set<String> products, int capacity, int load) {

    public AgentSlot {
        Objects.requireNonNull(username, "username");
        languages = Set.copyOf(languages);
        products = Set.copyOf(products);
        if (capacity < 0 || load < 0) {
            throw new IllegalArgumentException("capacity and load must not be negative: " + username);
        }
    }

    /**
     * Whether the agent has the skills a case needs: speaks its language (a case of unknown language needs none) and
     * works every product among its accounts.
     */
    public boolean canWork(CaseToPlace c) {
        return (c.language() == null || languages.contains(c.language())) && products.containsAll(c.products());
    }

    public int room() {
        return Math.max(0, capacity - load);
    }
}

package org.recoup.engine.strategy;

import java.util.Objects;

/**
 * What to do with a case.
 *
 * @param priority 0..100, higher first in queues
 * @param script   call/visit script id; null if none
 * @param template message/letter template id; null if none
 * @param tier     escalation tier or handling level (junior, intermediate, senior, supervisor, legal); null if any
 */
public record Treatment(Action action, int priority, String script, String template, String tier) {

    public Treatment {
        Objects.requireNonNull(action, "action");
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("priority must be within 0..100: " + priority);
        }
    }

    public static Treatment of(Action action, int priority) {
        return new Treatment(action, priority, null, null, null);
    }

    public Treatment withScript(String newScript) {
        return new Treatment(action, priority, newScript, template, tier);
    }

    public Treatment withTemplate(String newTemplate) {
        return new Treatment(action, priority, script, newTemplate, tier);
    }

    public Treatment withTier(String newTier) {
        return new Treatment(action, priority, script, template, newTier);
    }
}

package org.recoup.engine.strategy;

/**
 * One rule of a strategy: when the CEL condition {@code when} holds, {@code then} applies. A non-always rule competes
 * (first match in document order wins); an {@code always} rule adds its treatment whenever it matches.
 *
 * @param cites the PRACTICE section the rule implements, e.g. "PRACTICE §4 strategy tree"; may be null
 */
public record Rule(String id, String when, Treatment then, boolean always, String cites) {

    public static Rule rule(String id, String when, Treatment then, String cites) {
        return new Rule(id, when, then, false, cites);
    }

    public static Rule always(String id, String when, Treatment then, String cites) {
        return new Rule(id, when, then, true, cites);
    }
}

/**
 * Strategies (PRACTICE §4, DESIGN "strategy"): ordered rules whose CEL conditions over a flat, typed
 * {@link org.recoup.engine.strategy.FactsView} pick treatments, first match wins plus "always" rules, compiled once per
 * version and explained by a trace; champion/challenger arms by a stable hash.
 */
package org.recoup.engine.strategy;

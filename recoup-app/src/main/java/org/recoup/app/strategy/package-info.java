/** Strategies: versioned strategy documents (YAML) with validation, activation and experiments; the compiled set a daily run decides with. */
package org.recoup.app.strategy;

/** Placing a team's cases with its agents: skills must match, capacity is never exceeded, the least loaded goes first. */
package org.recoup.engine.assignment;

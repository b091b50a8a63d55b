/**
 * Repayment plans and restructuring: a debt's position on the day a plan starts, the schedule a settlement, instalment
 * plan, waiver or re-age puts in place of the original, the authority a role or tier needs to grant it, and whether a
 * running plan is kept, completed or broken.
 */
package org.recoup.engine.plan;

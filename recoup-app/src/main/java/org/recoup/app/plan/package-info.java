/** Repayment plans and restructuring: proposals, maker-checker approval within authority limits, the schedule applied to the account, monitoring after each run, plan agreements. */
package org.recoup.app.plan;

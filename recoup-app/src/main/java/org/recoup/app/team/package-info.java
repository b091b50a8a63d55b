/** Teams, agents' skills and capacity, automatic assignment within a team, handover, the escalation queue and targets. */
package org.recoup.app.team;

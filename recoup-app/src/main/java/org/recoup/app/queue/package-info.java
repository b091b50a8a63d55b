/** The agents' work queue: routing cases to teams, the prioritised queue, "next case" with locks, queue depth. */
package org.recoup.app.queue;

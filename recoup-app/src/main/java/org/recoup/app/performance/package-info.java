/** Contact, promise, collector, strategy-arm and compliance KPIs: daily aggregates, dashboards, the daily management report. */
package org.recoup.app.performance;

/** Field visits (外访): requests from strategies and agents, supervisor approval, routes per team and day, reports. */
package org.recoup.app.visit;

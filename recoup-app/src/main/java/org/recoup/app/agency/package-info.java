/** Agencies (委外): agencies and contracts, placement and recall of cases, commission statements and scorecards. */
package org.recoup.app.agency;

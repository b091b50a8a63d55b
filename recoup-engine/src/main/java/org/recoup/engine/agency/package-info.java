/** Agencies (委外): the contract in force on a date, commission on a collected amount, liquidation rate. */
package org.recoup.engine.agency;

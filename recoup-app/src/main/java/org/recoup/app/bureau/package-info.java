/** Credit-bureau reporting: the monthly account-status file in a layout kept as data. */
package org.recoup.app.bureau;

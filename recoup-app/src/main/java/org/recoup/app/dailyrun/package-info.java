/** The daily run: assesses every account for a business date in partitions and stores the states; run history and exports. */
package org.recoup.app.dailyrun;

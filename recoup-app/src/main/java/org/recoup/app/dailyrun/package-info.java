/** The daily run: a restartable Spring Batch job that assesses, segments and decides every account of a business date, plans each case's screened actions, and keeps cases and moves; run history, exports, account state and simulation APIs. */
package org.recoup.app.dailyrun;

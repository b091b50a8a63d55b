/**
 * Promises to pay (contract §4): the lifecycle of each promise on an account — PENDING, KEPT, PARTIALLY_KEPT, BROKEN,
 * CANCELLED — resolved from the promises and the payments received, as of a business date, and the promise history
 * segmentation and strategies read ({@link org.recoup.engine.segmentation.PtpHistory}).
 */
package org.recoup.engine.promise;

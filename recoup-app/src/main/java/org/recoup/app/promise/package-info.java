/** Promises to pay (contract §4): capture, cancellation, status kept current from payments, and promise history. */
package org.recoup.app.promise;

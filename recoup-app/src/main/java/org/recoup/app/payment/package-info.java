/** Payments: idempotent posting through the API, storage, and reading them for allocation. */
package org.recoup.app.payment;

/** Messages to debtors: the outbox (SMS, e-mail, letters as PDF), the gateways that send them, and the dispatcher. */
package org.recoup.app.messaging;

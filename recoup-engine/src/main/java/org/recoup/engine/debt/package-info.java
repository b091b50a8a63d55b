/**
 * The debt file as the engine sees it: accounts, instalments, payments and the liability facts of their parties.
 * Amounts are long minor units of the account's currency.
 */
package org.recoup.engine.debt;

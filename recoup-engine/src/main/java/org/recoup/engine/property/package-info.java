/**
 * Property and service fees (PRACTICE §2): 滞纳金 late fee accrual per a {@link org.recoup.engine.property.LateFeePolicy}
 * (rate per day of the overdue amount, grace days, cap) and the status of one fee bill as of a date.
 */
package org.recoup.engine.property;

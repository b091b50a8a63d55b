/**
 * B2B receivables (PRACTICE §2): open items after payment allocation, 账龄 aging per customer, risk class, reminder
 * level (catching up to the highest that applies), 文收/武收 treatment track, and DSO/CEI — all driven by a
 * {@link org.recoup.engine.receivable.ReceivablePolicy}.
 */
package org.recoup.engine.receivable;

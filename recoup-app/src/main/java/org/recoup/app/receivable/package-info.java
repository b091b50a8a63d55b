/** B2B receivables: customers' credit limits and terms, 账龄 aging, risk class, statements, reminder letters, 文收/武收 tracks, DSO/CEI. */
package org.recoup.app.receivable;

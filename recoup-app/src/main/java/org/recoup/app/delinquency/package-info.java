/** Delinquency states per business date: the stored policy (buckets, stages, risk classes, waterfall), on-the-fly assessment and the account state API. */
package org.recoup.app.delinquency;

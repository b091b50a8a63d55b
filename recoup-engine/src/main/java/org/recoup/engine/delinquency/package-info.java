/**
 * Delinquency as of a business date: payment allocation, days past due, bucket, stage, receivable aging,
 * risk class and penalty interest (contract §3), driven by a {@link org.recoup.engine.delinquency.DelinquencyPolicy}.
 */
package org.recoup.engine.delinquency;

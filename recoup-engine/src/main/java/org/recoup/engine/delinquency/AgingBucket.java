package org.recoup.engine.delinquency;

/** Receivable aging (账龄) by the age of the oldest overdue due date. */
public enum AgingBucket {
    CURRENT, Y0_1, Y1_2, Y2_3, Y3_4, Y4_5, Y5_PLUS
}

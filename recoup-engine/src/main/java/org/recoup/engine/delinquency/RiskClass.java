package org.recoup.engine.delinquency;

/** Risk class of a receivable: 未收款, 催收款, 准呆账, 呆账, 死账. */
public enum RiskClass {
    NOT_DUE, OVERDUE, DOUBTFUL, BAD, DEAD
}

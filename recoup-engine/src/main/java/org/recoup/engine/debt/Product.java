package org.recoup.engine.debt;

/** The kinds of debt Recoup collects (contract §2). */
public enum Product {
    CONSUMER_LOAN, CREDIT_CARD, B2B_RECEIVABLE, PROPERTY_FEE
}

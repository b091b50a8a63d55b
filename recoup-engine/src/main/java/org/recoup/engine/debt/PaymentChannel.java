package org.recoup.engine.debt;

/** How a payment reached the creditor (contract §2). */
public enum PaymentChannel {
    BANK_TRANSFER, CARD, WECHAT, ALIPAY, CASH_AT_BRANCH, OTHER
}

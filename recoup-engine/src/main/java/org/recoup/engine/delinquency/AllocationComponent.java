package org.recoup.engine.delinquency;

/** The parts of an instalment a payment can pay, in the order a waterfall names them. */
public enum AllocationComponent {
    PENALTY, FEES, INTEREST, PRINCIPAL
}

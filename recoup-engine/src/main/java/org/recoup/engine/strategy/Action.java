package org.recoup.engine.strategy;

/** What a treatment asks for. The *_REVIEW actions put the case in front of a person before anything is sent. */
public enum Action {
    CALL, SMS, EMAIL, LETTER, VISIT_REVIEW, LEGAL_REVIEW, AGENCY_REVIEW, RESTRUCTURE_OFFER, SKIP_TRACE, NO_ACTION,
    ESCALATE
}

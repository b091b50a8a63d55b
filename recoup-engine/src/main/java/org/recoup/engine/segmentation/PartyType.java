package org.recoup.engine.segmentation;

/** Who owes: a person or a business. */
public enum PartyType {
    PERSON, BUSINESS
}

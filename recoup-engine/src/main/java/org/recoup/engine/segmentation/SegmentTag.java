package org.recoup.engine.segmentation;

/** Situations that change how a case is worked (PRACTICE §3 excuse/situation types). */
public enum SegmentTag {
    DECEASED, BANKRUPT, INCARCERATED, LOST_CONTACT, COMPLAINT, PROFESSIONAL_DEBTOR, DISPUTE, CLAIMS_PAID, HARDSHIP,
    REPEAT_PARTIAL, BROKEN_PROMISES
}

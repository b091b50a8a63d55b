package org.recoup.engine.compliance;

/** How a contact reaches a party (contract §5). */
public enum Channel {
    CALL, SMS, EMAIL, LETTER, VISIT;

    /** Letters are not bound to contact hours; every other channel reaches the person when it is sent or made. */
    public boolean timeRestricted() {
        return this != LETTER;
    }
}

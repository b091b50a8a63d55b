package org.recoup.engine.compliance;

/** Why a contact is made: collecting, reminding of an agreed promise, or locating the debtor through someone else. */
public enum Purpose {
    COLLECTION, PTP_REMINDER, LOCATE
}

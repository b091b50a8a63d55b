package org.recoup.engine.compliance;

/** Kinds of hold on a party (contract §5 holds, plus DECEASED and PTP_IN_FORCE set by the system). */
public enum HoldType {
    DISPUTE, CEASE_COMMUNICATION, BANKRUPTCY, DECEASED, COMPLAINT, BREATHING_SPACE, PTP_IN_FORCE
}

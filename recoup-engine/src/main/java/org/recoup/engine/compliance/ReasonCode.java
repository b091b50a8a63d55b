package org.recoup.engine.compliance;

/** The stable reason codes of contract §5; the API returns them verbatim, so never rename one. */
public enum ReasonCode {
    OUTSIDE_HOURS, DAILY_LIMIT, ROLLING_LIMIT, WAIT_AFTER_CONVERSATION,
    THIRD_PARTY_DISCLOSURE, THIRD_PARTY_LIMIT, DECEASED, CEASE_COMMUNICATION, DISPUTE_HOLD,
    BANKRUPTCY_HOLD, BREATHING_SPACE, NO_CONSENT, CONTACT_POINT_INVALID, VISIT_STAFF_MINIMUM,
    CASH_COLLECTION, CONTENT_THREAT, CONTENT_FALSE_LEGAL, CONTENT_SHAMING, CONTENT_IMPERSONATION,
    CONTENT_ABUSIVE, CONTENT_DEBT_TO_THIRD_PARTY;

    /** Reasons that clear by themselves as time passes (hours, caps, waits); any other reason needs a human change. */
    public boolean isTemporal() {
        return switch (this) {
            case OUTSIDE_HOURS, DAILY_LIMIT, ROLLING_LIMIT, WAIT_AFTER_CONVERSATION, THIRD_PARTY_LIMIT -> true;
            default -> false;
        };
    }
}

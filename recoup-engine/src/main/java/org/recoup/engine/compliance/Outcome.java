package org.recoup.engine.compliance;

/**
 * The result of one contact attempt (contract §5).
 * <p>
 * A <em>connected conversation</em> is {@link #RIGHT_PARTY}, {@link #THIRD_PARTY} or {@link #REFUSED_CONTACT}: a
 * human (or an automated voice) actually spoke with someone on the line, whoever answered and whatever they said.
 * Everything else is an unanswered or undelivered attempt.
 */
public enum Outcome {
    RIGHT_PARTY, THIRD_PARTY, NO_ANSWER, VOICEMAIL, BUSY, NOT_CONNECTED, WRONG_NUMBER, REFUSED_CONTACT,
    SENT, DELIVERED, FAILED, VISITED, NOT_MET;

    /** Someone spoke with the caller (CN "connected conversation" cap). */
    public boolean isConnectedConversation() {
        return this == RIGHT_PARTY || this == THIRD_PARTY || this == REFUSED_CONTACT;
    }

    /** The attempt reached nobody: counts towards "N consecutive failed attempts" (the debtor is unreachable). */
    public boolean isFailedAttempt() {
        return switch (this) {
            case NO_ANSWER, VOICEMAIL, BUSY, NOT_CONNECTED, WRONG_NUMBER, FAILED, NOT_MET -> true;
            default -> false;
        };
    }
}

package org.recoup.app.messaging;

/**
 * Hands one message to whatever delivers it. Called by the dispatcher outside any transaction, at most once per
 * message (the row is claimed first); it must not throw for a delivery problem but answer with a {@link Delivery}.
 */
interface MessageGateway {

    /** Stored with the message: which gateway sent it. */
    String name();

    Delivery send(OutgoingMessage message);

    /** A message as the gateway sees it. {@code pdf} is set for letters. */
    record OutgoingMessage(String messageId, org.recoup.engine.compliance.Channel channel, String recipient,
                           String subject, String body, byte[] pdf) {
    }

    /**
     * The gateway's answer: {@code SENT} (accepted; {@code providerId} its reference), {@code DELIVERED} (confirmed),
     * {@code RETRY} (a temporary failure: try again later) or {@code FAILED} (a permanent failure).
     */
    record Delivery(Result result, String providerId, String error) {

        enum Result { SENT, DELIVERED, RETRY, FAILED }

        static Delivery sent(String providerId) {
            return new Delivery(Result.SENT, providerId, null);
        }

        static Delivery retry(String error) {
            return new Delivery(Result.RETRY, null, error);
        }

        static Delivery failed(String error) {
            return new Delivery(Result.FAILED, null, error);
        }
    }
}

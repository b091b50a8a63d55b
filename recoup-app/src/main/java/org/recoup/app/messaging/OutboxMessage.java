package org.recoup.app.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.recoup.engine.compliance.Channel;

/** One message of the outbox as the API and the pages show it (the recipient masked for roles that need it). */
@Schema(name = "OutboxMessage")
@JsonInclude(JsonInclude.Include.NON_NULL)
record OutboxMessage(
        String messageId, String caseId, String accountId, String partyId, String contactPointId, Channel channel,
        String templateId, String locale,
        @Schema(description = "the number or address, masked (e.g. 139****0001) unless the caller's role sees contact values")
        String recipient,
        String subject, String body,
        @Schema(description = "QUEUED, SENDING, SENT, DELIVERED, FAILED or BLOCKED (see docs/messaging.md)") String status,
        int attempts, Instant nextAttemptAt, String gateway, String providerId, String lastError,
        @Schema(description = "AGENT (sent from a case) or RUN (a daily-run action)") String source,
        LocalDate runAsOf, String runAction, String createdBy, Instant createdAt, Instant sentAt, Instant deliveredAt,
        Instant failedAt,
        @Schema(description = "letters: the delivery receipt's reference (e.g. the registered-post number)")
        String receiptReference,
        @Schema(description = "letters: the date the receipt says the letter was delivered") LocalDate receiptDate,
        String receiptRecordedBy, Instant receiptRecordedAt,
        @Schema(description = "letters: where the PDF is downloaded") String pdf,
        @Schema(description = "the contact attempt recorded with the message") String contactId, String verdictId) {

    OutboxMessage withRecipient(String masked) {
        return new OutboxMessage(messageId, caseId, accountId, partyId, contactPointId, channel, templateId, locale, masked,
                subject, body, status, attempts, nextAttemptAt, gateway, providerId, lastError, source, runAsOf, runAction,
                createdBy, createdAt, sentAt, deliveredAt, failedAt, receiptReference, receiptDate, receiptRecordedBy,
                receiptRecordedAt, pdf, contactId, verdictId);
    }
}

package org.recoup.app.compliance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.Purpose;

/** Bodies of {@code POST /api/v1/compliance/check} and {@code POST /api/v1/contacts} (contract §5). */
final class ContactRequestBody {

    private ContactRequestBody() {
    }

    @Schema(name = "ComplianceCheckRequest")
    record Check(
            @Schema(example = "L-0001", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String accountId,
            @Schema(example = "P-0001", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String partyId,
            @Schema(description = "the number or address used; must belong to the party") String contactPointId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required") Channel channel,
            @Schema(description = "when the contact happens (ISO-8601 with offset)", example = "2026-11-23T10:00:00+08:00",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required (an ISO-8601 instant with offset)") OffsetDateTime at,
            @Schema(description = "the text to be sent or read; checked by the content lint") 
            @Size(max = 20_000, message = "must be at most 20000 characters") String content,
            @Schema(description = "staff taking part (visits need the profile's minimum)") List<String> staff,
            @Schema(description = "COLLECTION (default), PTP_REMINDER (allowed while a promise is in force) or LOCATE "
                    + "(the only purpose allowed with third parties)") Purpose purpose,
            @Schema(description = "the message template the content came from, for the audit and the report")
            @Size(max = 100, message = "must be at most 100 characters") String templateId) {

        ContactRequest toEngine() {
            return new ContactRequest(accountId, partyId, blankToNull(contactPointId), channel, at.toInstant(),
                    content, staff, purpose);
        }
    }

    @Schema(name = "ContactAttachment")
    record Attachment(
            @Schema(description = "SHA-256 of the file, 64 hex digits", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required")
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits (a SHA-256)") String sha256,
            @Schema(example = "call-2026-11-23.ogg", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters") String name) {
    }

    @Schema(name = "ContactRecordRequest")
    record Record(
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String accountId,
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String partyId,
            String contactPointId,
            @NotNull(message = "is required") Channel channel,
            @Schema(description = "when the contact happened; at most 5 minutes in the future")
            @NotNull(message = "is required (an ISO-8601 instant with offset)") OffsetDateTime at,
            @Size(max = 20_000, message = "must be at most 20000 characters") String content,
            List<String> staff,
            Purpose purpose,
            @Size(max = 100, message = "must be at most 100 characters") String templateId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required") Outcome outcome,
            @Schema(description = "the client's id of this contact: a retry with the same id and body answers with the "
                    + "original; the same id with another body answers 409")
            @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain letters, digits and . _ : - only") String contactId,
            Disposition disposition,
            @Size(max = 20, message = "must list at most 20 attachments") List<@Valid Attachment> attachments) {

        ContactRequest toEngine() {
            return new ContactRequest(accountId, partyId, blankToNull(contactPointId), channel, at.toInstant(),
                    content, staff, purpose);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

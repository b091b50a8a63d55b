package org.recoup.app.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Verdict;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages sent from a case, the outbox, letter PDFs and delivery receipts (docs/messaging.md). */
@RestController
@Tag(name = "Messages", description = "SMS, e-mail and letters through the compliance gate and the outbox")
class MessageController {

    private final MessageAccess access;
    private final MessageSending sending;
    private final Outbox outbox;
    private final Dispatching dispatching;
    private final Clock clock;

    MessageController(MessageAccess access, MessageSending sending, Outbox outbox, Dispatching dispatching,
                      ObjectProvider<Clock> clock) {
        this.access = access;
        this.sending = sending;
        this.outbox = outbox;
        this.dispatching = dispatching;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Schema(name = "MessageRequest")
    record MessageRequest(
            @Schema(description = "the case's account the message is about; default: the case's first account")
            @Size(max = 64, message = "must be at most 64 characters") String accountId,
            @Schema(description = "a contact point of a party of the case: a MOBILE for SMS, an EMAIL for EMAIL, an "
                    + "ADDRESS for LETTER", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String contactPointId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = "is required (SMS, EMAIL or LETTER)")
            Channel channel,
            @Schema(description = "a stored message template (GET /api/v1/templates)", example = "reminder.zh-CN",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String templateId) {

        MessageSending.SendRequest toSend() {
            return new MessageSending.SendRequest(accountId, contactPointId, channel, templateId);
        }
    }

    @Schema(name = "MessagePreview")
    record PreviewView(String accountId, String contactPointId, Channel channel, String templateId, String locale,
                       @Schema(description = "masked unless the caller's role sees contact values") String recipient,
                       String subject, String body,
                       @Schema(description = "placeholders the case has no value for; such a message cannot be sent")
                       List<String> unfilled) {
    }

    @Schema(name = "LetterReceipt")
    record ReceiptRequest(
            @Schema(description = "the receipt's reference, e.g. the registered-post number", example = "XA123456789CN",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String reference,
            @Schema(description = "the delivery date the receipt shows", example = "2026-11-26",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required (YYYY-MM-DD)") LocalDate deliveredOn) {
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/messages/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Preview a message: the template filled with the case's data; nothing is sent or checked",
            description = "Roles: everyone who may see the case (404 otherwise).")
    @ApiResponse(responseCode = "422", description = "an account, contact point or template that does not fit (field named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PreviewView preview(@PathVariable String caseId, @Valid @RequestBody MessageRequest body) {
        Actor actor = access.actor();
        CaseFacts.CaseInfo info = access.caseFor(actor, caseId);
        MessageSending.Preview p = sending.preview(info, body.toSend());
        String recipient = info.point(p.contactPointId()).map(pt -> MessageAccess.maskPoint(actor, pt)).orElse(null);
        return new PreviewView(p.accountId(), p.contactPointId(), p.channel(), p.templateId(), p.locale(), recipient,
                p.subject(), p.body(), p.unfilled());
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a message from a case: gate, contact attempt and outbox row in one transaction",
            description = """
                    Fills the template with the case's data, passes the compliance gate (every recorded attempt counts) \
                    and, when allowed, records the contact attempt (outcome SENT) and queues the message (201); a letter's \
                    PDF is rendered and stored with it. Blocked: 422 CONTACT_BLOCKED with `reasons` and `nextAllowedAt`, \
                    nothing queued. The header `Idempotency-Key` is required: a retry with the same key and body answers \
                    200 with the original message, the same key with another body 409 (IDEMPOTENCY_KEY_REUSED). \
                    Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY, for cases in their scope (404 otherwise).""")
    @ApiResponse(responseCode = "201", description = "queued", headers = @io.swagger.v3.oas.annotations.headers.Header(
            name = "Location", description = "/api/v1/outbox/{messageId}"))
    @ApiResponse(responseCode = "200", description = "a retry with the same Idempotency-Key and body: the original message")
    @ApiResponse(responseCode = "400", description = "missing Idempotency-Key or an invalid field (named in `field`)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such case, or not in the caller's scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Idempotency-Key already used with another body (IDEMPOTENCY_KEY_REUSED)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "blocked by the gate (CONTACT_BLOCKED, `reasons`, `nextAllowedAt`, "
            + "`verdictId`), or an account/contact point/template that does not fit, or UNFILLED_PLACEHOLDERS (field named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> send(@PathVariable String caseId, @Valid @RequestBody MessageRequest body,
                           @Parameter(description = "the client's key of this message (1–100 characters)")
                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Actor actor = access.actor();
        CaseFacts.CaseInfo info = access.caseFor(actor, caseId);
        MessageSending.Result result = sending.send(info, body.toSend(), idempotencyKey, actor.username());
        if (result.blocked() != null) {
            return blocked(result.blocked(), result.verdictId());
        }
        OutboxMessage m = MessageAccess.masked(actor, result.message());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/outbox/" + m.messageId())).body(m);
    }

    static ResponseEntity<ProblemDetail> blocked(Verdict verdict, String verdictId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "the compliance gate blocked this message: " + String.join(", ",
                        verdict.reasons().stream().map(r -> r.code().name()).distinct().toList()));
        problem.setTitle("Contact blocked");
        problem.setProperty("code", "CONTACT_BLOCKED");
        problem.setProperty("reasons", verdict.reasons().stream().map(r -> java.util.Map.of("code", r.code().name(),
                "message", r.message() == null ? "" : r.message(), "rule", r.rule())).toList());
        if (verdict.nextAllowedAt() != null) {
            problem.setProperty("nextAllowedAt", verdict.nextAllowedAt().toString());
        }
        problem.setProperty("verdictId", verdictId);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's messages, newest first", description = "404 for a case out of the caller's scope.")
    List<OutboxMessage> caseMessages(@PathVariable String caseId) {
        Actor actor = access.actor();
        access.caseFor(actor, caseId);
        return outbox.list(new Outbox.Filter(null, null, caseId, null, 500)).stream()
                .map(m -> MessageAccess.masked(actor, m)).toList();
    }

    @GetMapping(path = "/api/v1/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The outbox, newest first, filtered by status and channel",
            description = "Agents, team leads and agency users see the messages of the cases in their scope only.")
    List<OutboxMessage> list(
            @Parameter(description = "QUEUED, SENDING, SENT, DELIVERED, FAILED or BLOCKED") @RequestParam(required = false) String status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String caseId,
            @Parameter(description = "at most this many (1–1000, default 200)") @RequestParam(defaultValue = "200") int limit) {
        Actor actor = access.actor();
        if (status != null && !List.of("QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED", "BLOCKED").contains(status)) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "status",
                    "status is one of QUEUED, SENDING, SENT, DELIVERED, FAILED, BLOCKED");
        }
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "limit", "limit is 1–1000");
        }
        return outbox.list(new Outbox.Filter(status, channel, caseId, actor, limit)).stream()
                .map(m -> MessageAccess.masked(actor, m)).toList();
    }

    @GetMapping(path = "/api/v1/outbox/{messageId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One message of the outbox", description = "404 when unknown or out of the caller's scope.")
    OutboxMessage one(@PathVariable String messageId) {
        return access.message(access.actor(), messageId);
    }

    @GetMapping(path = "/api/v1/outbox/{messageId}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A letter's PDF (rendered when the letter was queued)")
    @ApiResponse(responseCode = "404", description = "no such letter, or not in the caller's scope")
    ResponseEntity<byte[]> letter(@PathVariable String messageId) {
        OutboxMessage m = access.message(access.actor(), messageId);
        byte[] pdf = outbox.letterPdf(m.messageId()).orElseThrow(() -> ApiProblem.notFound("letter", messageId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + m.messageId() + ".pdf\"").body(pdf);
    }

    @PutMapping(path = "/api/v1/outbox/{messageId}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a letter's delivery receipt (evidence that interrupts the statute of limitations)",
            description = """
                    The receipt's reference and delivery date; a SENT letter becomes DELIVERED. The date may not be \
                    before the letter was sent nor in the future. Recording the same receipt again answers 200; another \
                    receipt for a letter that has one is refused (409 RECEIPT_ALREADY_RECORDED) — the first is evidence. \
                    Roles: ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, for letters of cases in their scope.""")
    @ApiResponse(responseCode = "409", description = "not a sent letter (LETTER_NOT_SENT), or another receipt is recorded",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "not a letter (NOT_A_LETTER), or a date out of range (field deliveredOn)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    OutboxMessage receipt(@PathVariable String messageId, @Valid @RequestBody ReceiptRequest body) {
        Actor actor = access.actor();
        OutboxMessage m = access.message(actor, messageId);
        return MessageAccess.masked(actor, recordReceipt(m, body.reference().strip(), body.deliveredOn(), actor.username()));
    }

    OutboxMessage recordReceipt(OutboxMessage m, String reference, LocalDate deliveredOn, String username) {
        if (m.channel() != Channel.LETTER) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_A_LETTER", "messageId", "message " + m.messageId()
                    + " is a " + m.channel() + "; only letters have delivery receipts");
        }
        if (m.receiptReference() != null) {
            if (m.receiptReference().equals(reference) && deliveredOn.equals(m.receiptDate())) {
                return m;
            }
            throw new ApiProblem(HttpStatus.CONFLICT, "RECEIPT_ALREADY_RECORDED", "reference", "letter " + m.messageId()
                    + " already has receipt " + m.receiptReference() + " of " + m.receiptDate());
        }
        if (m.sentAt() == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "LETTER_NOT_SENT", "messageId", "letter " + m.messageId() + " is "
                    + m.status() + ", not sent; a receipt can only follow a sent letter");
        }
        LocalDate sentOn = m.sentAt().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        if (deliveredOn.isBefore(sentOn) || deliveredOn.isAfter(today)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_DATE", "deliveredOn", "deliveredOn must lie "
                    + "between the day the letter was sent (" + m.sentAt() + ") and today, but was " + deliveredOn);
        }
        outbox.receipt(m.messageId(), reference, deliveredOn, username, clock.instant());
        return outbox.find(m.messageId()).orElseThrow();
    }

    @PostMapping(path = "/api/v1/outbox/dispatch", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dispatch now: take in the daily run's due planned messages, then send every due message",
            description = "What the scheduler does every interval. `asOf`: take in the planned messages of that business "
                    + "date (default: the last few dates, see recoup.messaging.dispatch.run-action-days). "
                    + "Roles: ADMIN, SUPERVISOR.")
    Dispatching.Summary dispatch(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return dispatching.run(asOf);
    }
}

package org.recoup.app.workbench;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.debt.PaymentChannel;

/** The body of {@code POST /api/v1/cases/{caseId}/outcomes} (and of the case page's outcome form). */
@Schema(name = "OutcomeRequest")
public record OutcomeRequest(
        @Schema(description = "the client's key for this outcome (e.g. a UUID made when the form was shown): the same key "
                + "and body again answers the original outcome, so a double-click records once; 1–100 characters",
                requiredMode = Schema.RequiredMode.REQUIRED) String clientKey,
        @Schema(description = "the case's account the contact was about", requiredMode = Schema.RequiredMode.REQUIRED)
        String accountId,
        @Schema(description = "the party reached or tried (a party of that account)",
                requiredMode = Schema.RequiredMode.REQUIRED) String partyId,
        @Schema(description = "the number used (a contact point of that party)") String contactPointId,
        @Schema(description = "CALL (default) or VISIT") Channel channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DispositionCode disposition,
        @Schema(description = "the agent's note, checked by the content lint; at most 4000 characters") String note,
        @Schema(description = "the promise to pay (disposition PROMISE): one or more instalments")
        List<PromiseInstalment> promises,
        @Schema(description = "holds the party asked for: DISPUTE, CEASE_COMMUNICATION") List<HoldKind> holds,
        @Schema(description = "when to offer the case again (the queue schedules it); in the future, within 90 days")
        OffsetDateTime followUpAt) {

    /** One instalment of a promise to pay. */
    @Schema(name = "PromiseInstalment")
    public record PromiseInstalment(BigDecimal amount, LocalDate dueDate, PaymentChannel channel) {
    }

    /** Holds an agent may request while recording an outcome. */
    public enum HoldKind { DISPUTE, CEASE_COMMUNICATION }

    public Channel channelOrCall() {
        return channel == null ? Channel.CALL : channel;
    }

    public List<PromiseInstalment> promiseList() {
        return promises == null ? List.of() : promises;
    }

    public List<HoldKind> holdList() {
        return holds == null ? List.of() : holds.stream().distinct().toList();
    }

    /** The request as a value: what a retry with the same key must match. */
    String fingerprint() {
        StringBuilder s = new StringBuilder("recoup.outcome.v1");
        for (Object o : new Object[] {accountId, partyId, contactPointId, channelOrCall(), disposition,
                note == null ? "" : note.strip(), followUpAt == null ? null : followUpAt.toInstant(), holdList()}) {
            s.append('\u001f').append(o);
        }
        for (PromiseInstalment p : promiseList()) {
            s.append('\u001e').append(p.amount() == null ? null : p.amount().stripTrailingZeros().toPlainString())
                    .append('\u001f').append(p.dueDate()).append('\u001f').append(p.channel());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.recoup.engine.legal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An event that restarts the limitation period on {@code date}: a demand letter with a delivery receipt, a lawyer's
 * letter with a receipt, a recorded promise or acknowledgement of the debt, a partial payment.
 *
 * @param evidence where the proof is kept (e.g. {@code outbox_message:M-12}, {@code promise:PR-3}, {@code payment:P-9})
 */
public record Interruption(Kind kind, LocalDate date, String evidence) {

    public enum Kind { LETTER_RECEIPT, LAWYER_LETTER_RECEIPT, PROMISE, ACKNOWLEDGEMENT, PARTIAL_PAYMENT }

    public Interruption {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(evidence, "evidence");
    }
}

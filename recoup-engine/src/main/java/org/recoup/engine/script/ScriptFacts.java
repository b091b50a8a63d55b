package org.recoup.engine.script;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.recoup.engine.promise.PromiseStatus;

/**
 * The case data a script is filled with. Amounts arrive formatted (currency and decimals are the caller's business);
 * dates are business dates. Absent values (a null date, an empty list) are filled with the language's "none" text.
 *
 * @param name            how the party is addressed
 * @param amountOverdue   the amount overdue today, formatted (e.g. {@code CNY 1,060.00})
 * @param outstanding     the principal still outstanding, formatted
 * @param daysPastDue     days past due today
 * @param oldestDueDate   due date of the oldest unpaid instalment, or null
 * @param nextDueDate     the next instalment due on or after today, or null
 * @param creditor        the original creditor's name
 * @param paymentChannels how the party can pay, in display form
 * @param agent           the agent's name for the opening
 * @param promises        the case's promises, oldest first
 */
public record ScriptFacts(String name, String amountOverdue, String outstanding, int daysPastDue,
                          LocalDate oldestDueDate, LocalDate nextDueDate, String creditor, List<String> paymentChannels,
                          String agent, List<PromiseLine> promises) {

    public ScriptFacts {
        Objects.requireNonNull(name, "name");
        paymentChannels = List.copyOf(paymentChannels);
        promises = List.copyOf(promises);
    }

    /** One promise as the confrontation prompt lists it: date, amount, what was paid and how it ended. */
    public record PromiseLine(LocalDate dueDate, String amount, String paid, PromiseStatus status) {
        public PromiseLine {
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(status, "status");
        }
    }
}

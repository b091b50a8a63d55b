package org.recoup.app.workbench;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an agent needs on one case (issue 6 §3, PRACTICE §1): the borrower and every account they borrow on, the
 * parties and contact points of those accounts, instalments, payments, bucket moves, the timeline of contacts,
 * promises, notes, holds and claims, and the preparation panel. Amounts are minor units of {@code currency}.
 * Contact values are masked unless the viewer's role may see them.
 */
@Schema(name = "Case")
public record CaseFile(String caseId, String status, LocalDate asOf, String borrowerPartyId, String borrowerName,
                       Assignment assignment, Preparation preparation, List<AccountLine> accounts,
                       List<PartyLine> parties, List<ContactPointLine> contactPoints, List<InstalmentLine> instalments,
                       List<PaymentLine> payments, List<StateMove> stateHistory, List<ContactLine> contacts,
                       List<PromiseLine> promises, List<NoteLine> notes, List<HoldLine> holds, List<ClaimLine> claims,
                       List<TimelineEntry> timeline) {

    /** Who works the case now (no row: nobody yet). */
    public record Assignment(String team, String agent, String agencyId) {
    }

    /** The preparation panel of PRACTICE §1: who the borrower is, what is owed, and how the case went so far. */
    public record Preparation(String gender, Integer age, String occupation, String region, String timeZone,
                              boolean deceased, boolean bankrupt, boolean incarcerated, String currency,
                              long overdueMinor, long outstandingMinor, int dpd, String bucket, String stage,
                              int periodsOverdue, int periodsTotal, List<String> family, int promisesKept,
                              int promisesBroken, int promisesPending, int contactsLast30Days,
                              Instant lastRightPartyContactAt, Instant lastPaymentAt) {
    }

    public record AccountLine(String accountId, String product, String currency, long principalMinor,
                              LocalDate openDate, String creditor, String portfolio, String jurisdiction, int dpd,
                              String bucket, String stage, long overdueMinor, long outstandingMinor,
                              LocalDate oldestUnpaidDueDate) {
    }

    public record PartyLine(String partyId, String name, String role, String accountId, String gender,
                            String occupation, String timeZone, boolean deceased, boolean bankrupt, boolean incarcerated,
                            boolean liable) {
    }

    public record ContactPointLine(String contactPointId, String partyId, String type, String value, boolean masked,
                                   boolean valid, boolean consent) {
    }

    public record InstalmentLine(String accountId, int seq, LocalDate dueDate, long principalMinor, long interestMinor,
                                 long feeMinor, long paidMinor, boolean overdue) {
    }

    public record PaymentLine(String paymentId, String accountId, Instant paidAt, long amountMinor, String channel,
                              String reference, String source) {
    }

    public record StateMove(String accountId, LocalDate asOf, LocalDate fromAsOf, String from, String to) {
    }

    public record ContactLine(String contactId, String accountId, String partyId, String channel, Instant at,
                              String outcome, String disposition, String recordedBy) {
    }

    public record PromiseLine(String promiseId, String accountId, String partyId, long amountMinor, String currency,
                              LocalDate dueDate, String channel, Instant promisedAt, String status, long paidMinor,
                              LocalDate resolvedOn, String createdBy) {
    }

    public record NoteLine(String noteId, String body, String createdBy, Instant createdAt) {
    }

    public record HoldLine(String holdId, String partyId, String type, Instant from, Instant to, String reason,
                           String setBy, Instant endedAt, boolean active) {
    }

    public record ClaimLine(String claimId, String accountId, Instant paidAt, long amountMinor, String currency,
                            String channel, String reference, String status, String claimedBy, Instant claimedAt,
                            String decidedBy, Instant decidedAt, String decisionNote, String paymentId) {
    }

    /** One event of the case in time order, newest first: CONTACT, PROMISE, PAYMENT, NOTE, HOLD, CLAIM. */
    public record TimelineEntry(Instant at, String kind, String by, String summary) {
    }
}

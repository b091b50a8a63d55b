package org.recoup.app.demo;

import static org.recoup.app.demo.AccountTerms.CONSUMER_LOAN;
import static org.recoup.app.demo.AccountTerms.CREDIT_CARD;
import static org.recoup.app.demo.AccountTerms.DELINQUENT;
import static org.recoup.app.demo.AccountTerms.FLAG_NONE;
import static org.recoup.app.demo.DemoTables.US;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.recoup.app.demo.ContactPoints.ContactPoint;

/**
 * What the collectors of a {@link GeneratedAccount} heard lately: a promise to pay (pending, kept yesterday, broken,
 * partly kept), a refusal, a dispute, a claim of having paid, declared hardship, or a borrower who cannot be reached
 * any more. These are the situations the shipped strategy (consumer-default.yaml) reacts to; see
 * {@code docs/demo.md} for which story serves which rule.
 *
 * <p>Only delinquent consumer loans and cards of a borrower without a situation flag, below 150 days past due, get a
 * story (about a third of them); it is drawn from the account's own stream (section 5) after its payments, so adding
 * it changed no other file's rows, and it never changes the account's days past due: a payment it adds (the one that
 * kept a promise, or the part of a partly kept one) is at most 8% of the unpaid anchor instalment, which stays unpaid.
 *
 * <p>A story may add: one promise ({@code promises.csv}), one payment and contacts (after the account's other rows of
 * the file, numbered on). The conversation that carried a disposition is a right-party call to the borrower's first
 * consented phone, or is left out when there is none. A lost-contact story cuts the account's contact history at its
 * first failed attempt and follows it with six failed calls, so there is no right-party contact since.
 */
final class PromiseHistory {

    static final int NONE = 0;
    static final int PENDING = 1;
    static final int KEPT = 2;
    static final int BROKEN = 3;
    static final int PARTIALLY_KEPT = 4;
    static final int REFUSED = 5;
    static final int DISPUTE = 6;
    static final int CLAIMS_PAID = 7;
    static final int HARDSHIP = 8;
    static final int LOST_CONTACT = 9;
    static final String[] STORIES = {"NONE", "PENDING", "KEPT", "BROKEN", "PARTIALLY_KEPT", "REFUSED", "DISPUTE",
            "CLAIMS_PAID", "HARDSHIP", "LOST_CONTACT"};
    /** Disposition of the conversation of each story (null: none). */
    private static final String[] DISPOSITION = {null, "PROMISE", "PROMISE", "PROMISE", "PROMISE", "REFUSED_TO_PAY",
            "DISPUTE", "CLAIMS_PAID", "HARDSHIP", null};
    /** Cumulative per-mille of each story among eligible accounts (the rest: none). */
    private static final int[] CUMULATIVE = {0, 70, 100, 130, 150, 190, 210, 230, 280, 340};
    private static final String[] FAILED_OUTCOMES = {"NO_ANSWER", "NOT_CONNECTED", "WRONG_NUMBER"};
    static final int LOST_CONTACT_ATTEMPTS = 6;

    private final AccountTerms terms;
    private final InstalmentSchedule schedule;
    private final PaymentHistory payments;
    private final long asOfDay;

    int story;
    // the promise
    boolean promised;
    long promiseDay;
    int promiseSecond;
    long promiseAmount;
    long promiseDue;
    int promiseChannel;
    // the payment it adds
    boolean paid;
    long paidDay;
    int paidSecond;
    long paidAmount;
    int paidReference;
    // the conversation (disposition stories) or the first failed attempt (lost contact)
    long talkDay;
    int talkSecond;

    PromiseHistory(AccountTerms terms, InstalmentSchedule schedule, PaymentHistory payments, LocalDate asOf) {
        this.terms = terms;
        this.schedule = schedule;
        this.payments = payments;
        this.asOfDay = asOf.toEpochDay();
    }

    void clear() {
        story = NONE;
        promised = false;
        paid = false;
    }

    /** Whether the account can have a story at all. */
    boolean eligible() {
        return terms.state == DELINQUENT && terms.borrowerFlag == FLAG_NONE && terms.plannedDpd < 150
                && (terms.product == CONSUMER_LOAN || terms.product == CREDIT_CARD)
                && schedule.anchor < schedule.installmentCount;
    }

    /** Draws the story from the account's stream of section 5. Needs the core and the payments. */
    void draw(SplittableRandom r) {
        clear();
        if (!eligible()) {
            return;
        }
        int u = r.nextInt(1000);
        int drawn = NONE;
        for (int s = CUMULATIVE.length - 1; s >= 1; s--) {
            if (u >= CUMULATIVE[s - 1] && u < CUMULATIVE[s]) {
                drawn = s;
                break;
            }
        }
        if (drawn == NONE) {
            return;
        }
        long last = asOfDay - 1;
        long anchorDue = schedule.due[schedule.anchor].toEpochDay();
        long afterPayments = payments.lastPaymentDay() + 1;
        int a = schedule.anchor;
        long owed = schedule.principalDue[a] + schedule.interestDue[a] + schedule.feeDue[a];
        long small = Math.max(1, owed * 8 / 100);
        int hours = terms.jurisdiction == US ? 6 : 9;
        promiseChannel = r.nextInt(DemoTables.PAYMENT_CHANNELS.length - 2);
        switch (drawn) {
            case PENDING -> {
                long from = max(anchorDue, afterPayments, asOfDay - 5);
                if (from > last) {
                    return;
                }
                promise(r, from + r.nextLong(last - from + 1),
                        asOfDay + (r.nextInt(100) < 40 ? 2 : 1 + r.nextInt(6)), whole(owed * (40 + r.nextInt(61)) / 100));
            }
            case KEPT -> {
                long from = max(anchorDue, afterPayments, asOfDay - 6);
                if (from > last) {
                    return;
                }
                promise(r, from + r.nextLong(last - from + 1), last + r.nextInt(4), small);
                pay(r, last, small);
            }
            case BROKEN, PARTIALLY_KEPT -> {
                long from = max(anchorDue, afterPayments, asOfDay - 25);
                long to = asOfDay - 3;
                if (from > to) {
                    return;
                }
                long day = from + r.nextLong(to - from + 1);
                long due = Math.min(day + 1 + r.nextInt(5), to + 1);
                if (drawn == BROKEN) {
                    promise(r, day, due, whole(owed * (50 + r.nextInt(51)) / 100));
                } else {
                    promise(r, day, due, small * 3);
                    pay(r, day + r.nextLong(due - day + 1), small);
                }
            }
            case LOST_CONTACT -> {
                long from = Math.max(anchorDue, asOfDay - 4);
                if (from > last) {
                    return;
                }
                talkDay = from;
                talkSecond = 9 * 3600 + r.nextInt(1800);
            }
            default -> {
                long from = Math.max(anchorDue, asOfDay - 25);
                if (from > last) {
                    return;
                }
                talkDay = from + r.nextLong(last - from + 1);
                talkSecond = (10 + r.nextInt(2)) * 3600 + r.nextInt(3600);
            }
        }
        if (promised) {
            talkDay = promiseDay;
            talkSecond = promiseSecond;
        }
        story = drawn;
        if (paid && paidDay == talkDay && paidSecond <= talkSecond) {
            paidSecond = talkSecond + 3600 + r.nextInt(hours * 300);
        }
    }

    private void promise(SplittableRandom r, long day, long due, long amount) {
        promised = true;
        promiseDay = day;
        promiseSecond = (10 + r.nextInt(2)) * 3600 + r.nextInt(3600);
        promiseDue = due;
        promiseAmount = Math.max(1, amount);
    }

    private void pay(SplittableRandom r, long day, long amount) {
        paid = true;
        paidDay = day;
        paidSecond = 14 * 3600 + r.nextInt(3600);
        paidAmount = amount;
        paidReference = 100_000 + r.nextInt(99_900_000);
    }

    /** Whole major units (at least one), as people promise. */
    private static long whole(long minor) {
        return Math.max(100, minor / 100 * 100);
    }

    private static long max(long a, long b, long c) {
        return Math.max(a, Math.max(b, c));
    }

    /** The disposition of the story's conversation, or null. */
    String disposition() {
        return DISPOSITION[story];
    }

    /** The first of the borrower's consented phones (mobile first), or -1. */
    static int borrowerPhone(ContactPoints points) {
        int found = -1;
        for (int i = 0; i < points.contactPointCount; i++) {
            ContactPoint cp = points.contactPoint[i];
            if (cp.partyIndex != 0 || !cp.consent) {
                continue;
            }
            if (cp.type == ContactPoints.MOBILE) {
                return i;
            }
            if (found < 0 && (cp.type == ContactPoints.HOME_PHONE || cp.type == ContactPoints.WORK_PHONE)) {
                found = i;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------------ writing

    void writePayment(CsvSink s, String num, String accountId, int seq) throws IOException {
        if (!paid) {
            return;
        }
        String zone = terms.region.zone();
        LocalDate day = LocalDate.ofEpochDay(paidDay);
        s.id("PAY-", num, seq, true).raw(accountId)
                .instant(day, paidSecond, GeneratedAccount.offsetId(zone, day, paidSecond))
                .money(paidAmount).raw(DemoTables.PAYMENT_CHANNELS[promiseChannel])
                .prefixed(DemoTables.REFERENCE_PREFIX[promiseChannel], paidReference);
        s.endRow();
    }

    void writePromise(CsvSink s, String num, String accountId) throws IOException {
        if (!promised) {
            return;
        }
        String zone = terms.region.zone();
        LocalDate day = LocalDate.ofEpochDay(promiseDay);
        s.id("PTP-", num, 1, true).raw(accountId).id("P-", num, 1, false).money(promiseAmount)
                .date(LocalDate.ofEpochDay(promiseDue))
                .instant(day, promiseSecond, GeneratedAccount.offsetId(zone, day, promiseSecond))
                .raw(DemoTables.PAYMENT_CHANNELS[promiseChannel]).empty();
        s.endRow();
    }

    /**
     * The story's contacts, numbered from {@code seq}: the conversation with its disposition, or the failed calls of a
     * lost contact. Needs the parties (for the borrower's phone).
     */
    void writeContacts(CsvSink s, String num, String accountId, int seq, ContactPoints points, String zone)
            throws IOException {
        if (story == NONE) {
            return;
        }
        int phone = borrowerPhone(points);
        if (phone < 0) {
            return;
        }
        int cp = points.contactPoint[phone].seq;
        LocalDate day = LocalDate.ofEpochDay(talkDay);
        if (story != LOST_CONTACT) {
            contact(s, num, accountId, seq, cp, day, talkSecond, zone, "RIGHT_PARTY", disposition());
            return;
        }
        long span = asOfDay - talkDay; // days from the first attempt to asOf - 1, inclusive
        for (int k = 0; k < LOST_CONTACT_ATTEMPTS; k++) {
            LocalDate d = LocalDate.ofEpochDay(talkDay + k * span / LOST_CONTACT_ATTEMPTS);
            int second = talkSecond + (k % 6) * 100 * 60;
            contact(s, num, accountId, seq + k, cp, d, second, zone, FAILED_OUTCOMES[k % FAILED_OUTCOMES.length], null);
        }
    }

    private static void contact(CsvSink s, String num, String accountId, int seq, int cp, LocalDate day, int second,
                                String zone, String outcome, String disposition) throws IOException {
        s.id("CT-", num, seq, true).raw(accountId).id("P-", num, 1, false).id("CP-", num, cp, true).raw("CALL")
                .instant(day, second, GeneratedAccount.offsetId(zone, day, second)).raw(outcome);
        if (disposition == null) {
            s.empty();
        } else {
            s.raw(disposition);
        }
        s.endRow();
    }
}

package org.recoup.app.dailyrun;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.segmentation.ContactHistory;
import org.recoup.engine.segmentation.Occupation;
import org.recoup.engine.segmentation.PartyProfile;
import org.recoup.engine.segmentation.PartyType;
import org.recoup.engine.segmentation.PaymentHistory;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.SegmentationFacts;

/**
 * Turns what a run read about one account into the engine's segmentation facts, as of the business date. Dates of
 * contacts and payments are local dates in the account's business zone; everything after the business date is
 * ignored, so the same inputs and date always give the same facts.
 */
final class DecisionFacts {

    private static final Set<String> FAILED_ATTEMPT = Set.of("NO_ANSWER", "VOICEMAIL", "BUSY", "NOT_CONNECTED",
            "WRONG_NUMBER", "NOT_MET", "FAILED");
    private static final Set<String> NOT_REACHED = Set.of("NO_ANSWER", "VOICEMAIL", "BUSY", "NOT_CONNECTED",
            "WRONG_NUMBER");
    private static final Set<String> PHONES = Set.of("MOBILE", "HOME_PHONE", "WORK_PHONE");
    private static final Set<String> INCOME_OCCUPATIONS = Set.of("WHITE_COLLAR", "RETIREE", "SME_OWNER", "WORKER");

    private DecisionFacts() {
    }

    /**
     * The segmentation facts of an account, with the holds in force on its borrower at the end of the business date:
     * an open COMPLAINT sets the profile's complaint flag; a DISPUTE hold counts as a dispute on file (as a DISPUTE
     * disposition of the last 90 days would).
     */
    static SegmentationFacts of(AccountInput input, DelinquencyState state, PtpHistory ptp, Set<HoldType> holds) {
        ZoneId zone = input.snapshot().account().zone();
        LocalDate asOf = state.asOf();
        ContactHistory contacts = contacts(input, zone, asOf);
        if (holds.contains(HoldType.DISPUTE) && contacts.disputesLast90() == 0) {
            contacts = new ContactHistory(contacts.rightPartyLast7(), contacts.rightPartyLast30(),
                    contacts.rightPartyLast90(), contacts.refusalsLast30(), contacts.refusalsLast90(), 1,
                    contacts.claimsPaidLast90(), contacts.noAnswerOrWrongLast30(), contacts.consecutiveFailures(),
                    contacts.hasValidContactPoint());
        }
        PartyProfile party = party(input, zone, asOf);
        if (holds.contains(HoldType.COMPLAINT) && !party.complaint()) {
            party = new PartyProfile(party.type(), party.occupation(), party.age(), party.deceased(), party.bankrupt(),
                    party.incarcerated(), true, party.knownIncome(), party.knownAssets(), party.declaredHardship());
        }
        return new SegmentationFacts(state, ptp, contacts, payments(input, zone, asOf), party);
    }

    /** Outcomes and dispositions of the account's attempts over 7/30/90 days ending on the business date. */
    static ContactHistory contacts(AccountInput input, ZoneId zone, LocalDate asOf) {
        int rpc7 = 0, rpc30 = 0, rpc90 = 0, refusals30 = 0, refusals90 = 0, disputes = 0, claimsPaid = 0, notReached = 0;
        int consecutiveFailures = 0;
        for (AccountInput.Contact c : input.contacts()) {
            LocalDate day = LocalDate.ofInstant(c.at(), zone);
            long ago = ChronoUnit.DAYS.between(day, asOf);
            if (ago < 0 || ago >= 90) {
                continue;
            }
            boolean rpc = "RIGHT_PARTY".equals(c.outcome());
            if (rpc) {
                rpc90++;
                rpc30 += ago < 30 ? 1 : 0;
                rpc7 += ago < 7 ? 1 : 0;
                consecutiveFailures = 0;
            } else if (FAILED_ATTEMPT.contains(c.outcome())) {
                consecutiveFailures++;
            }
            if (ago < 30 && NOT_REACHED.contains(c.outcome())) {
                notReached++;
            }
            String d = c.disposition();
            if ("REFUSED_TO_PAY".equals(d)) {
                refusals90++;
                refusals30 += ago < 30 ? 1 : 0;
            } else if ("DISPUTE".equals(d)) {
                disputes++;
            } else if ("CLAIMS_PAID".equals(d)) {
                claimsPaid++;
            }
        }
        boolean validPhone = input.points().stream().anyMatch(p -> p.valid() && PHONES.contains(p.type()));
        return new ContactHistory(rpc7, rpc30, rpc90, refusals30, refusals90, disputes, claimsPaid, notReached,
                consecutiveFailures, validPhone);
    }

    /**
     * Payment behaviour from the schedule and the payments up to the business date: partial = a payment smaller than
     * the instalment last due on or before its date; regular = every instalment due in the six months before the
     * delinquency (or before the business date when current) was covered by payments made by its due date.
     */
    static PaymentHistory payments(AccountInput input, ZoneId zone, LocalDate asOf) {
        List<Installment> schedule = input.snapshot().installments();
        List<Payment> payments = input.snapshot().payments();
        LocalDate[] days = paymentDays(payments, zone);
        int partial = 0;
        LocalDate lastPaid = null;
        for (int k = 0; k < days.length; k++) {
            LocalDate day = days[k];
            if (day.isAfter(asOf)) {
                continue;
            }
            lastPaid = lastPaid == null || day.isAfter(lastPaid) ? day : lastPaid;
            Installment due = null;
            for (Installment i : schedule) {
                if (!i.dueDate().isAfter(day)) {
                    due = i;
                }
            }
            if (due != null && payments.get(k).amount() < scheduled(due)) {
                partial++;
            }
        }
        return new PaymentHistory(partial, regular(schedule, payments, days, asOf),
                lastPaid == null ? null : (int) ChronoUnit.DAYS.between(lastPaid, asOf));
    }

    /** The local date of each payment in the account's zone, computed once per account. */
    private static LocalDate[] paymentDays(List<Payment> payments, ZoneId zone) {
        LocalDate[] days = new LocalDate[payments.size()];
        for (int k = 0; k < days.length; k++) {
            days[k] = LocalDate.ofInstant(payments.get(k).paidAt(), zone);
        }
        return days;
    }

    private static boolean regular(List<Installment> schedule, List<Payment> payments, LocalDate[] days, LocalDate asOf) {
        LocalDate end = asOf;
        long due = 0;
        for (Installment i : schedule) { // the first instalment not covered by payments by its due date ends the window
            due += scheduled(i);
            if (!i.dueDate().isBefore(asOf)) {
                break;
            }
            if (paidBy(payments, days, i.dueDate()) < due) {
                end = i.dueDate().minusDays(1);
                break;
            }
        }
        LocalDate start = end.minusMonths(6);
        long cumulative = 0;
        int inWindow = 0;
        for (Installment i : schedule) {
            cumulative += scheduled(i);
            if (i.dueDate().isAfter(end)) {
                break;
            }
            if (i.dueDate().isAfter(start)) {
                inWindow++;
                if (paidBy(payments, days, i.dueDate()) < cumulative) {
                    return false;
                }
            }
        }
        return inWindow > 0;
    }

    private static long paidBy(List<Payment> payments, LocalDate[] days, LocalDate day) {
        long paid = 0;
        for (int k = 0; k < days.length; k++) {
            if (!days[k].isAfter(day)) {
                paid += payments.get(k).amount();
            }
        }
        return paid;
    }

    private static long scheduled(Installment i) {
        return i.principal() + i.interest() + i.fees();
    }

    /**
     * The borrower's profile: age from the birth date, occupation, the deceased/bankrupt/incarcerated flags, hardship
     * declared in a conversation of the last 90 days; a known income is assumed for occupations that have one (no
     * income or asset data is imported yet); B2B receivables are owed by a business.
     */
    static PartyProfile party(AccountInput input, ZoneId zone, LocalDate asOf) {
        boolean hardship = input.contacts().stream().anyMatch(c -> "HARDSHIP".equals(c.disposition())
                && !c.at().atZone(zone).toLocalDate().isAfter(asOf)
                && ChronoUnit.DAYS.between(c.at().atZone(zone).toLocalDate(), asOf) < 90);
        PartyType type = input.snapshot().account().product() == Product.B2B_RECEIVABLE ? PartyType.BUSINESS
                : PartyType.PERSON;
        AccountInput.Borrower b = input.borrower();
        if (b == null) {
            return new PartyProfile(type, Occupation.UNKNOWN, null, false, false, false, false, false, false, hardship);
        }
        Integer age = null;
        if (b.birthDate() != null && !b.birthDate().isAfter(asOf)) {
            int years = Period.between(b.birthDate(), asOf).getYears();
            age = years <= 150 ? years : null;
        }
        return new PartyProfile(type, occupation(b.occupation()), age, b.deceased(), b.bankrupt(), b.incarcerated(),
                false, b.occupation() != null && INCOME_OCCUPATIONS.contains(b.occupation()), false, hardship);
    }

    static Occupation occupation(String value) {
        if (value == null) {
            return Occupation.UNKNOWN;
        }
        return switch (value) {
            case "WHITE_COLLAR" -> Occupation.WHITE_COLLAR;
            case "RETIREE" -> Occupation.RETIREE;
            case "SME_OWNER" -> Occupation.BUSINESS_OWNER;
            case "WORKER" -> Occupation.WORKER;
            case "STUDENT" -> Occupation.STUDENT;
            default -> Occupation.UNKNOWN;
        };
    }

    /** The due date of the first instalment due on or after the business date not already covered by payments. */
    static LocalDate nextDueDate(AccountInput input, LocalDate asOf) {
        ZoneId zone = input.snapshot().account().zone();
        List<Payment> payments = input.snapshot().payments();
        long paid = paidBy(payments, paymentDays(payments, zone), asOf);
        long cumulative = 0;
        for (Installment i : input.snapshot().installments()) {
            cumulative += scheduled(i);
            if (!i.dueDate().isBefore(asOf) && paid < cumulative) {
                return i.dueDate();
            }
        }
        return null;
    }

    /** The case of an account: its borrower's ({@code C-<party_id>}), else the account alone. */
    static String caseId(AccountInput input) {
        return input.borrower() == null ? "A-" + input.accountId() : "C-" + input.borrower().partyId();
    }
}

package org.recoup.app.demo;

import static org.recoup.app.demo.AccountTerms.CURRENT;
import static org.recoup.app.demo.AccountTerms.DELINQUENT;
import static org.recoup.app.demo.AccountTerms.PRE_DUE;
import static org.recoup.app.demo.AccountTerms.REPAID;
import static org.recoup.app.demo.ContactPoints.ADDRESS;
import static org.recoup.app.demo.ContactPoints.EMAIL;
import static org.recoup.app.demo.ContactPoints.HOME_PHONE;
import static org.recoup.app.demo.ContactPoints.MOBILE;
import static org.recoup.app.demo.ContactPoints.WORK_PHONE;
import static org.recoup.app.demo.DemoTables.CN;
import static org.recoup.app.demo.DemoTables.weighted;
import static org.recoup.app.demo.PartyRoster.BORROWER;
import static org.recoup.app.demo.PartyRoster.CO_BORROWER;
import static org.recoup.app.demo.PartyRoster.GUARANTOR;
import static org.recoup.app.demo.PartyRoster.HEIR;
import static org.recoup.app.demo.PartyRoster.SPOUSE;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.recoup.app.demo.ContactPoints.ContactPoint;
import org.recoup.app.demo.PartyRoster.Party;

/**
 * The contact history of a {@link GeneratedAccount} over the 30 days before {@code asOf}: reminders for accounts not
 * yet delinquent, collection calls, messages, letters and visits to liable parties, and calls to third parties who
 * may only pass on a message; each through a consented contact point of the party, in chronological order, and nobody
 * is contacted again after refusing contact.
 */
final class ContactHistory {

    private static final String CALL = "CALL";
    private static final String SMS = "SMS";
    private static final String EMAIL_CHANNEL = "EMAIL";
    private static final String LETTER = "LETTER";
    private static final String VISIT = "VISIT";

    private static final String[] LIABLE_CALL_OUTCOMES = {"RIGHT_PARTY", "NO_ANSWER", "VOICEMAIL", "BUSY",
            "NOT_CONNECTED", "THIRD_PARTY", "WRONG_NUMBER", "REFUSED_CONTACT"};
    private static final int[] LIABLE_CALL_WEIGHTS_CN = {26, 32, 4, 9, 13, 7, 5, 4};
    private static final int[] LIABLE_CALL_WEIGHTS_WEST = {24, 24, 16, 7, 12, 7, 6, 4};
    private static final int[] THIRD_CALL_WEIGHTS = {0, 25, 5, 8, 10, 40, 5, 7};
    private static final String[] INCARCERATED_CALL_OUTCOMES = {"NO_ANSWER", "NOT_CONNECTED"};
    private static final String[] MESSAGE_OUTCOMES = {"DELIVERED", "SENT", "FAILED"};
    private static final int[] MESSAGE_WEIGHTS = {70, 20, 10};
    private static final int[] LETTER_WEIGHTS = {35, 60, 5};
    private static final String[] VISIT_OUTCOMES = {"VISITED", "NOT_MET"};

    private static final int MAX_CONTACTS = 16;

    private final AccountTerms terms;
    private final InstalmentSchedule schedule;
    private final PartyRoster roster;
    private final ContactPoints points;
    private final long asOfDay;

    int contactCount;
    private final long[] ctDay = new long[MAX_CONTACTS];
    private final int[] ctSecond = new int[MAX_CONTACTS];
    private final int[] ctParty = new int[MAX_CONTACTS];
    private final int[] ctPoint = new int[MAX_CONTACTS];
    private final String[] ctChannel = new String[MAX_CONTACTS];
    private final String[] ctOutcome = new String[MAX_CONTACTS];
    private final int[] ctOrder = new int[MAX_CONTACTS];

    ContactHistory(AccountTerms terms, InstalmentSchedule schedule, PartyRoster roster, ContactPoints points,
            LocalDate asOf) {
        this.terms = terms;
        this.schedule = schedule;
        this.roster = roster;
        this.points = points;
        this.asOfDay = asOf.toEpochDay();
    }

    void clear() {
        contactCount = 0;
    }

    /** Contact history of the last 30 days before asOf, drawn from the account's contacts stream. Needs the parties. */
    void draw(SplittableRandom r) {
        contactCount = 0;
        int state = terms.state;
        int plannedDpd = terms.plannedDpd;
        int partyCount = roster.partyCount;
        Party[] party = roster.party;
        long end = asOfDay - 1;
        long start = asOfDay - 30;
        int count;
        boolean reminder = state != DELINQUENT;
        switch (state) {
            case REPAID -> count = 0;
            case PRE_DUE, CURRENT -> count = r.nextInt(100) < 30 ? 1 + r.nextInt(2) : 0;
            default -> {
                start = Math.max(start, schedule.due[schedule.anchor].toEpochDay());
                count = plannedDpd <= 30 ? 2 + r.nextInt(7) : plannedDpd <= 90 ? 3 + r.nextInt(10) : 1 + r.nextInt(10);
            }
        }
        if (start > end) {
            count = 0;
        }
        // who can be asked to pay, and who may only be asked to pass on a message
        int[] liable = new int[partyCount + 3]; // the borrower counts four times
        int liableCount = 0;
        int[] third = new int[partyCount];
        int thirdCount = 0;
        boolean deceased = party[0].deceased;
        for (int i = 0; i < partyCount; i++) {
            Party p = party[i];
            if (p.deceased) {
                continue;
            }
            switch (p.role) {
                case BORROWER -> {
                    for (int w = 0; w < 4; w++) {
                        liable[liableCount++] = i;
                    }
                }
                case CO_BORROWER, GUARANTOR, HEIR -> liable[liableCount++] = i;
                case SPOUSE -> {
                    if (deceased) {
                        liable[liableCount++] = i;
                    } else {
                        third[thirdCount++] = i;
                    }
                }
                default -> third[thirdCount++] = i;
            }
        }
        int n = 0;
        for (int c = 0; c < count && n < MAX_CONTACTS; c++) {
            long day = start + r.nextLong(end - start + 1);
            boolean toThird = !reminder && thirdCount > 0 && (liableCount == 0 || r.nextInt(100) < 15);
            if (!toThird && liableCount == 0) {
                continue;
            }
            int pi = toThird ? third[r.nextInt(thirdCount)] : reminder ? 0 : liable[r.nextInt(liableCount)];
            Party p = party[pi];
            String channel;
            if (reminder) {
                channel = r.nextInt(100) < 70 ? SMS : EMAIL_CHANNEL;
            } else if (toThird) {
                channel = r.nextInt(100) < 90 ? CALL : SMS;
            } else {
                int u = r.nextInt(100);
                channel = u < 55 ? CALL : u < 80 ? SMS : u < 88 ? EMAIL_CHANNEL : u < 95 ? LETTER : VISIT;
                if (channel == LETTER && plannedDpd < 15) {
                    channel = SMS;
                }
                if (channel == VISIT && plannedDpd < 30) {
                    channel = CALL;
                }
            }
            int cp = pointFor(r, pi, channel);
            if (cp < 0 && channel != LETTER && channel != VISIT && !toThird && !reminder) {
                channel = LETTER;
                cp = pointFor(r, pi, channel);
            }
            if (cp < 0) {
                continue;
            }
            String outcome;
            switch (channel) {
                case CALL -> {
                    if (p.incarcerated) {
                        outcome = INCARCERATED_CALL_OUTCOMES[r.nextInt(2)];
                    } else {
                        int[] w = toThird ? THIRD_CALL_WEIGHTS
                                : terms.jurisdiction == CN ? LIABLE_CALL_WEIGHTS_CN : LIABLE_CALL_WEIGHTS_WEST;
                        outcome = LIABLE_CALL_OUTCOMES[weighted(r, w)];
                    }
                }
                case SMS, EMAIL_CHANNEL -> outcome = MESSAGE_OUTCOMES[weighted(r, MESSAGE_WEIGHTS)];
                case LETTER -> outcome = MESSAGE_OUTCOMES[weighted(r, LETTER_WEIGHTS)];
                default -> outcome = VISIT_OUTCOMES[r.nextInt(100) < 55 ? 0 : 1];
            }
            boolean office = channel == LETTER || channel == VISIT;
            ctDay[n] = day;
            ctSecond[n] = (office ? 10 + r.nextInt(7) : 9 + r.nextInt(11)) * 3600 + r.nextInt(3600);
            ctParty[n] = pi;
            ctPoint[n] = cp;
            ctChannel[n] = channel;
            ctOutcome[n] = outcome;
            n++;
        }
        // chronological order; nobody is contacted again after refusing contact
        for (int i = 0; i < n; i++) {
            ctOrder[i] = i;
        }
        for (int i = 1; i < n; i++) {
            int x = ctOrder[i];
            int j = i - 1;
            while (j >= 0 && later(ctOrder[j], x)) {
                ctOrder[j + 1] = ctOrder[j];
                j--;
            }
            ctOrder[j + 1] = x;
        }
        int refused = 0; // bit set of party indexes
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int x = ctOrder[i];
            int bit = 1 << ctParty[x];
            if ((refused & bit) != 0) {
                continue;
            }
            if (ctOutcome[x].equals("REFUSED_CONTACT")) {
                refused |= bit;
            }
            ctOrder[kept++] = x;
        }
        contactCount = kept;
    }

    /** Forgets the contacts at or after ({@code day}, {@code secondOfDay}) (a lost-contact story replaces them). */
    void cutAt(long day, int secondOfDay) {
        int kept = 0;
        while (kept < contactCount) {
            int x = ctOrder[kept];
            if (ctDay[x] > day || (ctDay[x] == day && ctSecond[x] >= secondOfDay)) {
                break;
            }
            kept++;
        }
        contactCount = kept;
    }

    private boolean later(int a, int b) {
        return ctDay[a] > ctDay[b] || (ctDay[a] == ctDay[b] && ctSecond[a] > ctSecond[b]);
    }

    /** A usable contact point of party {@code pi} for the channel (consent given), or -1. */
    private int pointFor(SplittableRandom r, int pi, String channel) {
        int found = -1;
        int seen = 0;
        for (int i = 0; i < points.contactPointCount; i++) {
            ContactPoint cp = points.contactPoint[i];
            if (cp.partyIndex != pi || !cp.consent) {
                continue;
            }
            String t = cp.type;
            boolean fits = switch (channel) {
                case CALL -> t == MOBILE || t == HOME_PHONE || t == WORK_PHONE;
                case SMS -> t == MOBILE;
                case EMAIL_CHANNEL -> t == EMAIL;
                default -> t == ADDRESS;
            };
            if (fits && r.nextInt(++seen) == 0) { // reservoir pick
                found = i;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------------ writing

    void write(CsvSink s, String num, String accountId) throws IOException {
        Party[] party = roster.party;
        for (int i = 0; i < contactCount; i++) {
            int x = ctOrder[i];
            Party p = party[ctParty[x]];
            LocalDate day = LocalDate.ofEpochDay(ctDay[x]);
            String zone = p.region.zone();
            s.id("CT-", num, i + 1, true).raw(accountId).id("P-", num, p.ordinal, false)
                    .id("CP-", num, points.contactPoint[ctPoint[x]].seq, true)
                    .raw(ctChannel[x]).instant(day, ctSecond[x], GeneratedAccount.offsetId(zone, day, ctSecond[x]))
                    .raw(ctOutcome[x]).empty(); // disposition: only the stories of PromiseHistory carry one
            s.endRow();
        }
    }
}

package org.recoup.app.demo;

import static org.recoup.app.demo.DemoTables.CN;
import static org.recoup.app.demo.DemoTables.UK;
import static org.recoup.app.demo.DemoTables.US;
import static org.recoup.app.demo.DemoTables.weighted;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.SplittableRandom;
import org.recoup.app.demo.DemoTables.Community;
import org.recoup.app.demo.DemoTables.Region;

/**
 * One generated account with everything that hangs off it, rebuilt in place for each account index (a reusable
 * scratch object: the generator holds one account in memory at a time).
 *
 * <p>Each account draws from its own random streams, seeded from (seed, account index, section), so an account's
 * content never depends on how many accounts are generated nor on which files are being written. The sections are
 * {@link #core} (product, amounts, schedule, the borrower's place and status), {@link #parties} (parties, roles,
 * contact points), {@link #payments} and {@link #contacts}; a later section may read an earlier one.
 *
 * <p>The delinquency is chosen first and the schedule is built around it: a target state (repaid, pre-due, current
 * or delinquent with a days-past-due figure drawn from a skewed distribution) fixes the due date of the oldest unpaid
 * instalment (the "anchor"); earlier instalments are paid (on the due date, early, late or in two parts), the anchor is
 * unpaid or partly paid (30–70%), later ones are unpaid. Late payments add an upper estimate of the penalty accrued
 * meanwhile, so the instalment counts as paid whichever order the allocation waterfall uses within an instalment.
 * Every payment is dated before {@code asOf}, between 09:00 and 20:00 (US: 16:00) in the borrower's zone, so its
 * local date is the same in the borrower's zone, the jurisdiction's zone and UTC.
 */
final class GeneratedAccount {

    static final int CONSUMER_LOAN = 0;
    static final int CREDIT_CARD = 1;
    static final int B2B_RECEIVABLE = 2;
    static final int PROPERTY_FEE = 3;
    static final String[] PRODUCTS = {"CONSUMER_LOAN", "CREDIT_CARD", "B2B_RECEIVABLE", "PROPERTY_FEE"};

    static final int REPAID = 0;
    static final int PRE_DUE = 1;
    static final int CURRENT = 2;
    static final int DELINQUENT = 3;

    static final int FLAG_NONE = 0;
    static final int FLAG_DECEASED = 1;
    static final int FLAG_BANKRUPT = 2;
    static final int FLAG_INCARCERATED = 3;

    private static final byte ON_DUE = 0;
    private static final byte EARLY = 1;
    private static final byte LATE = 2;
    private static final byte SPLIT = 3;

    static final String BORROWER = "BORROWER";
    static final String CO_BORROWER = "CO_BORROWER";
    static final String GUARANTOR = "GUARANTOR";
    static final String SPOUSE = "SPOUSE";
    static final String HEIR = "HEIR";
    static final String EMERGENCY_CONTACT = "EMERGENCY_CONTACT";
    static final String EMPLOYER = "EMPLOYER";

    static final String MOBILE = "MOBILE";
    static final String HOME_PHONE = "HOME_PHONE";
    static final String WORK_PHONE = "WORK_PHONE";
    static final String EMAIL = "EMAIL";
    static final String ADDRESS = "ADDRESS";

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

    private static final char[] USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray();
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private static final int MAX_INSTALLMENTS = 40;
    private static final int MAX_PAYMENTS = 100;
    private static final int MAX_PARTIES = 10;
    private static final int MAX_CONTACT_POINTS = 48;
    private static final int MAX_CONTACTS = 16;

    private final long seed;
    private final LocalDate asOf;
    private final long asOfDay;

    // identity
    int index;
    String num;
    String accountId;

    // core
    int product;
    int jurisdiction;
    Region region;
    Community community;
    String currency;
    long principal;
    LocalDate openDate;
    /** Penalty rate per day in units of 1/10,000 (5 = 0.0005); 0 = none. */
    int penaltyPerTenThousand;
    /** Minor units; -1 = none. */
    long penaltyCap;
    int graceDays;
    String portfolio;
    String creditor;
    int state;
    /** Days from the anchor's due date to asOf when delinquent (before grace); 0 otherwise. */
    int plannedDpd;
    int borrowerFlag;
    boolean borrowerCompany;
    private int periodMonths;
    int installmentCount;
    /** Index of the oldest unpaid instalment (== installmentCount when all are paid). */
    int anchor;
    final LocalDate[] due = new LocalDate[MAX_INSTALLMENTS];
    final long[] principalDue = new long[MAX_INSTALLMENTS];
    final long[] interestDue = new long[MAX_INSTALLMENTS];
    final long[] feeDue = new long[MAX_INSTALLMENTS];
    private final byte[] timing = new byte[MAX_INSTALLMENTS];
    private final int[] timingDays = new int[MAX_INSTALLMENTS];
    private final int[] splitPercent = new int[MAX_INSTALLMENTS];

    // parties
    int partyCount;
    final Party[] party = new Party[MAX_PARTIES];
    int contactPointCount;
    final ContactPoint[] contactPoint = new ContactPoint[MAX_CONTACT_POINTS];

    // payments
    int paymentCount;
    private final long[] payDay = new long[MAX_PAYMENTS];
    private final int[] paySecond = new int[MAX_PAYMENTS];
    private final long[] payAmount = new long[MAX_PAYMENTS];
    private final int[] payChannel = new int[MAX_PAYMENTS];
    private final int[] payReference = new int[MAX_PAYMENTS];

    // contacts
    int contactCount;
    private final long[] ctDay = new long[MAX_CONTACTS];
    private final int[] ctSecond = new int[MAX_CONTACTS];
    private final int[] ctParty = new int[MAX_CONTACTS];
    private final int[] ctPoint = new int[MAX_CONTACTS];
    private final String[] ctChannel = new String[MAX_CONTACTS];
    private final String[] ctOutcome = new String[MAX_CONTACTS];
    private final int[] ctOrder = new int[MAX_CONTACTS];

    GeneratedAccount(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
        this.asOfDay = asOf.toEpochDay();
        for (int i = 0; i < MAX_PARTIES; i++) {
            party[i] = new Party();
        }
        for (int i = 0; i < MAX_CONTACT_POINTS; i++) {
            contactPoint[i] = new ContactPoint();
        }
    }

    /** A party of the current account; {@code ordinal} makes its id. */
    static final class Party {
        int ordinal;
        String role;
        boolean company;
        String name;
        String idNumber;
        char gender;
        LocalDate birthDate;
        int occupation;
        Region region;
        boolean deceased;
        boolean bankrupt;
        boolean incarcerated;
        // name parts kept for relatives and e-mail addresses
        int familyIndex;
        String emailLocal;
    }

    static final class ContactPoint {
        int seq;
        int partyIndex;
        String type;
        String value;
        boolean consent;
        String zone;
    }

    // ------------------------------------------------------------------------------------------------------ seeding

    private SplittableRandom rng(int section) {
        long h = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + section * 0x165667B19E3779F9L;
        return new SplittableRandom(fmix(fmix(h) ^ seed));
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    // --------------------------------------------------------------------------------------------------------- core

    /** Product, place, status of the borrower, target delinquency and the schedule of account {@code index} (1-based). */
    void core(int index) {
        this.index = index;
        this.num = pad6(index);
        this.accountId = "L-" + num;
        partyCount = 0;
        contactPointCount = 0;
        paymentCount = 0;
        contactCount = 0;
        SplittableRandom r = rng(1);

        double u = r.nextDouble();
        product = u < 0.55 ? CONSUMER_LOAN : u < 0.80 ? CREDIT_CARD : u < 0.90 ? B2B_RECEIVABLE : PROPERTY_FEE;
        u = r.nextDouble();
        jurisdiction = u < 0.84 ? CN : u < 0.94 ? US : UK;
        currency = DemoTables.CURRENCIES[jurisdiction];
        if (product == PROPERTY_FEE) {
            int[] options = jurisdiction == CN ? DemoTables.CN_COMMUNITIES
                    : jurisdiction == US ? DemoTables.US_COMMUNITIES : DemoTables.UK_COMMUNITIES;
            community = DemoTables.COMMUNITIES[options[r.nextInt(options.length)]];
            region = community.region();
        } else {
            community = null;
            region = pickRegion(r, jurisdiction);
        }
        borrowerCompany = product == B2B_RECEIVABLE;
        u = r.nextDouble();
        if (borrowerCompany) {
            borrowerFlag = u < 0.02 ? FLAG_BANKRUPT : FLAG_NONE;
        } else {
            borrowerFlag = u < 0.012 ? FLAG_DECEASED : u < 0.022 ? FLAG_BANKRUPT : u < 0.028 ? FLAG_INCARCERATED : FLAG_NONE;
        }
        drawState(r);

        switch (product) {
            case CONSUMER_LOAN -> consumerLoan(r);
            case CREDIT_CARD -> creditCard(r);
            case B2B_RECEIVABLE -> receivable(r);
            default -> propertyFee(r);
        }
        if (community != null) {
            portfolio = community.portfolio();
            creditor = community.creditor();
        } else {
            portfolio = portfolioName();
            creditor = DemoTables.CREDITORS[jurisdiction][product];
        }
    }

    /** The days past due the engine should report (contract §3 defaults). */
    int expectedDpd() {
        return state == DELINQUENT && plannedDpd > graceDays ? plannedDpd : 0;
    }

    private static Region pickRegion(SplittableRandom r, int jurisdiction) {
        return switch (jurisdiction) {
            case CN -> r.nextInt(100) < 8 ? DemoTables.CN_WEST[r.nextInt(DemoTables.CN_WEST.length)]
                    : DemoTables.CN_EAST[(int) (DemoTables.CN_EAST.length * Math.pow(r.nextDouble(), 1.4))];
            case US -> r.nextInt(100) < 30 ? DemoTables.US_WEST[r.nextInt(DemoTables.US_WEST.length)]
                    : DemoTables.US_EAST[r.nextInt(DemoTables.US_EAST.length)];
            default -> DemoTables.UK_ALL[r.nextInt(DemoTables.UK_ALL.length)];
        };
    }

    private String portfolioName() {
        if (jurisdiction == CN) {
            return switch (product) {
                case CONSUMER_LOAN -> region.zone().equals(DemoTables.URUMQI) ? "consumer-west"
                        : (region.code().startsWith("44") || region.code().startsWith("35")) ? "consumer-south"
                        : "consumer-east";
                case CREDIT_CARD -> "cards";
                default -> "dealers";
            };
        }
        String prefix = jurisdiction == US ? "us-" : "uk-";
        return switch (product) {
            case CONSUMER_LOAN -> prefix + "consumer";
            case CREDIT_CARD -> prefix + "cards";
            default -> prefix + "trade";
        };
    }

    private void drawState(SplittableRandom r) {
        int bucket;
        if (borrowerFlag != FLAG_NONE) {
            state = DELINQUENT;
            bucket = 2 + weighted(r, new int[] {17, 11, 8, 6, 6, 14});
        } else {
            double u = r.nextDouble();
            if (u < 0.04) {
                state = REPAID;
            } else if (u < 0.10) {
                state = PRE_DUE;
            } else if (u < 0.40) {
                state = CURRENT;
            } else {
                state = DELINQUENT;
            }
            bucket = state == DELINQUENT ? 1 + weighted(r, BUCKET_WEIGHTS) : 0;
        }
        if (state != DELINQUENT) {
            plannedDpd = 0;
        } else if (bucket == 1) {
            plannedDpd = 1 + (int) (30 * Math.pow(r.nextDouble(), 1.6));
        } else if (bucket <= 6) {
            plannedDpd = (bucket - 1) * 30 + 1 + r.nextInt(30);
        } else {
            double u = r.nextDouble();
            plannedDpd = u < 0.55 ? 181 + r.nextInt(185)
                    : u < 0.80 ? 366 + r.nextInt(365)
                    : u < 0.92 ? 731 + r.nextInt(730)
                    : 1461 + r.nextInt(740);
        }
    }

    /** Relative weights of M1..M6+ among delinquent accounts. */
    private static final int[] BUCKET_WEIGHTS = {480, 160, 100, 70, 55, 45, 90};

    /** Due date of the anchor instalment for the drawn state; {@code maxAhead} bounds a current account's next due. */
    private LocalDate anchorDate(SplittableRandom r, int maxAhead) {
        return switch (state) {
            case DELINQUENT -> asOf.minusDays(plannedDpd);
            case PRE_DUE -> asOf.plusDays(1);
            case CURRENT -> asOf.plusDays(r.nextInt(100) < 15 ? 0 : 2 + r.nextInt(maxAhead - 1));
            default -> asOf.minusDays(1 + r.nextInt(365));
        };
    }

    /** Fills due dates around the anchor: instalment {@code at} falls due on {@code date}. */
    private void dates(int n, int at, LocalDate date) {
        installmentCount = n;
        for (int j = 0; j < n; j++) {
            due[j] = date.plusMonths((long) (j - at) * periodMonths);
        }
    }

    private void consumerLoan(SplittableRandom r) {
        periodMonths = 1;
        long units = amount(r, jurisdiction == CN ? 3_000 : jurisdiction == US ? 1_000 : 500,
                jurisdiction == CN ? 200_000 : jurisdiction == US ? 40_000 : 25_000,
                jurisdiction == CN ? 1_000 : jurisdiction == US ? 500 : 250);
        principal = units * 100;
        int rateBp = 720 + r.nextInt(1681);
        graceDays = new int[] {0, 0, 0, 3, 3, 5}[r.nextInt(6)];
        penaltyPerTenThousand = 5;
        penaltyCap = Math.max(10_000, principal / 6 / 10_000 * 10_000);
        int n = 12;
        int k = switch (state) {
            case REPAID -> n;
            case DELINQUENT -> r.nextInt(100) < 12 ? 0 : 1 + r.nextInt(11);
            default -> r.nextInt(n);
        };
        anchor = k;
        dates(n, Math.min(k, n - 1), anchorDate(r, 27));
        openDate = due[0].minusMonths(1);
        drawTiming(r, new int[] {45, 25, 20, 10});
        long base = principal / n;
        long remaining = principal;
        for (int j = 0; j < n; j++) {
            long p = j == n - 1 ? remaining : base;
            principalDue[j] = p;
            interestDue[j] = (remaining * rateBp + 60_000) / 120_000;
            feeDue[j] = 0;
            remaining -= p;
        }
    }

    private void creditCard(SplittableRandom r) {
        periodMonths = 1;
        long units = amount(r, jurisdiction == CN ? 2_000 : jurisdiction == US ? 500 : 300,
                jurisdiction == CN ? 80_000 : jurisdiction == US ? 15_000 : 10_000,
                jurisdiction == CN ? 100 : 50);
        principal = units * 100;
        graceDays = new int[] {0, 0, 0, 3}[r.nextInt(4)];
        penaltyPerTenThousand = 0;
        penaltyCap = -1;
        int minPercent = 5 + r.nextInt(6);
        long annualFee = switch (jurisdiction) {
            case CN -> r.nextInt(100) < 40 ? 20_000 : 0;
            case US -> r.nextInt(100) < 30 ? 9_500 : 0;
            default -> 0;
        };
        long lateFee = jurisdiction == CN ? 5_000 : jurisdiction == US ? 2_900 : 1_200;
        int k;
        int n;
        if (state == REPAID) {
            n = 3 + r.nextInt(16);
            k = n;
            anchor = n;
            dates(n, n - 1, anchorDate(r, 27));
        } else {
            k = state == DELINQUENT ? (r.nextInt(100) < 8 ? 0 : 1 + r.nextInt(18)) : r.nextInt(19);
            LocalDate a = anchorDate(r, 27);
            long horizon = asOfDay + 25;
            n = k + 1;
            // statements keep coming monthly after a missed one until charge-off (six more at most)
            while (n < k + 7 && a.plusMonths(n - k).toEpochDay() <= horizon) {
                n++;
            }
            anchor = k;
            dates(n, k, a);
        }
        openDate = due[0].minusMonths(1).minusDays(20);
        drawTiming(r, new int[] {50, 20, 20, 10});
        long minimum = principal * minPercent / 100 / 100 * 100;
        for (int j = 0; j < n; j++) {
            principalDue[j] = minimum;
            interestDue[j] = principal * 15 * (60 + r.nextInt(41)) / 100_000;
            long fees = annualFee > 0 && j % 12 == 0 ? annualFee : 0;
            if (j > k || (j > 0 && j <= k && timing[j - 1] == LATE)) {
                fees += lateFee;
            }
            feeDue[j] = fees;
        }
    }

    private void receivable(SplittableRandom r) {
        periodMonths = 1;
        int terms = new int[] {30, 45, 60}[r.nextInt(3)];
        graceDays = new int[] {0, 15, 30, 30}[r.nextInt(4)];
        penaltyPerTenThousand = 0;
        penaltyCap = -1;
        long baseUnits = amount(r, jurisdiction == CN ? 5_000 : jurisdiction == US ? 2_000 : 1_500,
                jurisdiction == CN ? 300_000 : jurisdiction == US ? 120_000 : 90_000, 100);
        int k;
        int n;
        if (state == REPAID) {
            n = 1 + r.nextInt(5);
            k = n;
            anchor = n;
            dates(n, n - 1, anchorDate(r, 27));
        } else {
            k = state == DELINQUENT ? r.nextInt(4) : r.nextInt(5);
            LocalDate a = anchorDate(r, 27);
            long horizon = asOfDay + terms; // invoices issued by asOf
            n = k + 1;
            while (n < k + 3 && a.plusMonths(n - k).toEpochDay() <= horizon) {
                n++;
            }
            anchor = k;
            dates(n, k, a);
        }
        openDate = due[0].minusDays(terms);
        drawTiming(r, new int[] {25, 15, 45, 15});
        principal = 0;
        for (int j = 0; j < n; j++) {
            long invoice = baseUnits * (70 + r.nextInt(61)) + r.nextInt(100);
            principalDue[j] = invoice;
            interestDue[j] = 0;
            feeDue[j] = 0;
            principal += invoice;
        }
    }

    private void propertyFee(SplittableRandom r) {
        boolean quarterly = jurisdiction == UK ? r.nextInt(100) < 80 : r.nextInt(100) < 25;
        periodMonths = quarterly ? 3 : 1;
        int n = quarterly ? 4 : 12;
        long monthly = switch (jurisdiction) {
            case CN -> (long) (60 + r.nextInt(121)) * (150 + r.nextInt(451)); // m² × fen per m² per month
            case US -> (150 + r.nextInt(451)) * 100L;
            default -> (100 + r.nextInt(401)) * 100L;
        };
        long fee = monthly * periodMonths;
        principal = fee * n;
        graceDays = 0;
        penaltyPerTenThousand = 10;
        penaltyCap = -1;
        int k = switch (state) {
            case REPAID -> n;
            default -> r.nextInt(n);
        };
        anchor = k;
        dates(n, Math.min(k, n - 1), anchorDate(r, quarterly ? 80 : 27));
        openDate = due[0].minusMonths(periodMonths);
        drawTiming(r, new int[] {45, 25, 20, 10});
        for (int j = 0; j < n; j++) {
            principalDue[j] = fee;
            interestDue[j] = 0;
            feeDue[j] = 0;
        }
    }

    /** How each paid instalment was paid: on the due date, early, late or in two parts. */
    private void drawTiming(SplittableRandom r, int[] weights) {
        for (int j = 0; j < anchor; j++) {
            byte t = (byte) weighted(r, weights);
            timing[j] = t;
            timingDays[j] = switch (t) {
                case EARLY -> 1 + r.nextInt(5);
                case LATE -> 1 + r.nextInt(20);
                case SPLIT -> r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(20);
                default -> 0;
            };
            splitPercent[j] = t == SPLIT ? 30 + r.nextInt(41) : 0;
        }
    }

    /** A log-uniform amount in whole currency units between lo and hi, rounded to {@code step}. */
    private static long amount(SplittableRandom r, long lo, long hi, long step) {
        double v = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return Math.max(lo, Math.round(v / step) * step);
    }

    // ------------------------------------------------------------------------------------------------------ parties

    /** The borrower and the other parties of the account, with their contact points. Needs {@link #core}. */
    void parties() {
        SplittableRandom r = rng(2);
        partyCount = 0;
        contactPointCount = 0;
        Party b = newParty(BORROWER);
        if (borrowerCompany) {
            company(r, b, region, false);
            b.bankrupt = borrowerFlag == FLAG_BANKRUPT;
        } else {
            int occupation = product == PROPERTY_FEE && r.nextInt(100) < 20 ? DemoTables.RETIREE : -1;
            person(r, b, region, -1, occupation, -1);
            b.deceased = borrowerFlag == FLAG_DECEASED;
            b.bankrupt = borrowerFlag == FLAG_BANKRUPT;
            b.incarcerated = borrowerFlag == FLAG_INCARCERATED;
        }
        borrowerContactPoints(r, b);

        if (borrowerCompany) {
            if (r.nextInt(100) < 70) { // the owner guarantees the dealer's debt
                Party g = newParty(GUARANTOR);
                person(r, g, region, -1, DemoTables.SME_OWNER, -1);
                otherFlags(r, g);
                relativeContactPoints(r, g, true);
            }
            return;
        }
        boolean deceased = b.deceased;
        int coBorrowerChance = product == CONSUMER_LOAN ? 10 : product == PROPERTY_FEE ? 15 : 0;
        boolean spouseTaken = false;
        if (r.nextInt(100) < coBorrowerChance) {
            Party c = newParty(CO_BORROWER);
            boolean isSpouse = r.nextInt(100) < 70;
            person(r, c, region, isSpouse ? opposite(b.gender) : -1, -1, -1);
            if (isSpouse) {
                marry(r, b, c);
                spouseTaken = true;
            }
            otherFlags(r, c);
            relativeContactPoints(r, c, true);
        }
        int guarantorChance = product == CONSUMER_LOAN ? 12 : product == CREDIT_CARD ? 2 : 0;
        if (r.nextInt(100) < guarantorChance) {
            Party g = newParty(GUARANTOR);
            person(r, g, r.nextInt(100) < 80 ? region : pickRegion(r, jurisdiction), -1, -1, -1);
            otherFlags(r, g);
            relativeContactPoints(r, g, true);
        }
        if (!spouseTaken && r.nextInt(100) < (deceased ? 50 : 12)) {
            Party s = newParty(SPOUSE);
            person(r, s, region, opposite(b.gender), -1, -1);
            marry(r, b, s);
            relativeContactPoints(r, s, false);
        }
        if (deceased && r.nextInt(100) < 75) {
            int heirs = r.nextInt(100) < 25 ? 2 : 1;
            for (int h = 0; h < heirs; h++) {
                Party heir = newParty(HEIR);
                person(r, heir, r.nextInt(100) < 70 ? region : pickRegion(r, jurisdiction), -1, -1, b.familyIndex);
                relativeContactPoints(r, heir, true);
            }
        }
        int emergencyChance = product == CONSUMER_LOAN ? 50 : product == CREDIT_CARD ? 40 : 5;
        if (r.nextInt(100) < emergencyChance) {
            Party e = newParty(EMERGENCY_CONTACT);
            person(r, e, r.nextInt(100) < 70 ? region : pickRegion(r, jurisdiction), -1, -1, -1);
            addPhone(r, e, MOBILE);
        }
        if ((product == CONSUMER_LOAN || product == CREDIT_CARD)
                && (b.occupation == DemoTables.WHITE_COLLAR || b.occupation == DemoTables.WORKER)
                && r.nextInt(100) < 15) {
            Party w = newParty(EMPLOYER);
            company(r, w, region, true);
            addPhone(r, w, WORK_PHONE);
            if (r.nextInt(100) < 60) {
                addAddress(r, w);
            }
        }
    }

    private Party newParty(String role) {
        Party p = party[partyCount];
        p.ordinal = ++partyCount;
        p.role = role;
        p.company = false;
        p.idNumber = null;
        p.birthDate = null;
        p.occupation = -1;
        p.deceased = false;
        p.bankrupt = false;
        p.incarcerated = false;
        p.familyIndex = -1;
        p.emailLocal = null;
        return p;
    }

    private static int opposite(char gender) {
        return gender == 'M' ? 'F' : gender == 'F' ? 'M' : -1;
    }

    /** US/UK spouses usually share the family name; Chinese spouses keep their own. */
    private void marry(SplittableRandom r, Party a, Party b) {
        if (jurisdiction != CN && a.familyIndex >= 0 && r.nextInt(100) < 70) {
            int space = b.name.indexOf(' ');
            String first = space > 0 ? b.name.substring(0, space) : b.name;
            b.familyIndex = a.familyIndex;
            b.name = first + " " + DemoTables.EN_LAST[a.familyIndex];
            b.emailLocal = emailLocalEn(r, first, DemoTables.EN_LAST[a.familyIndex]);
        }
    }

    private void otherFlags(SplittableRandom r, Party p) {
        int u = r.nextInt(1000);
        p.deceased = u < 4;
        p.bankrupt = u >= 4 && u < 7;
        p.incarcerated = u >= 7 && u < 9;
    }

    /**
     * A natural person. {@code gender} 'M'/'F' or -1 for random, {@code occupation} index or -1 for random,
     * {@code family} index of a family name to share (heirs) or -1.
     */
    private void person(SplittableRandom r, Party p, Region place, int gender, int occupation, int family) {
        p.company = false;
        p.region = place;
        char g;
        if (gender == 'M' || gender == 'F') {
            g = (char) gender;
        } else {
            int u = r.nextInt(100);
            g = u < 1 ? 'U' : u < 51 ? 'M' : 'F';
        }
        p.gender = g;
        boolean male = g == 'M' || (g == 'U' && r.nextBoolean());
        int occ = occupation >= 0 ? occupation : weighted(r, DemoTables.OCCUPATION_WEIGHTS);
        p.occupation = occ;
        int age = switch (occ) {
            case DemoTables.STUDENT -> 18 + r.nextInt(7);
            case DemoTables.RETIREE -> 60 + r.nextInt(20);
            default -> 22 + r.nextInt(38);
        };
        if (family >= 0 && p.role.equals(HEIR)) {
            age = Math.min(age, 22 + r.nextInt(25)); // a child of the deceased
        }
        p.birthDate = asOf.minusYears(age).minusDays(r.nextInt(365));
        if (place.jurisdiction() == CN) {
            if (place.zone().equals(DemoTables.URUMQI) && family < 0 && r.nextInt(100) < 40) {
                String[] given = male ? DemoTables.UY_GIVEN_M : DemoTables.UY_GIVEN_F;
                String[] pinyin = male ? DemoTables.UY_GIVEN_M_PINYIN : DemoTables.UY_GIVEN_F_PINYIN;
                int gi = r.nextInt(given.length);
                p.name = given[gi] + "·" + DemoTables.UY_FATHER[r.nextInt(DemoTables.UY_FATHER.length)];
                p.familyIndex = -1;
                p.emailLocal = pinyin[gi] + twoDigits(r);
            } else {
                int fi = family >= 0 ? family
                        : (int) (DemoTables.CN_FAMILY.length * Math.pow(r.nextDouble(), 1.8));
                String[] given = male ? DemoTables.CN_GIVEN_M : DemoTables.CN_GIVEN_F;
                String[] pinyin = male ? DemoTables.CN_GIVEN_M_PINYIN : DemoTables.CN_GIVEN_F_PINYIN;
                int g1 = r.nextInt(given.length);
                String name = DemoTables.CN_FAMILY[fi] + given[g1];
                String py = pinyin[g1];
                if (r.nextInt(100) < 65) {
                    int g2 = r.nextInt(given.length);
                    name += given[g2];
                    py += pinyin[g2];
                }
                p.name = name;
                p.familyIndex = fi;
                p.emailLocal = py + "." + DemoTables.CN_FAMILY_PINYIN[fi] + twoDigits(r);
            }
            p.idNumber = residentId(r, place.code(), p.birthDate, g);
        } else {
            String[] firsts = male ? DemoTables.EN_FIRST_M : DemoTables.EN_FIRST_F;
            String first = firsts[r.nextInt(firsts.length)];
            int li = family >= 0 ? family : r.nextInt(DemoTables.EN_LAST.length);
            p.name = first + " " + DemoTables.EN_LAST[li];
            p.familyIndex = li;
            p.emailLocal = emailLocalEn(r, first, DemoTables.EN_LAST[li]);
            p.idNumber = null;
        }
    }

    private static String emailLocalEn(SplittableRandom r, String first, String last) {
        return first.toLowerCase(java.util.Locale.ROOT) + "." + last.replace("'", "").toLowerCase(java.util.Locale.ROOT)
                + twoDigits(r);
    }

    private static String twoDigits(SplittableRandom r) {
        int v = r.nextInt(100);
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** A company: a dealer (B2B debtor) or an employer. */
    private void company(SplittableRandom r, Party p, Region place, boolean employer) {
        p.company = true;
        p.region = place;
        p.gender = 'U';
        p.birthDate = null;
        p.occupation = -1;
        if (place.jurisdiction() == CN) {
            int bi = r.nextInt(DemoTables.CN_BRANDS.length);
            String[] trades = employer ? DemoTables.CN_EMPLOYER_TRADES : DemoTables.CN_TRADES;
            p.name = place.name() + DemoTables.CN_BRANDS[bi] + trades[r.nextInt(trades.length)] + "有限公司";
            p.emailLocal = DemoTables.CN_BRANDS_PINYIN[bi] + "-" + place.code();
            p.idNumber = creditCode(r, place.code());
        } else {
            String last = DemoTables.EN_LAST[r.nextInt(DemoTables.EN_LAST.length)];
            String[] trades = employer ? DemoTables.EN_EMPLOYER_TRADES : DemoTables.EN_TRADES;
            String trade = trades[r.nextInt(trades.length)];
            if (!employer && r.nextInt(100) < 15) {
                String other = DemoTables.EN_LAST[r.nextInt(DemoTables.EN_LAST.length)];
                p.name = last + ", " + other + " & Co.";
            } else if (place.jurisdiction() == US) {
                p.name = last + " " + trade + (r.nextBoolean() ? " Inc." : " LLC");
            } else {
                p.name = last + " " + trade + " Ltd";
            }
            p.emailLocal = last.replace("'", "").toLowerCase(java.util.Locale.ROOT) + "-"
                    + trade.toLowerCase(java.util.Locale.ROOT);
            p.idNumber = null;
        }
    }

    /** 18-character resident identity number with its ISO 7064 check character. */
    private static String residentId(SplittableRandom r, String area, LocalDate birth, char gender) {
        char[] c = new char[18];
        area.getChars(0, 6, c, 0);
        int y = birth.getYear();
        int m = birth.getMonthValue();
        int d = birth.getDayOfMonth();
        c[6] = (char) ('0' + y / 1000);
        c[7] = (char) ('0' + y / 100 % 10);
        c[8] = (char) ('0' + y / 10 % 10);
        c[9] = (char) ('0' + y % 10);
        c[10] = (char) ('0' + m / 10);
        c[11] = (char) ('0' + m % 10);
        c[12] = (char) ('0' + d / 10);
        c[13] = (char) ('0' + d % 10);
        c[14] = (char) ('0' + r.nextInt(10));
        c[15] = (char) ('0' + r.nextInt(10));
        int sexDigit = r.nextInt(5) * 2; // even = female
        if (gender == 'M' || (gender == 'U' && r.nextBoolean())) {
            sexDigit++;
        }
        c[16] = (char) ('0' + sexDigit);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (c[i] - '0') * ID_WEIGHTS[i];
        }
        c[17] = ID_CHECK[sum % 11];
        return new String(c);
    }

    /** 18-character unified social credit code (统一社会信用代码) with its check character. */
    private static String creditCode(SplittableRandom r, String area) {
        char[] c = new char[18];
        c[0] = '9';
        c[1] = '1';
        area.getChars(0, 6, c, 2);
        for (int i = 8; i < 17; i++) {
            c[i] = USCC_CHARS[r.nextInt(USCC_CHARS.length)];
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += indexOf(c[i]) * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        c[17] = USCC_CHARS[check == 31 ? 0 : check];
        return new String(c);
    }

    private static int indexOf(char ch) {
        for (int i = 0; i < USCC_CHARS.length; i++) {
            if (USCC_CHARS[i] == ch) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.valueOf(ch));
    }

    // ------------------------------------------------------------------------------------------------ contact points

    private void borrowerContactPoints(SplittableRandom r, Party b) {
        if (b.company) {
            addPhone(r, b, WORK_PHONE);
            if (r.nextInt(100) < 30) {
                addPhone(r, b, MOBILE);
            }
            if (r.nextInt(100) < 70) {
                addEmail(r, b);
            }
            addAddress(r, b);
            return;
        }
        if (r.nextInt(100) < 97) {
            addPhone(r, b, MOBILE);
            if (r.nextInt(100) < 10) {
                addPhone(r, b, MOBILE);
            }
        }
        if (r.nextInt(100) < 25) {
            addPhone(r, b, HOME_PHONE);
        }
        if ((b.occupation == DemoTables.WHITE_COLLAR || b.occupation == DemoTables.WORKER
                || b.occupation == DemoTables.SME_OWNER) && r.nextInt(100) < 30) {
            addPhone(r, b, WORK_PHONE);
        }
        if (r.nextInt(100) < (jurisdiction == CN ? 45 : 80)) {
            addEmail(r, b);
        }
        if (product == PROPERTY_FEE || r.nextInt(100) < 70) {
            addAddress(r, b);
        }
    }

    private void relativeContactPoints(SplittableRandom r, Party p, boolean liable) {
        if (r.nextInt(100) < 92) {
            addPhone(r, p, MOBILE);
        }
        if (r.nextInt(100) < (liable ? 35 : 20)) {
            addAddress(r, p);
        }
        if (r.nextInt(100) < 15) {
            addEmail(r, p);
        }
    }

    private ContactPoint newPoint(SplittableRandom r, Party p, String type) {
        ContactPoint cp = contactPoint[contactPointCount];
        cp.seq = ++contactPointCount;
        cp.partyIndex = p.ordinal - 1;
        cp.type = type;
        cp.consent = r.nextInt(100) >= 3;
        cp.zone = null;
        return cp;
    }

    private void addPhone(SplittableRandom r, Party p, String type) {
        ContactPoint cp = newPoint(r, p, type);
        Region place = p.region;
        switch (place.jurisdiction()) {
            case CN -> {
                if (type.equals(MOBILE)) {
                    long x = (long) index * 16 + cp.seq;
                    long digits = Math.floorMod(x * 73_939_133L + (seed & 0xFFFFFF), 100_000_000L);
                    cp.value = DemoTables.CN_MOBILE_PREFIX[r.nextInt(DemoTables.CN_MOBILE_PREFIX.length)]
                            + pad(digits, 8);
                    if (place.zone().equals(DemoTables.URUMQI) && r.nextInt(100) < 20) {
                        cp.zone = DemoTables.SHANGHAI; // a number kept on Beijing time
                    }
                } else {
                    cp.value = place.areaCodes()[0] + (2 + r.nextInt(7)) + pad(r.nextInt(10_000_000), 7);
                }
            }
            case US -> {
                Region numberPlace = place;
                if (r.nextInt(100) < 15) { // a number from another coast, kept after moving
                    numberPlace = place.zone().equals(DemoTables.NEW_YORK)
                            ? DemoTables.US_WEST[r.nextInt(DemoTables.US_WEST.length)]
                            : DemoTables.US_EAST[r.nextInt(DemoTables.US_EAST.length)];
                }
                String area = numberPlace.areaCodes()[r.nextInt(numberPlace.areaCodes().length)];
                cp.value = "+1" + area + "55501" + pad(r.nextInt(100), 2);
                if (r.nextInt(100) < 50) {
                    cp.zone = numberPlace.zone();
                }
            }
            default -> cp.value = type.equals(MOBILE)
                    ? "+447700900" + pad(r.nextInt(1000), 3)
                    : place.areaCodes()[0] + pad(r.nextInt(1000), 3);
        }
    }

    private void addEmail(SplittableRandom r, Party p) {
        ContactPoint cp = newPoint(r, p, EMAIL);
        String domain = DemoTables.EMAIL_DOMAINS[r.nextInt(DemoTables.EMAIL_DOMAINS.length)];
        cp.value = p.company ? (r.nextBoolean() ? "finance@" : "ar@") + p.emailLocal + "." + domain
                : p.emailLocal + "@" + domain;
    }

    private void addAddress(SplittableRandom r, Party p) {
        ContactPoint cp = newPoint(r, p, ADDRESS);
        Region place = p.region;
        boolean property = p.role.equals(BORROWER) && community != null;
        StringBuilder sb = new StringBuilder(48);
        switch (place.jurisdiction()) {
            case CN -> {
                sb.append(place.place());
                if (property) {
                    sb.append(community.name());
                } else {
                    sb.append(DemoTables.CN_STREETS[r.nextInt(DemoTables.CN_STREETS.length)])
                            .append(1 + r.nextInt(300)).append('号');
                }
                if (p.company) {
                    sb.append(1 + r.nextInt(25)).append(pad(1 + r.nextInt(20), 2)).append('室');
                } else {
                    sb.append(1 + r.nextInt(20)).append('栋').append(1 + r.nextInt(4)).append("单元")
                            .append(1 + r.nextInt(30)).append(pad(1 + r.nextInt(4), 2)).append('室');
                }
            }
            case US -> {
                sb.append(1 + r.nextInt(9_000)).append(' ');
                if (property) {
                    sb.append(community.name()).append(" Dr");
                } else {
                    sb.append(DemoTables.EN_STREETS[r.nextInt(DemoTables.EN_STREETS.length)]).append(' ')
                            .append(DemoTables.US_SUFFIX[r.nextInt(DemoTables.US_SUFFIX.length)]);
                }
                if (property || r.nextBoolean()) {
                    sb.append(p.company ? ", Suite " : ", Apt ").append(1 + r.nextInt(40)).append((char) ('A' + r.nextInt(4)));
                }
                sb.append(", ").append(place.place()).append(", ").append(place.name()).append(' ')
                        .append(place.code()).append(pad(r.nextInt(100), 2));
            }
            default -> {
                if (property) {
                    sb.append("Flat ").append(1 + r.nextInt(60)).append(", ").append(community.name());
                } else {
                    sb.append(1 + r.nextInt(200)).append(' ')
                            .append(DemoTables.EN_STREETS[r.nextInt(DemoTables.EN_STREETS.length)]).append(' ')
                            .append(DemoTables.UK_SUFFIX[r.nextInt(DemoTables.UK_SUFFIX.length)]);
                }
                sb.append(", ").append(place.place()).append(' ').append(place.code()).append(1 + r.nextInt(20))
                        .append(' ').append(r.nextInt(10))
                        .append(POSTCODE_LETTERS.charAt(r.nextInt(POSTCODE_LETTERS.length())))
                        .append(POSTCODE_LETTERS.charAt(r.nextInt(POSTCODE_LETTERS.length())));
            }
        }
        cp.value = sb.toString();
    }

    // ----------------------------------------------------------------------------------------------------- payments

    /** Payments that produce the planned delinquency. Needs {@link #core}. */
    void payments() {
        SplittableRandom r = rng(3);
        paymentCount = 0;
        int[] weights = jurisdiction == CN ? DemoTables.CN_CHANNEL_WEIGHTS : DemoTables.WEST_CHANNEL_WEIGHTS;
        int primary = product == B2B_RECEIVABLE && r.nextInt(100) < 90 ? 2 : weighted(r, weights);
        int hours = jurisdiction == US ? 7 : 11;
        for (int j = 0; j < anchor; j++) {
            long amount = principalDue[j] + interestDue[j] + feeDue[j];
            long d = due[j].toEpochDay();
            long latest = Math.min(asOfDay - 1, j + 1 < installmentCount ? due[j + 1].toEpochDay() - 6 : asOfDay - 1);
            switch (timing[j]) {
                case EARLY -> addPayment(r, d - timingDays[j], amount, primary, weights, hours);
                case LATE -> {
                    long paid = Math.max(d, Math.min(d + timingDays[j], latest));
                    addPayment(r, paid, amount + penaltyEstimate(j, paid - d), primary, weights, hours);
                }
                case SPLIT -> {
                    long first = amount * splitPercent[j] / 100;
                    addPayment(r, d - r.nextInt(3), first, primary, weights, hours);
                    long paid = Math.max(d, Math.min(d + timingDays[j], latest));
                    addPayment(r, paid, amount - first + penaltyEstimate(j, paid - d), primary, weights, hours);
                }
                default -> addPayment(r, d, amount, primary, weights, hours);
            }
        }
        if (state == DELINQUENT && anchor < installmentCount && r.nextInt(100) < 35) {
            long owed = principalDue[anchor] + interestDue[anchor] + feeDue[anchor];
            long total = owed * (30 + r.nextInt(41)) / 100;
            long from = due[anchor].toEpochDay();
            long span = asOfDay - 1 - from;
            if (total > 0 && span >= 0) {
                long first = from + r.nextLong(span + 1);
                if (r.nextInt(100) < 25 && total >= 2) {
                    long part = total * (30 + r.nextInt(41)) / 100;
                    long second = first + r.nextLong(asOfDay - first);
                    addPayment(r, first, part, primary, weights, hours);
                    addPayment(r, second, total - part, primary, weights, hours);
                } else {
                    addPayment(r, first, total, primary, weights, hours);
                }
            }
        }
    }

    /** An upper bound of the penalty instalment j accrues over {@code days} days late (contract §3). */
    private long penaltyEstimate(int j, long days) {
        if (penaltyPerTenThousand == 0 || days <= 0) {
            return 0;
        }
        long base = principalDue[j] + interestDue[j];
        return (base * penaltyPerTenThousand * days + 9_999) / 10_000 + 1;
    }

    private void addPayment(SplittableRandom r, long day, long amount, int primary, int[] weights, int hours) {
        int i = paymentCount++;
        payDay[i] = day;
        paySecond[i] = (9 + r.nextInt(hours)) * 3600 + r.nextInt(3600);
        payAmount[i] = amount;
        payChannel[i] = r.nextInt(100) < 80 ? primary : weighted(r, weights);
        payReference[i] = 100_000 + r.nextInt(99_900_000);
    }

    // ----------------------------------------------------------------------------------------------------- contacts

    /** Contact history of the last 30 days before asOf. Needs {@link #core} and {@link #parties}. */
    void contacts() {
        SplittableRandom r = rng(4);
        contactCount = 0;
        long end = asOfDay - 1;
        long start = asOfDay - 30;
        int count;
        boolean reminder = state != DELINQUENT;
        switch (state) {
            case REPAID -> count = 0;
            case PRE_DUE, CURRENT -> count = r.nextInt(100) < 30 ? 1 + r.nextInt(2) : 0;
            default -> {
                start = Math.max(start, due[anchor].toEpochDay());
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
                                : jurisdiction == CN ? LIABLE_CALL_WEIGHTS_CN : LIABLE_CALL_WEIGHTS_WEST;
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

    private boolean later(int a, int b) {
        return ctDay[a] > ctDay[b] || (ctDay[a] == ctDay[b] && ctSecond[a] > ctSecond[b]);
    }

    /** A usable contact point of party {@code pi} for the channel (consent given), or -1. */
    private int pointFor(SplittableRandom r, int pi, String channel) {
        int found = -1;
        int seen = 0;
        for (int i = 0; i < contactPointCount; i++) {
            ContactPoint cp = contactPoint[i];
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

    void writeAccount(CsvSink s) throws IOException {
        s.raw(accountId).raw(PRODUCTS[product]).raw(currency).money(principal).date(openDate);
        if (penaltyPerTenThousand == 0) {
            s.empty();
        } else {
            s.raw(penaltyPerTenThousand == 5 ? "0.0005" : penaltyPerTenThousand == 10 ? "0.001"
                    : "0." + pad(penaltyPerTenThousand, 4));
        }
        if (penaltyCap < 0) {
            s.empty();
        } else {
            s.money(penaltyCap);
        }
        s.integer(graceDays).raw(DemoTables.JURISDICTIONS[jurisdiction]).text(portfolio).text(creditor);
        s.endRow();
    }

    void writeInstallments(CsvSink s) throws IOException {
        for (int j = 0; j < installmentCount; j++) {
            s.raw(accountId).integer(j + 1).date(due[j]).money(principalDue[j]).money(interestDue[j]).money(feeDue[j]);
            s.endRow();
        }
    }

    void writePayments(CsvSink s) throws IOException {
        String zone = region.zone();
        for (int i = 0; i < paymentCount; i++) {
            LocalDate day = LocalDate.ofEpochDay(payDay[i]);
            s.id("PAY-", num, i + 1, true).raw(accountId).instant(day, paySecond[i], offsetId(zone, day, paySecond[i]))
                    .money(payAmount[i]).raw(DemoTables.PAYMENT_CHANNELS[payChannel[i]])
                    .prefixed(DemoTables.REFERENCE_PREFIX[payChannel[i]], payReference[i]);
            s.endRow();
        }
    }

    void writeParties(CsvSink s) throws IOException {
        for (int i = 0; i < partyCount; i++) {
            Party p = party[i];
            s.id("P-", num, p.ordinal, false).text(p.name).text(p.idNumber)
                    .raw(p.gender == 'M' ? "M" : p.gender == 'F' ? "F" : "U");
            if (p.birthDate == null) {
                s.empty();
            } else {
                s.date(p.birthDate);
            }
            if (p.occupation < 0) {
                s.empty();
            } else {
                s.raw(DemoTables.OCCUPATIONS[p.occupation]);
            }
            s.text(p.region.name()).raw(p.region.zone()).flag(p.deceased).flag(p.bankrupt).flag(p.incarcerated);
            s.endRow();
        }
    }

    void writeAccountParties(CsvSink s) throws IOException {
        for (int i = 0; i < partyCount; i++) {
            s.raw(accountId).id("P-", num, party[i].ordinal, false).raw(party[i].role);
            s.endRow();
        }
    }

    void writeContactPoints(CsvSink s) throws IOException {
        for (int i = 0; i < contactPointCount; i++) {
            ContactPoint cp = contactPoint[i];
            s.id("CP-", num, cp.seq, true).id("P-", num, party[cp.partyIndex].ordinal, false).raw(cp.type).text(cp.value).flag(cp.consent);
            if (cp.zone == null) {
                s.empty();
            } else {
                s.raw(cp.zone);
            }
            s.endRow();
        }
    }

    void writeContacts(CsvSink s) throws IOException {
        for (int i = 0; i < contactCount; i++) {
            int x = ctOrder[i];
            Party p = party[ctParty[x]];
            LocalDate day = LocalDate.ofEpochDay(ctDay[x]);
            String zone = p.region.zone();
            s.id("CT-", num, i + 1, true).raw(accountId).id("P-", num, p.ordinal, false)
                    .id("CP-", num, contactPoint[ctPoint[x]].seq, true)
                    .raw(ctChannel[x]).instant(day, ctSecond[x], offsetId(zone, day, ctSecond[x])).raw(ctOutcome[x]);
            s.endRow();
        }
    }

    // -------------------------------------------------------------------------------------------------------- zones

    private static final String[] ZONE_NAMES = {DemoTables.SHANGHAI, DemoTables.URUMQI, DemoTables.NEW_YORK,
            DemoTables.LOS_ANGELES, DemoTables.LONDON};
    private static final ZoneRules[] ZONE_RULES = new ZoneRules[ZONE_NAMES.length];

    static {
        for (int i = 0; i < ZONE_NAMES.length; i++) {
            ZONE_RULES[i] = ZoneId.of(ZONE_NAMES[i]).getRules();
        }
    }

    /** The zone's offset at that local time ("+08:00", "-05:00", "Z"). Daytime only, so never in a DST gap. */
    static String offsetId(String zone, LocalDate day, int secondOfDay) {
        for (int i = 0; i < ZONE_NAMES.length; i++) {
            if (ZONE_NAMES[i] == zone || ZONE_NAMES[i].equals(zone)) {
                if (i == 0) {
                    return "+08:00";
                }
                if (i == 1) {
                    return "+06:00";
                }
                return ZONE_RULES[i].getOffset(LocalDateTime.of(day, java.time.LocalTime.ofSecondOfDay(secondOfDay)))
                        .getId();
            }
        }
        throw new IllegalArgumentException("unknown zone " + zone);
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    static String pad6(int value) {
        return pad(value, 6);
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }
}

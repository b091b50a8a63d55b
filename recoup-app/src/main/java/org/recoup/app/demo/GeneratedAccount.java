package org.recoup.app.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.SplittableRandom;

/**
 * One generated account with everything that hangs off it, rebuilt in place for each account index (a reusable
 * scratch object: the generator holds one account in memory at a time).
 *
 * <p>Each account draws from its own random streams, seeded from (seed, account index, section), so an account's
 * content never depends on how many accounts are generated nor on which files are being written. The sections, and
 * the parts they fill, are:
 * <ol>
 *   <li>{@link #core}: the {@link AccountTerms} (product, place, the borrower's status, target delinquency) and the
 *       {@link InstalmentSchedule} built around that delinquency;</li>
 *   <li>{@link #parties}: the {@link PartyRoster} (parties and roles, each drawn by {@link PartyIdentity}) and their
 *       {@link ContactPoints};</li>
 *   <li>{@link #payments}: the {@link PaymentHistory} that produces the planned delinquency;</li>
 *   <li>{@link #contacts}: the {@link ContactHistory} of the last 30 days.</li>
 * </ol>
 * A later section may read an earlier one. Within a section, the order in which the parts draw from the stream is
 * part of the output: the same (seed, index) must keep giving the same bytes.
 *
 * <p>The delinquency is chosen first and the schedule is built around it: a target state (repaid, pre-due, current
 * or delinquent with a days-past-due figure drawn from a skewed distribution) fixes the due date of the oldest unpaid
 * instalment (the "anchor"); earlier instalments are paid (on the due date, early, late or in two parts), the anchor is
 * unpaid or partly paid (30–70%), later ones are unpaid. See {@link PaymentHistory} for how payments are dated.
 */
final class GeneratedAccount {

    private final long seed;

    // identity
    int index;
    String num;
    String accountId;

    final AccountTerms terms = new AccountTerms();
    final InstalmentSchedule schedule;
    final ContactPoints contactPoints;
    final PartyRoster roster;
    final PaymentHistory paymentHistory;
    final ContactHistory contactHistory;
    final PromiseHistory promiseHistory;

    GeneratedAccount(long seed, LocalDate asOf) {
        this.seed = seed;
        this.schedule = new InstalmentSchedule(asOf);
        this.contactPoints = new ContactPoints(seed, terms);
        this.roster = new PartyRoster(terms, contactPoints, asOf);
        this.paymentHistory = new PaymentHistory(terms, schedule, asOf);
        this.contactHistory = new ContactHistory(terms, schedule, roster, contactPoints, asOf);
        this.promiseHistory = new PromiseHistory(terms, schedule, paymentHistory, asOf);
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

    // ----------------------------------------------------------------------------------------------------- sections

    /** Product, place, status of the borrower, target delinquency and the schedule of account {@code index} (1-based). */
    void core(int index) {
        this.index = index;
        this.num = pad6(index);
        this.accountId = "L-" + num;
        roster.clear();
        contactPoints.clear(index);
        paymentHistory.clear();
        contactHistory.clear();
        promiseHistory.clear();
        terms.draw(rng(1), schedule);
    }

    /** The borrower and the other parties of the account, with their contact points. Needs {@link #core}. */
    void parties() {
        SplittableRandom r = rng(2);
        contactPoints.clear(index);
        roster.draw(r);
    }

    /** Payments that produce the planned delinquency. Needs {@link #core}. */
    void payments() {
        paymentHistory.draw(rng(3));
    }

    /** Contact history of the last 30 days before asOf. Needs {@link #core} and {@link #parties}. */
    void contacts() {
        contactHistory.draw(rng(4));
    }

    /**
     * The account's story (promise, disposition or lost contact), from its own stream. Needs {@link #payments}; when
     * {@link #contacts} were drawn, a lost-contact story also cuts them at its first failed attempt.
     */
    void promises() {
        promiseHistory.draw(rng(5));
    }

    /** Contacts as written: the history, cut where a lost-contact story begins. Needs contacts and promises. */
    private void cutContacts() {
        if (promiseHistory.story == PromiseHistory.LOST_CONTACT) {
            contactHistory.cutAt(promiseHistory.talkDay, promiseHistory.talkSecond);
        }
    }

    /** The days past due the engine should report (contract §3 defaults). */
    int expectedDpd() {
        return terms.expectedDpd();
    }

    // ------------------------------------------------------------------------------------------------------ writing

    void writeAccount(CsvSink s) throws IOException {
        terms.write(s, accountId);
    }

    void writeInstallments(CsvSink s) throws IOException {
        schedule.write(s, accountId);
    }

    void writePayments(CsvSink s) throws IOException {
        paymentHistory.write(s, num, accountId);
        promiseHistory.writePayment(s, num, accountId, paymentHistory.paymentCount + 1);
    }

    void writePromises(CsvSink s) throws IOException {
        promiseHistory.writePromise(s, num, accountId);
    }

    void writeParties(CsvSink s) throws IOException {
        roster.writeParties(s, num);
    }

    void writeAccountParties(CsvSink s) throws IOException {
        roster.writeAccountParties(s, accountId, num);
    }

    void writeContactPoints(CsvSink s) throws IOException {
        contactPoints.write(s, num, roster);
    }

    void writeContacts(CsvSink s) throws IOException {
        cutContacts();
        contactHistory.write(s, num, accountId);
        promiseHistory.writeContacts(s, num, accountId, contactHistory.contactCount + 1, contactPoints,
                roster.party[0].region.zone());
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
                return ZONE_RULES[i].getOffset(LocalDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay))).getId();
            }
        }
        throw new IllegalArgumentException("unknown zone " + zone);
    }

    // ------------------------------------------------------------------------------------------------------ padding

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

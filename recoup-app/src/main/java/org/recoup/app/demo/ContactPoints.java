package org.recoup.app.demo;

import static org.recoup.app.demo.AccountTerms.PROPERTY_FEE;
import static org.recoup.app.demo.DemoTables.CN;
import static org.recoup.app.demo.DemoTables.US;
import static org.recoup.app.demo.GeneratedAccount.pad;
import static org.recoup.app.demo.PartyRoster.BORROWER;

import java.io.IOException;
import java.util.SplittableRandom;
import org.recoup.app.demo.DemoTables.Community;
import org.recoup.app.demo.DemoTables.Region;
import org.recoup.app.demo.PartyRoster.Party;

/**
 * The contact points of a {@link GeneratedAccount}'s parties: phones (in the reserved fictional ranges), e-mail
 * addresses (on example domains) and postal addresses, each with its consent flag and, for some phones, a time zone
 * of its own. Added by {@link PartyRoster} while it draws the parties, from the same stream.
 */
final class ContactPoints {

    static final String MOBILE = "MOBILE";
    static final String HOME_PHONE = "HOME_PHONE";
    static final String WORK_PHONE = "WORK_PHONE";
    static final String EMAIL = "EMAIL";
    static final String ADDRESS = "ADDRESS";

    private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final int MAX_CONTACT_POINTS = 48;

    private final long seed;
    private final AccountTerms terms;
    /** The current account's 1-based index (mobile numbers are derived from it). */
    private int accountIndex;

    int contactPointCount;
    final ContactPoint[] contactPoint = new ContactPoint[MAX_CONTACT_POINTS];

    ContactPoints(long seed, AccountTerms terms) {
        this.seed = seed;
        this.terms = terms;
        for (int i = 0; i < MAX_CONTACT_POINTS; i++) {
            contactPoint[i] = new ContactPoint();
        }
    }

    static final class ContactPoint {
        int seq;
        int partyIndex;
        String type;
        String value;
        boolean consent;
        String zone;
    }

    /** Forgets the contact points of the previous account; {@code accountIndex} is the current account's. */
    void clear(int accountIndex) {
        this.accountIndex = accountIndex;
        contactPointCount = 0;
    }

    /** The borrower's phones, e-mail and address. */
    void borrower(SplittableRandom r, Party b) {
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
        if (r.nextInt(100) < (terms.jurisdiction == CN ? 45 : 80)) {
            addEmail(r, b);
        }
        if (terms.product == PROPERTY_FEE || r.nextInt(100) < 70) {
            addAddress(r, b);
        }
    }

    /** A co-borrower's, guarantor's, spouse's or heir's contact points; {@code liable} ones more often have an address. */
    void relative(SplittableRandom r, Party p, boolean liable) {
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

    void addPhone(SplittableRandom r, Party p, String type) {
        ContactPoint cp = newPoint(r, p, type);
        Region place = p.region;
        switch (place.jurisdiction()) {
            case CN -> {
                if (type.equals(MOBILE)) {
                    long x = (long) accountIndex * 16 + cp.seq;
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

    void addAddress(SplittableRandom r, Party p) {
        ContactPoint cp = newPoint(r, p, ADDRESS);
        Region place = p.region;
        Community community = terms.community;
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

    // ------------------------------------------------------------------------------------------------------ writing

    void write(CsvSink s, String num, PartyRoster roster) throws IOException {
        for (int i = 0; i < contactPointCount; i++) {
            ContactPoint cp = contactPoint[i];
            s.id("CP-", num, cp.seq, true).id("P-", num, roster.party[cp.partyIndex].ordinal, false).raw(cp.type)
                    .text(cp.value).flag(cp.consent);
            if (cp.zone == null) {
                s.empty();
            } else {
                s.raw(cp.zone);
            }
            s.endRow();
        }
    }
}

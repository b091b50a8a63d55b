package org.recoup.app.demo;

import static org.recoup.app.demo.DemoTables.CN;
import static org.recoup.app.demo.DemoTables.US;
import static org.recoup.app.demo.DemoTables.weighted;
import static org.recoup.app.demo.PartyRoster.HEIR;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.recoup.app.demo.DemoTables.Region;
import org.recoup.app.demo.PartyRoster.Party;

/**
 * Who a generated party is: a natural person (name in the local style, gender, age, occupation, resident identity
 * number) or a company (name, unified social credit code), plus the local part of their e-mail addresses. Draws from
 * the stream it is given (the account's parties stream, see {@link PartyRoster}).
 */
final class PartyIdentity {

    private static final char[] USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray();
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    private final LocalDate asOf;

    PartyIdentity(LocalDate asOf) {
        this.asOf = asOf;
    }

    /**
     * A natural person. {@code gender} 'M'/'F' or -1 for random, {@code occupation} index or -1 for random,
     * {@code family} index of a family name to share (heirs) or -1.
     */
    void person(SplittableRandom r, Party p, Region place, int gender, int occupation, int family) {
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

    /** A company: a dealer (B2B debtor) or an employer. */
    void company(SplittableRandom r, Party p, Region place, boolean employer) {
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
            p.emailLocal = last.replace("'", "").toLowerCase(Locale.ROOT) + "-" + trade.toLowerCase(Locale.ROOT);
            p.idNumber = null;
        }
    }

    static String emailLocalEn(SplittableRandom r, String first, String last) {
        return first.toLowerCase(Locale.ROOT) + "." + last.replace("'", "").toLowerCase(Locale.ROOT) + twoDigits(r);
    }

    private static String twoDigits(SplittableRandom r) {
        int v = r.nextInt(100);
        return v < 10 ? "0" + v : Integer.toString(v);
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
}

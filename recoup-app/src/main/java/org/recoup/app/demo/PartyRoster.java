package org.recoup.app.demo;

import static org.recoup.app.demo.AccountTerms.CONSUMER_LOAN;
import static org.recoup.app.demo.AccountTerms.CREDIT_CARD;
import static org.recoup.app.demo.AccountTerms.FLAG_BANKRUPT;
import static org.recoup.app.demo.AccountTerms.FLAG_DECEASED;
import static org.recoup.app.demo.AccountTerms.FLAG_INCARCERATED;
import static org.recoup.app.demo.AccountTerms.PROPERTY_FEE;
import static org.recoup.app.demo.ContactPoints.MOBILE;
import static org.recoup.app.demo.ContactPoints.WORK_PHONE;
import static org.recoup.app.demo.DemoTables.CN;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.recoup.app.demo.DemoTables.Region;

/**
 * The parties of a {@link GeneratedAccount} and their roles: the borrower (a person, or a dealer for a B2B
 * receivable), co-borrowers, guarantors, spouses, heirs of a deceased borrower, emergency contacts and employers,
 * with their status flags. Each party's contact points are added to {@link ContactPoints} as the party is drawn, in
 * one stream, so their order is part of the output.
 */
final class PartyRoster {

    static final String BORROWER = "BORROWER";
    static final String CO_BORROWER = "CO_BORROWER";
    static final String GUARANTOR = "GUARANTOR";
    static final String SPOUSE = "SPOUSE";
    static final String HEIR = "HEIR";
    static final String EMERGENCY_CONTACT = "EMERGENCY_CONTACT";
    static final String EMPLOYER = "EMPLOYER";

    private static final int MAX_PARTIES = 10;

    private final AccountTerms terms;
    private final ContactPoints points;
    private final PartyIdentity identity;

    int partyCount;
    final Party[] party = new Party[MAX_PARTIES];

    PartyRoster(AccountTerms terms, ContactPoints points, LocalDate asOf) {
        this.terms = terms;
        this.points = points;
        this.identity = new PartyIdentity(asOf);
        for (int i = 0; i < MAX_PARTIES; i++) {
            party[i] = new Party();
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

    void clear() {
        partyCount = 0;
    }

    /** The borrower and the other parties of the account, with their contact points (cleared by the caller). */
    void draw(SplittableRandom r) {
        partyCount = 0;
        Region region = terms.region;
        int product = terms.product;
        Party b = newParty(BORROWER);
        if (terms.borrowerCompany) {
            identity.company(r, b, region, false);
            b.bankrupt = terms.borrowerFlag == FLAG_BANKRUPT;
        } else {
            int occupation = product == PROPERTY_FEE && r.nextInt(100) < 20 ? DemoTables.RETIREE : -1;
            identity.person(r, b, region, -1, occupation, -1);
            b.deceased = terms.borrowerFlag == FLAG_DECEASED;
            b.bankrupt = terms.borrowerFlag == FLAG_BANKRUPT;
            b.incarcerated = terms.borrowerFlag == FLAG_INCARCERATED;
        }
        points.borrower(r, b);

        if (terms.borrowerCompany) {
            if (r.nextInt(100) < 70) { // the owner guarantees the dealer's debt
                Party g = newParty(GUARANTOR);
                identity.person(r, g, region, -1, DemoTables.SME_OWNER, -1);
                otherFlags(r, g);
                points.relative(r, g, true);
            }
            return;
        }
        boolean deceased = b.deceased;
        int coBorrowerChance = product == CONSUMER_LOAN ? 10 : product == PROPERTY_FEE ? 15 : 0;
        boolean spouseTaken = false;
        if (r.nextInt(100) < coBorrowerChance) {
            Party c = newParty(CO_BORROWER);
            boolean isSpouse = r.nextInt(100) < 70;
            identity.person(r, c, region, isSpouse ? opposite(b.gender) : -1, -1, -1);
            if (isSpouse) {
                marry(r, b, c);
                spouseTaken = true;
            }
            otherFlags(r, c);
            points.relative(r, c, true);
        }
        int guarantorChance = product == CONSUMER_LOAN ? 12 : product == CREDIT_CARD ? 2 : 0;
        if (r.nextInt(100) < guarantorChance) {
            Party g = newParty(GUARANTOR);
            identity.person(r, g, r.nextInt(100) < 80 ? region : AccountTerms.pickRegion(r, terms.jurisdiction),
                    -1, -1, -1);
            otherFlags(r, g);
            points.relative(r, g, true);
        }
        if (!spouseTaken && r.nextInt(100) < (deceased ? 50 : 12)) {
            Party s = newParty(SPOUSE);
            identity.person(r, s, region, opposite(b.gender), -1, -1);
            marry(r, b, s);
            points.relative(r, s, false);
        }
        if (deceased && r.nextInt(100) < 75) {
            int heirs = r.nextInt(100) < 25 ? 2 : 1;
            for (int h = 0; h < heirs; h++) {
                Party heir = newParty(HEIR);
                identity.person(r, heir, r.nextInt(100) < 70 ? region : AccountTerms.pickRegion(r, terms.jurisdiction),
                        -1, -1, b.familyIndex);
                points.relative(r, heir, true);
            }
        }
        int emergencyChance = product == CONSUMER_LOAN ? 50 : product == CREDIT_CARD ? 40 : 5;
        if (r.nextInt(100) < emergencyChance) {
            Party e = newParty(EMERGENCY_CONTACT);
            identity.person(r, e, r.nextInt(100) < 70 ? region : AccountTerms.pickRegion(r, terms.jurisdiction),
                    -1, -1, -1);
            points.addPhone(r, e, MOBILE);
        }
        if ((product == CONSUMER_LOAN || product == CREDIT_CARD)
                && (b.occupation == DemoTables.WHITE_COLLAR || b.occupation == DemoTables.WORKER)
                && r.nextInt(100) < 15) {
            Party w = newParty(EMPLOYER);
            identity.company(r, w, region, true);
            points.addPhone(r, w, WORK_PHONE);
            if (r.nextInt(100) < 60) {
                points.addAddress(r, w);
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
        if (terms.jurisdiction != CN && a.familyIndex >= 0 && r.nextInt(100) < 70) {
            int space = b.name.indexOf(' ');
            String first = space > 0 ? b.name.substring(0, space) : b.name;
            b.familyIndex = a.familyIndex;
            b.name = first + " " + DemoTables.EN_LAST[a.familyIndex];
            b.emailLocal = PartyIdentity.emailLocalEn(r, first, DemoTables.EN_LAST[a.familyIndex]);
        }
    }

    private static void otherFlags(SplittableRandom r, Party p) {
        int u = r.nextInt(1000);
        p.deceased = u < 4;
        p.bankrupt = u >= 4 && u < 7;
        p.incarcerated = u >= 7 && u < 9;
    }

    // ------------------------------------------------------------------------------------------------------ writing

    void writeParties(CsvSink s, String num) throws IOException {
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

    void writeAccountParties(CsvSink s, String accountId, String num) throws IOException {
        for (int i = 0; i < partyCount; i++) {
            s.raw(accountId).id("P-", num, party[i].ordinal, false).raw(party[i].role);
            s.endRow();
        }
    }
}

package org.recoup.app.demo;

import static org.recoup.app.demo.DemoTables.CN;
import static org.recoup.app.demo.DemoTables.UK;
import static org.recoup.app.demo.DemoTables.US;
import static org.recoup.app.demo.DemoTables.weighted;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.recoup.app.demo.DemoTables.Community;
import org.recoup.app.demo.DemoTables.Region;

/**
 * The account row of a {@link GeneratedAccount}: product, jurisdiction and place, the borrower's status, the target
 * delinquency, and the terms (principal, penalty, grace, portfolio, creditor).
 *
 * <p>Drawn from the account's core stream by {@link #draw}, which hands the same stream on to the
 * {@link InstalmentSchedule} at the point where the product's schedule is built; the schedule also fixes the terms
 * that depend on it (principal, open date, penalty and grace).
 */
final class AccountTerms {

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

    /** Relative weights of M1..M6+ among delinquent accounts. */
    private static final int[] BUCKET_WEIGHTS = {480, 160, 100, 70, 55, 45, 90};

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

    /** Product, place, status of the borrower, target delinquency, then the schedule, all from the core stream. */
    void draw(SplittableRandom r, InstalmentSchedule schedule) {
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

        schedule.build(r, this);
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

    static Region pickRegion(SplittableRandom r, int jurisdiction) {
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

    // ------------------------------------------------------------------------------------------------------ writing

    void write(CsvSink s, String accountId) throws IOException {
        s.raw(accountId).raw(PRODUCTS[product]).raw(currency).money(principal).date(openDate);
        if (penaltyPerTenThousand == 0) {
            s.empty();
        } else {
            s.raw(penaltyPerTenThousand == 5 ? "0.0005" : penaltyPerTenThousand == 10 ? "0.001"
                    : "0." + GeneratedAccount.pad(penaltyPerTenThousand, 4));
        }
        if (penaltyCap < 0) {
            s.empty();
        } else {
            s.money(penaltyCap);
        }
        s.integer(graceDays).raw(DemoTables.JURISDICTIONS[jurisdiction]).text(portfolio).text(creditor);
        s.endRow();
    }
}

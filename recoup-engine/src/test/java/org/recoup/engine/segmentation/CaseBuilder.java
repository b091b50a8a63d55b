package org.recoup.engine.segmentation;

import java.time.LocalDate;
import java.util.Currency;

import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.AgingBucket;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.delinquency.Overdue;
import org.recoup.engine.delinquency.RiskClass;
import org.recoup.engine.strategy.StrategyFacts;

/**
 * Test data for one case as segmentation and strategies see it, written the way the rules are read:
 * <pre>{@code aCase().dpd(12).brokenPromise(1).on("2026-03-15").strategyFacts()}</pre>
 * Defaults: a CNY consumer loan, current (dpd 0), 1 200.00 overdue once delinquent, on Thursday 2026-03-12 (not a
 * payday), no promises, contacts or payments yet, a person with a valid phone number and nothing else known.
 */
public final class CaseBuilder {

    private static final DelinquencyPolicy POLICY = DelinquencyPolicy.defaults();

    private Product product = Product.CONSUMER_LOAN;
    private int dpd;
    private String stage;
    private AgingBucket aging;
    private RiskClass riskClass;
    private long overdueMinor = 120_000;
    private LocalDate businessDate = LocalDate.parse("2026-03-12");
    private LocalDate nextDue;
    private PtpHistory ptp = PtpHistory.NONE;
    private int rpc7, rpc30, rpc90, refusals30, disputes90, claimsPaid90, noAnswer30, failures;
    private boolean validContactPoint = true;
    private int partialCount;
    private boolean regularPayer;
    private Integer lastPaymentDaysAgo;
    private PartyType partyType = PartyType.PERSON;
    private Occupation occupation = Occupation.UNKNOWN;
    private boolean deceased, bankrupt, incarcerated, complaint, knownIncome, knownAssets, hardship;
    private SegmentationPolicy segmentationPolicy = SegmentationPolicy.defaults();

    private CaseBuilder() {
    }

    public static CaseBuilder aCase() {
        return new CaseBuilder();
    }

    // ---- the account ---------------------------------------------------------------------------------------------

    public CaseBuilder dpd(int days) {
        this.dpd = days;
        return this;
    }

    /** Current, with an instalment due tomorrow. */
    public CaseBuilder preDue() {
        this.dpd = 0;
        this.stage = POLICY.preDueStage();
        return this;
    }

    public CaseBuilder product(Product p) {
        this.product = p;
        return this;
    }

    public CaseBuilder aging(AgingBucket bucket) {
        this.aging = bucket;
        return this;
    }

    public CaseBuilder riskClass(RiskClass rc) {
        this.riskClass = rc;
        return this;
    }

    public CaseBuilder overdueMinor(long minor) {
        this.overdueMinor = minor;
        return this;
    }

    public CaseBuilder on(String isoDate) {
        this.businessDate = LocalDate.parse(isoDate);
        return this;
    }

    public CaseBuilder nextDue(String isoDate) {
        this.nextDue = LocalDate.parse(isoDate);
        return this;
    }

    // ---- promises ------------------------------------------------------------------------------------------------

    public CaseBuilder ptp(PtpHistory history) {
        this.ptp = history;
        return this;
    }

    public CaseBuilder brokenPromise(int daysAgo) {
        return ptp(new PtpHistory(ptp.made() + 1, ptp.kept(), ptp.broken() + 1, PtpStatus.BROKEN, null, daysAgo));
    }

    public CaseBuilder brokenPromises(int count) {
        return ptp(new PtpHistory(count, 0, count, PtpStatus.BROKEN, null, 1));
    }

    public CaseBuilder keptPromise(int daysAgo) {
        return ptp(new PtpHistory(ptp.made() + 1, ptp.kept() + 1, ptp.broken(), PtpStatus.KEPT, null, daysAgo));
    }

    public CaseBuilder openPromise(int daysToDue) {
        return ptp(new PtpHistory(ptp.made() + 1, ptp.kept(), ptp.broken(), PtpStatus.PENDING, daysToDue, null));
    }

    // ---- contacts ------------------------------------------------------------------------------------------------

    public CaseBuilder rightPartyContacts(int last7, int last30, int last90) {
        rpc7 = last7;
        rpc30 = last30;
        rpc90 = last90;
        return this;
    }

    public CaseBuilder refusedToPay() {
        refusals30 = 1;
        return this;
    }

    public CaseBuilder disputed() {
        disputes90 = 1;
        return this;
    }

    public CaseBuilder claimsAlreadyPaid() {
        claimsPaid90 = 1;
        return this;
    }

    public CaseBuilder failedAttempts(int consecutive) {
        failures = consecutive;
        noAnswer30 = Math.max(noAnswer30, consecutive);
        return this;
    }

    public CaseBuilder noValidNumber() {
        validContactPoint = false;
        return this;
    }

    // ---- payments ------------------------------------------------------------------------------------------------

    public CaseBuilder partialPayments(int count) {
        partialCount = count;
        return this;
    }

    public CaseBuilder regularPayer() {
        regularPayer = true;
        return this;
    }

    public CaseBuilder lastPaid(int daysAgo) {
        lastPaymentDaysAgo = daysAgo;
        return this;
    }

    // ---- the party -----------------------------------------------------------------------------------------------

    public CaseBuilder business() {
        partyType = PartyType.BUSINESS;
        occupation = Occupation.BUSINESS_OWNER;
        return this;
    }

    public CaseBuilder occupation(Occupation o) {
        occupation = o;
        return this;
    }

    public CaseBuilder deceased() {
        deceased = true;
        return this;
    }

    public CaseBuilder bankrupt() {
        bankrupt = true;
        return this;
    }

    public CaseBuilder incarcerated() {
        incarcerated = true;
        return this;
    }

    public CaseBuilder complaint() {
        complaint = true;
        return this;
    }

    public CaseBuilder hardship() {
        hardship = true;
        return this;
    }

    public CaseBuilder knownIncome() {
        knownIncome = true;
        return this;
    }

    public CaseBuilder knownAssets() {
        knownAssets = true;
        return this;
    }

    public CaseBuilder segmentationPolicy(SegmentationPolicy policy) {
        segmentationPolicy = policy;
        return this;
    }

    // ---- results -------------------------------------------------------------------------------------------------

    public DelinquencyState state() {
        String theStage = stage != null ? stage : POLICY.stageOf(dpd);
        RiskClass theRisk = riskClass != null ? riskClass
                : dpd == 0 ? RiskClass.NOT_DUE
                : dpd >= POLICY.badFromDpd() ? RiskClass.BAD
                : dpd >= POLICY.doubtfulFromDpd() ? RiskClass.DOUBTFUL : RiskClass.OVERDUE;
        AgingBucket theAging = aging != null ? aging : dpd == 0 ? AgingBucket.CURRENT
                : dpd <= 365 ? AgingBucket.Y0_1 : AgingBucket.Y1_2;
        long overdue = dpd == 0 ? 0 : overdueMinor;
        return new DelinquencyState("A-1", businessDate, Currency.getInstance("CNY"), dpd, POLICY.bucketOf(dpd),
                theStage, theAging, theRisk, new Overdue(overdue, 0, 0, 0), 1_000_000, 0, 0,
                dpd == 0 ? null : businessDate.minusDays(dpd), POLICY.version());
    }

    public SegmentationFacts segmentationFacts() {
        return new SegmentationFacts(state(), ptp,
                new ContactHistory(rpc7, Math.max(rpc7, rpc30), Math.max(Math.max(rpc7, rpc30), rpc90), refusals30,
                        refusals30, disputes90, claimsPaid90, noAnswer30, failures, validContactPoint),
                new PaymentHistory(partialCount, regularPayer, lastPaymentDaysAgo),
                new PartyProfile(partyType, occupation, null, deceased, bankrupt, incarcerated, complaint, knownIncome,
                        knownAssets, hardship));
    }

    public Segment segment() {
        return Segmenter.segment(segmentationFacts(), segmentationPolicy);
    }

    public StrategyFacts strategyFacts() {
        SegmentationFacts facts = segmentationFacts();
        LocalDate due = nextDue != null ? nextDue
                : POLICY.preDueStage().equals(stage) ? businessDate.plusDays(1) : null;
        return StrategyFacts.of(product, facts, Segmenter.segment(facts, segmentationPolicy), due);
    }
}

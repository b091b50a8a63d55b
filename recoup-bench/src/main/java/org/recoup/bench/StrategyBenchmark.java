package org.recoup.bench;

import java.time.LocalDate;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.AgingBucket;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.delinquency.Overdue;
import org.recoup.engine.delinquency.RiskClass;
import org.recoup.engine.segmentation.ContactHistory;
import org.recoup.engine.segmentation.Occupation;
import org.recoup.engine.segmentation.PartyProfile;
import org.recoup.engine.segmentation.PartyType;
import org.recoup.engine.segmentation.PaymentHistory;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.PtpStatus;
import org.recoup.engine.segmentation.SegmentationFacts;
import org.recoup.engine.segmentation.SegmentationPolicy;
import org.recoup.engine.segmentation.Segmenter;
import org.recoup.engine.strategy.CompiledStrategy;
import org.recoup.engine.strategy.Decision;
import org.recoup.engine.strategy.DefaultStrategies;
import org.recoup.engine.strategy.StrategyCompiler;
import org.recoup.engine.strategy.StrategyFacts;

/**
 * Throughput of {@link CompiledStrategy#decide} with the shipped {@code consumer-default} strategy (22 competing rules
 * + 1 always rule): one operation = one decision (ops/s = decisions/s on one thread).
 * <p>
 * 4096 cases from a fixed seed: dpd 0..400 (a third current or pre-due), 85% consumer loans and cards, 10% B2B, 5%
 * property fees, a fifth with an open, kept or broken promise, a few lost-contact, disputed, deceased or hardship cases,
 * business dates spread over a month (so payday rules fire on some). {@code segmentAndDecide} adds segmentation and
 * building the facts, the whole per-case engine cost after delinquency.
 * <pre>
 * ./mvnw -q -DskipTests install
 * java -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.openjdk.jmh.Main StrategyBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class StrategyBenchmark {

    private static final int CASES = 4096; // a power of two: the index wraps with a mask
    private static final DelinquencyPolicy POLICY = DelinquencyPolicy.defaults();
    private static final Currency CNY = Currency.getInstance("CNY");

    private final CompiledStrategy strategy = StrategyCompiler.compile(DefaultStrategies.consumerDefault());
    private final Segmenter segmenter = new Segmenter(SegmentationPolicy.defaults());
    private SegmentationFacts[] segmentationFacts;
    private Product[] products;
    private StrategyFacts[] facts;
    private int next;

    @Setup
    public void generateCases() {
        SplittableRandom random = new SplittableRandom(20261124L);
        segmentationFacts = new SegmentationFacts[CASES];
        products = new Product[CASES];
        facts = new StrategyFacts[CASES];
        for (int i = 0; i < CASES; i++) {
            LocalDate asOf = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(31));
            int dpd = random.nextInt(3) == 0 ? 0 : 1 + (int) Math.min(400, Math.abs(random.nextGaussian()) * 60);
            boolean preDue = dpd == 0 && random.nextBoolean();
            int p = random.nextInt(100);
            Product product = p < 60 ? Product.CONSUMER_LOAN : p < 85 ? Product.CREDIT_CARD
                    : p < 95 ? Product.B2B_RECEIVABLE : Product.PROPERTY_FEE;
            DelinquencyState state = new DelinquencyState("C-" + i, asOf, CNY, dpd, POLICY.bucketOf(dpd),
                    preDue ? POLICY.preDueStage() : POLICY.stageOf(dpd),
                    dpd == 0 ? AgingBucket.CURRENT : dpd <= 365 ? AgingBucket.Y0_1 : AgingBucket.Y1_2,
                    dpd == 0 ? RiskClass.NOT_DUE : dpd >= 366 ? RiskClass.BAD : dpd >= 181 ? RiskClass.DOUBTFUL
                            : RiskClass.OVERDUE,
                    dpd == 0 ? Overdue.NONE : new Overdue(50_000 + random.nextInt(500_000), 2_000, 0, 0),
                    1_000_000, 0, 0, dpd == 0 ? null : asOf.minusDays(dpd), 1);
            PtpHistory ptp = switch (random.nextInt(10)) {
                case 0 -> new PtpHistory(1, 0, 0, PtpStatus.PENDING, random.nextInt(7), null);
                case 1 -> new PtpHistory(2, 1, 0, PtpStatus.KEPT, null, random.nextInt(5));
                case 2 -> new PtpHistory(2, 0, 2, PtpStatus.BROKEN, null, random.nextInt(10));
                default -> PtpHistory.NONE;
            };
            int failures = random.nextInt(20) == 0 ? 6 : random.nextInt(3);
            ContactHistory contacts = new ContactHistory(0, 1, 2, random.nextInt(15) == 0 ? 1 : 0, 1,
                    random.nextInt(40) == 0 ? 1 : 0, 0, failures, failures, random.nextInt(30) != 0);
            PaymentHistory payments = new PaymentHistory(random.nextInt(4), random.nextInt(3) == 0,
                    random.nextBoolean() ? random.nextInt(90) : null);
            PartyProfile party = new PartyProfile(product == Product.B2B_RECEIVABLE ? PartyType.BUSINESS : PartyType.PERSON,
                    Occupation.values()[random.nextInt(Occupation.values().length)], 20 + random.nextInt(50),
                    random.nextInt(200) == 0, random.nextInt(200) == 0, false, random.nextInt(100) == 0,
                    random.nextBoolean(), random.nextInt(4) == 0, random.nextInt(12) == 0);
            segmentationFacts[i] = new SegmentationFacts(state, ptp, contacts, payments, party);
            products[i] = product;
            facts[i] = StrategyFacts.of(product, segmentationFacts[i], segmenter.segment(segmentationFacts[i]),
                    preDue ? asOf.plusDays(1) : asOf.plusDays(random.nextInt(30)));
        }
    }

    @Benchmark
    public Decision decide() {
        return strategy.decide(facts[next++ & (CASES - 1)]);
    }

    @Benchmark
    public Decision segmentAndDecide() {
        int i = next++ & (CASES - 1);
        SegmentationFacts f = segmentationFacts[i];
        return strategy.decide(StrategyFacts.of(products[i], f, segmenter.segment(f), f.state().asOf().plusDays(10)));
    }
}

package org.recoup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.app.demo.SamplePortfolio.ACCOUNTS;
import static org.recoup.app.demo.SamplePortfolio.AS_OF;
import static org.recoup.app.demo.SamplePortfolio.SEED;
import static org.recoup.app.demo.SamplePortfolio.group;
import static org.recoup.app.demo.SamplePortfolio.index;
import static org.recoup.app.demo.SamplePortfolio.minor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Liability;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.DelinquencyCalculator;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;

/**
 * What the generated portfolio contains: every product, role, flag, zone, channel and outcome appears, schedules
 * follow the products, the engine finds exactly the planned delinquency with a realistic spread over the buckets, and
 * the product mix is realistic. The format and determinism are checked by {@link PortfolioGeneratorTest}.
 */
class PortfolioGeneratorDistributionTest {

    @TempDir
    static Path tmp;

    private static PortfolioGenerator.RowCounts counts;
    private static Map<String, List<CSVRecord>> files;

    @BeforeAll
    static void generateOnce() throws IOException {
        SamplePortfolio sample = SamplePortfolio.generate(tmp.resolve("p2000"));
        counts = sample.counts();
        files = sample.files();
    }

    // ------------------------------------------------------------------------------------------------ coverage

    @Test
    void everyProductRoleFlagZoneChannelAndOutcomeAppears() {
        assertThat(values("accounts.csv", "product"))
                .containsOnlyKeys("CONSUMER_LOAN", "CREDIT_CARD", "B2B_RECEIVABLE", "PROPERTY_FEE");
        assertThat(values("accounts.csv", "jurisdiction")).containsOnlyKeys("CN", "US", "UK");
        assertThat(values("accounts.csv", "currency")).containsOnlyKeys("CNY", "USD", "GBP");
        assertThat(values("accounts.csv", "penalty_rate_per_day")).containsKeys("0.0005", "0.001", "");
        assertThat(values("account_parties.csv", "role")).containsOnlyKeys("BORROWER", "CO_BORROWER", "GUARANTOR",
                "SPOUSE", "HEIR", "EMERGENCY_CONTACT", "EMPLOYER");
        assertThat(values("parties.csv", "time_zone")).containsOnlyKeys("Asia/Shanghai", "Asia/Urumqi",
                "America/New_York", "America/Los_Angeles", "Europe/London");
        assertThat(values("parties.csv", "gender")).containsOnlyKeys("M", "F", "U");
        assertThat(values("parties.csv", "occupation")).containsKeys("WHITE_COLLAR", "RETIREE", "SME_OWNER", "WORKER",
                "STUDENT", "OTHER");
        for (String flag : List.of("deceased", "bankrupt", "incarcerated")) {
            assertThat(values("parties.csv", flag)).as(flag).containsOnlyKeys("Y", "N");
        }
        assertThat(values("contact_points.csv", "type")).containsOnlyKeys("MOBILE", "HOME_PHONE", "WORK_PHONE",
                "EMAIL", "ADDRESS");
        assertThat(values("contact_points.csv", "consent")).containsOnlyKeys("Y", "N");
        assertThat(values("contact_points.csv", "time_zone")).containsKeys("", "America/New_York",
                "America/Los_Angeles");
        assertThat(values("payments.csv", "channel")).containsOnlyKeys("BANK_TRANSFER", "CARD", "WECHAT", "ALIPAY",
                "CASH_AT_BRANCH", "OTHER");
        assertThat(values("contacts.csv", "channel")).containsOnlyKeys("CALL", "SMS", "EMAIL", "LETTER", "VISIT");
        assertThat(values("contacts.csv", "outcome")).containsOnlyKeys("RIGHT_PARTY", "THIRD_PARTY", "NO_ANSWER",
                "VOICEMAIL", "BUSY", "NOT_CONNECTED", "WRONG_NUMBER", "REFUSED_CONTACT", "SENT", "DELIVERED",
                "FAILED", "VISITED", "NOT_MET");
        assertThat(values("contacts.csv", "disposition")).containsOnlyKeys("", "PROMISE", "REFUSED_TO_PAY", "DISPUTE",
                "CLAIMS_PAID", "HARDSHIP");
        // deceased borrowers have heirs; some text needs RFC 4180 quoting
        assertThat(files.get("contact_points.csv").stream().anyMatch(r -> r.get("value").contains(","))).isTrue();
        assertThat(files.get("accounts.csv").stream().anyMatch(r -> r.get("creditor").contains("\""))).isTrue();
        // Chinese names for CN parties, English for US/UK
        for (CSVRecord r : files.get("parties.csv")) {
            boolean cn = r.get("time_zone").startsWith("Asia/");
            assertThat(r.get("name").chars().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)).as(r.get("name")).isEqualTo(cn);
        }
    }

    @Test
    void schedulesFollowTheProducts() {
        Map<String, List<CSVRecord>> schedule = group(files.get("installments.csv"));
        for (CSVRecord a : files.get("accounts.csv")) {
            List<CSVRecord> rows = schedule.get(a.get("account_id"));
            switch (a.get("product")) {
                case "CONSUMER_LOAN" -> {
                    assertThat(rows).hasSize(12);
                    assertThat(a.get("penalty_rate_per_day")).isEqualTo("0.0005");
                    assertThat(a.get("penalty_cap")).isNotEmpty();
                    long sum = rows.stream().mapToLong(r -> minor(r.get("principal_due"))).sum();
                    assertThat(sum).as("principal split").isEqualTo(minor(a.get("principal")));
                    assertThat(rows).allSatisfy(r -> assertThat(minor(r.get("interest_due"))).isPositive());
                }
                case "CREDIT_CARD" -> assertThat(a.get("penalty_rate_per_day")).isEmpty();
                case "B2B_RECEIVABLE" -> {
                    assertThat(rows).hasSizeBetween(1, 6);
                    long terms = ChronoUnit.DAYS.between(LocalDate.parse(a.get("open_date")),
                            LocalDate.parse(rows.getFirst().get("due_date")));
                    assertThat(terms).isIn(30L, 45L, 60L);
                }
                default -> {
                    assertThat(rows.size()).isIn(4, 12);
                    assertThat(a.get("penalty_rate_per_day")).isEqualTo("0.001");
                }
            }
        }
        assertThat(files.get("installments.csv").stream().anyMatch(r -> minor(r.get("fee_due")) > 0))
                .as("card statements carry fees").isTrue();
    }

    // --------------------------------------------------------------------------------------------- delinquency

    @Test
    void everyBucketIsHitAndTheEngineFindsThePlannedDelinquency() {
        Map<String, CSVRecord> parties = index(files.get("parties.csv"), "party_id");
        Map<String, List<CSVRecord>> roles = group(files.get("account_parties.csv"));
        Map<String, List<CSVRecord>> schedules = group(files.get("installments.csv"));
        Map<String, List<CSVRecord>> payments = group(files.get("payments.csv"));
        DelinquencyPolicy policy = DelinquencyPolicy.defaults();
        GeneratedAccount plan = new GeneratedAccount(SEED, AS_OF);

        Map<String, Integer> buckets = new TreeMap<>(Comparator.comparing(PortfolioGeneratorDistributionTest::bucketOrder));
        Map<String, Integer> stages = new TreeMap<>();
        Map<String, Integer> risks = new TreeMap<>();
        Map<String, Integer> aging = new TreeMap<>();
        int index = 0;
        for (CSVRecord a : files.get("accounts.csv")) {
            index++;
            String id = a.get("account_id");
            List<CSVRecord> accountParties = roles.getOrDefault(id, List.of());
            CSVRecord borrower = accountParties.stream().filter(r -> r.get("role").equals("BORROWER"))
                    .map(r -> parties.get(r.get("party_id"))).findFirst().orElseThrow();
            boolean otherLiable = accountParties.stream()
                    .filter(r -> Set.of("CO_BORROWER", "GUARANTOR", "HEIR").contains(r.get("role")))
                    .map(r -> parties.get(r.get("party_id")))
                    .anyMatch(p -> p.get("deceased").equals("N") && p.get("bankrupt").equals("N"));
            Account account = new Account(id, Product.valueOf(a.get("product")), Currency.getInstance(a.get("currency")),
                    minor(a.get("principal")), LocalDate.parse(a.get("open_date")),
                    a.get("penalty_rate_per_day").isEmpty() ? null : new BigDecimal(a.get("penalty_rate_per_day")),
                    a.get("penalty_cap").isEmpty() ? null : minor(a.get("penalty_cap")),
                    Integer.parseInt(a.get("grace_days")), Jurisdiction.valueOf(a.get("jurisdiction")),
                    ZoneId.of(borrower.get("time_zone")),
                    new Liability(borrower.get("deceased").equals("Y"), borrower.get("bankrupt").equals("Y"), otherLiable));
            List<Installment> installments = schedules.get(id).stream()
                    .map(r -> new Installment(Integer.parseInt(r.get("seq")), LocalDate.parse(r.get("due_date")),
                            minor(r.get("principal_due")), minor(r.get("interest_due")), minor(r.get("fee_due"))))
                    .toList();
            List<Payment> paid = payments.getOrDefault(id, List.of()).stream()
                    .map(r -> new Payment(r.get("payment_id"), OffsetDateTime.parse(r.get("paid_at")).toInstant(),
                            minor(r.get("amount")), PaymentChannel.valueOf(r.get("channel"))))
                    .toList();

            DelinquencyState state = DelinquencyCalculator.assess(account, installments, paid, AS_OF, policy);
            plan.core(index);
            assertThat(plan.accountId).isEqualTo(id);
            assertThat(state.dpd()).as("engine dpd of " + id).isEqualTo(plan.expectedDpd());
            assertThat(simpleDpd(account, installments, paid)).as("plain reading of the dpd rule for " + id)
                    .isEqualTo(plan.expectedDpd());

            buckets.merge(state.bucket(), 1, Integer::sum);
            stages.merge(state.stage(), 1, Integer::sum);
            risks.merge(state.riskClass().name(), 1, Integer::sum);
            aging.merge(state.agingBucket().name(), 1, Integer::sum);
        }
        System.out.println("buckets " + buckets + "\nstages " + stages + "\nrisk classes " + risks + "\naging " + aging);
        assertThat(buckets).containsOnlyKeys("M0", "M1", "M2", "M3", "M4", "M5", "M6", "M6+");
        assertThat(stages).containsOnlyKeys("PRE_DUE", "CURRENT", "EARLY", "MID", "LATE", "LEGAL");
        assertThat(risks).containsOnlyKeys("NOT_DUE", "OVERDUE", "DOUBTFUL", "BAD", "DEAD");
        assertThat(aging).containsKeys("CURRENT", "Y0_1", "Y1_2", "Y2_3");
        // realistic skew: most accounts current or early, a thin but present tail
        assertThat(buckets.get("M0") + buckets.get("M1")).isGreaterThan(ACCOUNTS * 60 / 100);
        assertThat(buckets.get("M0")).isGreaterThan(buckets.get("M1"));
        assertThat(buckets.get("M1")).isGreaterThan(buckets.get("M2"));
        assertThat(buckets.get("M2")).isGreaterThan(buckets.get("M6"));
        assertThat(buckets.get("M6")).isGreaterThanOrEqualTo(10);
        assertThat(buckets.get("M6+")).isBetween(ACCOUNTS * 3 / 100, ACCOUNTS * 15 / 100);
    }

    @Test
    void productMixIsRealistic() {
        Map<String, Integer> products = values("accounts.csv", "product");
        Map<String, Integer> roles = values("account_parties.csv", "role");
        Map<String, Integer> jurisdictions = values("accounts.csv", "jurisdiction");
        System.out.println("products " + products + "\nroles " + roles + "\njurisdictions " + jurisdictions
                + "\nrows " + counts.rows());
        assertThat(products.get("CONSUMER_LOAN")).isBetween(ACCOUNTS * 50 / 100, ACCOUNTS * 60 / 100);
        assertThat(products.get("CREDIT_CARD")).isBetween(ACCOUNTS * 21 / 100, ACCOUNTS * 29 / 100);
        assertThat(products.get("B2B_RECEIVABLE")).isBetween(ACCOUNTS * 7 / 100, ACCOUNTS * 13 / 100);
        assertThat(products.get("PROPERTY_FEE")).isBetween(ACCOUNTS * 7 / 100, ACCOUNTS * 13 / 100);
        assertThat(jurisdictions.get("CN")).isGreaterThan(ACCOUNTS * 3 / 4);
        long deceased = files.get("parties.csv").stream().filter(r -> r.get("deceased").equals("Y")).count();
        long parties = files.get("parties.csv").size();
        assertThat(deceased * 1000 / parties).as("deceased per mille").isBetween(3L, 20L);
    }

    /**
     * The dpd rule read plainly, independent of the engine: pay instalments oldest first with everything received
     * by asOf (penalty ignored); dpd counts from the oldest one due before asOf that is not covered, beyond grace.
     */
    private static int simpleDpd(Account account, List<Installment> installments, List<Payment> payments) {
        long money = 0;
        for (Payment p : payments) {
            if (!p.paidAt().atZone(account.zone()).toLocalDate().isAfter(AS_OF)) {
                money += p.amount();
            }
        }
        for (Installment i : installments) {
            if (money >= i.due()) {
                money -= i.due();
                continue;
            }
            if (!i.dueDate().isBefore(AS_OF)) {
                return 0;
            }
            long days = ChronoUnit.DAYS.between(i.dueDate(), AS_OF);
            return days > account.graceDays() ? (int) days : 0;
        }
        return 0;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static int bucketOrder(String bucket) {
        return List.of("M0", "M1", "M2", "M3", "M4", "M5", "M6", "M6+").indexOf(bucket);
    }

    private static Map<String, Integer> values(String file, String column) {
        return files.get(file).stream().collect(Collectors.toMap(r -> r.get(column), r -> 1, Integer::sum, TreeMap::new));
    }
}

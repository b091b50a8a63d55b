package org.recoup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
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

class PortfolioGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final long SEED = 20_261_123L;
    private static final int ACCOUNTS = 2_000;

    /** Contract §2 column lists, written out here on purpose (not taken from the generator). */
    private static final Map<String, String> CONTRACT_HEADERS = new LinkedHashMap<>();

    static {
        CONTRACT_HEADERS.put("accounts.csv", "account_id,product,currency,principal,open_date,penalty_rate_per_day,"
                + "penalty_cap,grace_days,jurisdiction,portfolio,creditor");
        CONTRACT_HEADERS.put("parties.csv", "party_id,name,id_number,gender,birth_date,occupation,region,time_zone,"
                + "deceased,bankrupt,incarcerated");
        CONTRACT_HEADERS.put("account_parties.csv", "account_id,party_id,role");
        CONTRACT_HEADERS.put("contact_points.csv", "contact_point_id,party_id,type,value,consent,time_zone");
        CONTRACT_HEADERS.put("installments.csv", "account_id,seq,due_date,principal_due,interest_due,fee_due");
        CONTRACT_HEADERS.put("payments.csv", "payment_id,account_id,paid_at,amount,channel,reference");
        CONTRACT_HEADERS.put("contacts.csv", "contact_id,account_id,party_id,contact_point_id,channel,at,outcome");
    }

    private static final Pattern AMOUNT = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("L-\\d{6,}");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9.\\-]+@([a-z0-9\\-]+\\.)?example\\.(com|net|org)");
    private static final Pattern US_PHONE = Pattern.compile("\\+1\\d{3}55501\\d{2}");
    private static final Pattern UK_PHONE = Pattern.compile("\\+447700900\\d{3}|\\+44(20794|16149|12149|11349|11749|14149)60\\d{3}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    @TempDir
    static Path tmp;

    private static Path portfolio;
    private static PortfolioGenerator.RowCounts counts;
    private static Map<String, List<CSVRecord>> files;

    @BeforeAll
    static void generateOnce() throws IOException {
        portfolio = tmp.resolve("p2000");
        counts = new PortfolioGenerator(SEED, ACCOUNTS, AS_OF).write(portfolio);
        files = new HashMap<>();
        for (String file : PortfolioGenerator.FILES) {
            files.put(file, read(portfolio.resolve(file)));
        }
    }

    // ------------------------------------------------------------------------------------------------ determinism

    @Test
    void sameSeedAccountsAndDateGiveByteIdenticalFilesAndZips() throws IOException {
        Path a = tmp.resolve("same-a");
        Path b = tmp.resolve("same-b");
        new PortfolioGenerator(7, 300, AS_OF).writeCsv(a);
        new PortfolioGenerator(7, 300, AS_OF).writeCsv(b);
        for (String file : PortfolioGenerator.FILES) {
            assertThat(Files.mismatch(a.resolve(file), b.resolve(file))).as(file).isEqualTo(-1L);
        }

        ByteArrayOutputStream zip1 = new ByteArrayOutputStream();
        ByteArrayOutputStream zip2 = new ByteArrayOutputStream();
        new PortfolioGenerator(7, 300, AS_OF).writeZip(zip1);
        new PortfolioGenerator(7, 300, AS_OF).writeZip(zip2);
        assertThat(zip1.toByteArray()).isEqualTo(zip2.toByteArray());

        // the zip holds exactly the CSV files
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip1.toByteArray()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactlyElementsOf(PortfolioGenerator.FILES);
        for (String file : PortfolioGenerator.FILES) {
            assertThat(entries.get(file)).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
    }

    @Test
    void anAccountIsTheSameWhateverThePortfolioSize() throws IOException {
        Path small = tmp.resolve("size-100");
        Path large = tmp.resolve("size-1000");
        new PortfolioGenerator(SEED, 100, AS_OF).writeCsv(small);
        new PortfolioGenerator(SEED, 1000, AS_OF).writeCsv(large);
        for (String file : PortfolioGenerator.FILES) {
            byte[] s = Files.readAllBytes(small.resolve(file));
            byte[] l = Files.readAllBytes(large.resolve(file));
            assertThat(l.length).as(file).isGreaterThan(s.length);
            assertThat(Arrays.copyOf(l, s.length)).as(file + " of 100 accounts is a prefix of 1000").isEqualTo(s);
        }
        // and the first 2,000-account run agrees with both
        assertThat(Files.readAllBytes(large.resolve("installments.csv")))
                .isEqualTo(Arrays.copyOf(Files.readAllBytes(portfolio.resolve("installments.csv")),
                        (int) Files.size(large.resolve("installments.csv"))));
    }

    @Test
    void anotherSeedGivesAnotherPortfolio() throws IOException {
        Path a = tmp.resolve("seed-1");
        Path b = tmp.resolve("seed-2");
        new PortfolioGenerator(1, 50, AS_OF).writeCsv(a);
        new PortfolioGenerator(2, 50, AS_OF).writeCsv(b);
        assertThat(Files.mismatch(a.resolve("accounts.csv"), b.resolve("accounts.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void progressIsReportedUpToTheLastAccount() throws IOException {
        List<Long> seen = new ArrayList<>();
        new PortfolioGenerator(3, 10_500, AS_OF, seen::add).writeCsv(tmp.resolve("progress"));
        assertThat(seen).containsExactly(10_000L, 10_500L);
        AtomicLong last = new AtomicLong();
        new PortfolioGenerator(3, 120, AS_OF, last::set).writeZip(new ByteArrayOutputStream());
        assertThat(last.get()).isEqualTo(120);
    }

    // ------------------------------------------------------------------------------------------------------ format

    @Test
    void headersAreExactlyTheContractColumnsInUtf8WithoutBom() throws IOException {
        for (Map.Entry<String, String> e : CONTRACT_HEADERS.entrySet()) {
            byte[] bytes = Files.readAllBytes(portfolio.resolve(e.getKey()));
            assertThat(bytes[0]).as(e.getKey() + " has no BOM").isNotEqualTo((byte) 0xEF);
            String text = strictUtf8(bytes);
            assertThat(text.substring(0, text.indexOf('\n'))).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(PortfolioGenerator.FILES).containsExactlyElementsOf(CONTRACT_HEADERS.keySet());
        assertThat(counts.of("accounts.csv")).isEqualTo(ACCOUNTS);
        for (String file : PortfolioGenerator.FILES) {
            assertThat(counts.of(file)).as(file).isEqualTo(files.get(file).size());
        }
    }

    @Test
    void everyValueIsValidForTheImporter() {
        Problems problems = new Problems();
        Set<String> products = Set.of("CONSUMER_LOAN", "CREDIT_CARD", "B2B_RECEIVABLE", "PROPERTY_FEE");
        Map<String, String> currencyOf = Map.of("CN", "CNY", "US", "USD", "UK", "GBP");
        for (CSVRecord r : files.get("accounts.csv")) {
            String id = r.get("account_id");
            problems.matches(id, ACCOUNT_ID, "account_id");
            problems.in(r.get("product"), products, id + " product");
            problems.check(r.get("currency").equals(currencyOf.get(r.get("jurisdiction"))), id + " currency");
            problems.amount(r.get("principal"), id + " principal");
            problems.check(minor(r.get("principal")) > 0, id + " principal positive");
            problems.date(r.get("open_date"), id + " open_date");
            problems.check(!LocalDate.parse(r.get("open_date")).isAfter(AS_OF), id + " opened by asOf");
            if (!r.get("penalty_rate_per_day").isEmpty()) {
                BigDecimal rate = new BigDecimal(r.get("penalty_rate_per_day"));
                problems.check(rate.signum() > 0 && rate.compareTo(new BigDecimal("0.01")) < 0, id + " penalty rate");
            }
            if (!r.get("penalty_cap").isEmpty()) {
                problems.amount(r.get("penalty_cap"), id + " penalty_cap");
            }
            int grace = Integer.parseInt(r.get("grace_days"));
            problems.check(grace >= 0 && grace <= 90, id + " grace_days");
            problems.check(!r.get("portfolio").isBlank() && !r.get("creditor").isBlank(), id + " portfolio/creditor");
        }
        Set<String> occupations = Set.of("WHITE_COLLAR", "RETIREE", "SME_OWNER", "WORKER", "STUDENT", "OTHER");
        Set<String> yesNo = Set.of("Y", "N");
        for (CSVRecord r : files.get("parties.csv")) {
            String id = r.get("party_id");
            problems.check(!r.get("name").isBlank(), id + " name");
            problems.in(r.get("gender"), Set.of("M", "F", "U"), id + " gender");
            if (!r.get("birth_date").isEmpty()) {
                problems.date(r.get("birth_date"), id + " birth_date");
                long age = ChronoUnit.YEARS.between(LocalDate.parse(r.get("birth_date")), AS_OF);
                problems.check(age >= 18 && age <= 80, id + " age " + age);
            }
            if (!r.get("occupation").isEmpty()) {
                problems.in(r.get("occupation"), occupations, id + " occupation");
            }
            problems.zone(r.get("time_zone"), id + " time_zone");
            for (String flag : List.of("deceased", "bankrupt", "incarcerated")) {
                problems.in(r.get(flag), yesNo, id + " " + flag);
            }
            String idNumber = r.get("id_number");
            if (idNumber.length() == 18 && !idNumber.startsWith("91")) {
                problems.check(idNumber.charAt(17) == idCheck(idNumber), id + " ID check character " + idNumber);
            }
        }
        Set<String> roles = Set.of("BORROWER", "CO_BORROWER", "GUARANTOR", "SPOUSE", "HEIR", "EMERGENCY_CONTACT", "EMPLOYER");
        for (CSVRecord r : files.get("account_parties.csv")) {
            problems.in(r.get("role"), roles, r.get("party_id") + " role");
        }
        Set<String> types = Set.of("MOBILE", "HOME_PHONE", "WORK_PHONE", "EMAIL", "ADDRESS");
        for (CSVRecord r : files.get("contact_points.csv")) {
            String id = r.get("contact_point_id");
            String value = r.get("value");
            problems.in(r.get("type"), types, id + " type");
            problems.check(!value.isBlank(), id + " value");
            problems.in(r.get("consent"), yesNo, id + " consent");
            if (!r.get("time_zone").isEmpty()) {
                problems.zone(r.get("time_zone"), id + " time_zone");
            }
            if (r.get("type").equals("EMAIL")) {
                problems.matches(value, EMAIL, id + " e-mail on a reserved example domain");
            }
            if (value.startsWith("+1")) {
                problems.matches(value, US_PHONE, id + " US number in the fictional 555-01XX range");
            }
            if (value.startsWith("+44")) {
                problems.matches(value, UK_PHONE, id + " UK number in the Ofcom drama ranges");
            }
        }
        Map<String, Integer> lastSeq = new HashMap<>();
        for (CSVRecord r : files.get("installments.csv")) {
            String id = r.get("account_id") + "#" + r.get("seq");
            problems.check(Integer.parseInt(r.get("seq")) == lastSeq.merge(r.get("account_id"), 1, Integer::sum),
                    id + " seq runs 1, 2, …");
            problems.date(r.get("due_date"), id + " due_date");
            problems.amount(r.get("principal_due"), id + " principal_due");
            problems.amount(r.get("interest_due"), id + " interest_due");
            problems.amount(r.get("fee_due"), id + " fee_due");
        }
        Set<String> payChannels = Set.of("BANK_TRANSFER", "CARD", "WECHAT", "ALIPAY", "CASH_AT_BRANCH", "OTHER");
        for (CSVRecord r : files.get("payments.csv")) {
            String id = r.get("payment_id");
            problems.instant(r.get("paid_at"), id + " paid_at");
            problems.amount(r.get("amount"), id + " amount");
            problems.check(minor(r.get("amount")) > 0, id + " amount positive");
            problems.in(r.get("channel"), payChannels, id + " channel");
        }
        Map<String, String> zoneOfParty = new HashMap<>();
        for (CSVRecord r : files.get("parties.csv")) {
            zoneOfParty.put(r.get("party_id"), r.get("time_zone"));
        }
        Set<String> callOutcomes = Set.of("RIGHT_PARTY", "THIRD_PARTY", "NO_ANSWER", "VOICEMAIL", "BUSY",
                "NOT_CONNECTED", "WRONG_NUMBER", "REFUSED_CONTACT");
        Set<String> messageOutcomes = Set.of("SENT", "DELIVERED", "FAILED");
        for (CSVRecord r : files.get("contacts.csv")) {
            String id = r.get("contact_id");
            problems.in(r.get("channel"), Set.of("CALL", "SMS", "EMAIL", "LETTER", "VISIT"), id + " channel");
            problems.instant(r.get("at"), id + " at");
            OffsetDateTime at = OffsetDateTime.parse(r.get("at"));
            ZoneId zone = ZoneId.of(zoneOfParty.get(r.get("party_id")));
            problems.check(at.getOffset().equals(zone.getRules().getOffset(at.toInstant())), id + " offset of " + zone);
            LocalTime local = at.toLocalTime();
            problems.check(!local.isBefore(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(20, 0)),
                    id + " daytime in the party's zone: " + local);
            String outcome = r.get("outcome");
            switch (r.get("channel")) {
                case "CALL" -> problems.in(outcome, callOutcomes, id + " call outcome");
                case "VISIT" -> problems.in(outcome, Set.of("VISITED", "NOT_MET"), id + " visit outcome");
                default -> problems.in(outcome, messageOutcomes, id + " message outcome");
            }
        }
        problems.assertNone();
    }

    @Test
    void everyReferenceResolvesAndIdsAreUnique() {
        Problems problems = new Problems();
        Map<String, CSVRecord> accounts = index(files.get("accounts.csv"), "account_id");
        Map<String, CSVRecord> parties = index(files.get("parties.csv"), "party_id");
        Map<String, CSVRecord> points = index(files.get("contact_points.csv"), "contact_point_id");
        index(files.get("payments.csv"), "payment_id");
        index(files.get("contacts.csv"), "contact_id");
        assertThat(accounts).hasSize(ACCOUNTS);

        Map<String, Set<String>> partiesOfAccount = new HashMap<>();
        Map<String, Integer> borrowers = new HashMap<>();
        Set<String> linkedParties = new HashSet<>();
        Set<String> links = new HashSet<>();
        for (CSVRecord r : files.get("account_parties.csv")) {
            String link = r.get("account_id") + "/" + r.get("party_id");
            problems.check(accounts.containsKey(r.get("account_id")), link + " account exists");
            problems.check(parties.containsKey(r.get("party_id")), link + " party exists");
            problems.check(links.add(link), link + " one role per party and account");
            partiesOfAccount.computeIfAbsent(r.get("account_id"), k -> new HashSet<>()).add(r.get("party_id"));
            linkedParties.add(r.get("party_id"));
            if (r.get("role").equals("BORROWER")) {
                borrowers.merge(r.get("account_id"), 1, Integer::sum);
            }
        }
        assertThat(linkedParties).as("every party belongs to an account").isEqualTo(parties.keySet());
        assertThat(borrowers).as("exactly one borrower per account").hasSize(ACCOUNTS)
                .allSatisfy((k, v) -> assertThat(v).isOne());

        for (CSVRecord r : files.get("contact_points.csv")) {
            problems.check(parties.containsKey(r.get("party_id")), r.get("contact_point_id") + " party exists");
        }
        Set<String> scheduled = new HashSet<>();
        for (CSVRecord r : files.get("installments.csv")) {
            problems.check(accounts.containsKey(r.get("account_id")), r.get("account_id") + " instalment's account");
            scheduled.add(r.get("account_id"));
        }
        assertThat(scheduled).as("every account has a schedule").isEqualTo(accounts.keySet());
        for (CSVRecord r : files.get("payments.csv")) {
            problems.check(accounts.containsKey(r.get("account_id")), r.get("payment_id") + " account exists");
        }
        for (CSVRecord r : files.get("contacts.csv")) {
            String id = r.get("contact_id");
            problems.check(accounts.containsKey(r.get("account_id")), id + " account exists");
            problems.check(partiesOfAccount.getOrDefault(r.get("account_id"), Set.of()).contains(r.get("party_id")),
                    id + " contacted party is on the account");
            if (!r.get("contact_point_id").isEmpty()) {
                CSVRecord cp = points.get(r.get("contact_point_id"));
                problems.check(cp != null, id + " contact point exists");
                if (cp != null) {
                    problems.check(cp.get("party_id").equals(r.get("party_id")), id + " contact point is the party's");
                    problems.check(cp.get("consent").equals("Y"), id + " contact point has consent");
                }
            }
        }
        problems.assertNone();
    }

    @Test
    void nothingIsDatedAfterAsOf() {
        Problems problems = new Problems();
        Instant endOfAsOfAnywhere = AS_OF.plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant();
        for (CSVRecord r : files.get("payments.csv")) {
            String id = r.get("payment_id");
            OffsetDateTime paid = OffsetDateTime.parse(r.get("paid_at"));
            problems.check(paid.toLocalDate().isBefore(AS_OF), id + " paid before asOf");
            problems.check(paid.toInstant().atZone(ZoneOffset.UTC).toLocalDate().equals(paid.toLocalDate()),
                    id + " same value date in UTC");
            problems.check(paid.toInstant().isBefore(endOfAsOfAnywhere), id + " instant before asOf ends anywhere");
        }
        for (CSVRecord r : files.get("contacts.csv")) {
            LocalDate day = OffsetDateTime.parse(r.get("at")).toLocalDate();
            problems.check(!day.isBefore(AS_OF.minusDays(30)) && day.isBefore(AS_OF),
                    r.get("contact_id") + " within the 30 days before asOf: " + day);
        }
        problems.assertNone();
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

        Map<String, Integer> buckets = new TreeMap<>(Comparator.comparing(PortfolioGeneratorTest::bucketOrder));
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

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    private static Map<String, CSVRecord> index(List<CSVRecord> rows, String column) {
        Map<String, CSVRecord> byId = new HashMap<>();
        for (CSVRecord r : rows) {
            assertThat(byId.put(r.get(column), r)).as("duplicate " + column + " " + r.get(column)).isNull();
        }
        return byId;
    }

    private static Map<String, List<CSVRecord>> group(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.get("account_id"), LinkedHashMap::new, Collectors.toList()));
    }

    private static Map<String, Integer> values(String file, String column) {
        return files.get(file).stream().collect(Collectors.toMap(r -> r.get(column), r -> 1, Integer::sum, TreeMap::new));
    }

    private static long minor(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private static char idCheck(String id) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** Collects failed checks (cheap when they pass) and reports the first ones together. */
    private static final class Problems {

        private final List<String> found = new ArrayList<>();

        void check(boolean ok, String what) {
            if (!ok) {
                found.add(what);
            }
        }

        void matches(String value, Pattern pattern, String what) {
            if (!pattern.matcher(value).matches()) {
                found.add(what + ": '" + value + "' does not match " + pattern);
            }
        }

        void in(String value, Set<String> allowed, String what) {
            if (!allowed.contains(value)) {
                found.add(what + ": '" + value + "' not in " + allowed);
            }
        }

        void amount(String value, String what) {
            matches(value, AMOUNT, what);
        }

        void date(String value, String what) {
            matches(value, DATE, what);
        }

        void instant(String value, String what) {
            matches(value, INSTANT, what);
        }

        void zone(String value, String what) {
            try {
                ZoneId.of(value);
            } catch (RuntimeException e) {
                found.add(what + ": " + e.getMessage());
            }
        }

        void assertNone() {
            assertThat(found.subList(0, Math.min(found.size(), 30))).as(found.size() + " problems").isEmpty();
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}

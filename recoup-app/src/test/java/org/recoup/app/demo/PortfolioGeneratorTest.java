package org.recoup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.app.demo.SamplePortfolio.ACCOUNTS;
import static org.recoup.app.demo.SamplePortfolio.AS_OF;
import static org.recoup.app.demo.SamplePortfolio.SEED;
import static org.recoup.app.demo.SamplePortfolio.index;
import static org.recoup.app.demo.SamplePortfolio.minor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated files as files: determinism (same inputs, same bytes; an account does not depend on the portfolio
 * size), progress, and the import format of contract §2 (headers, valid values, resolvable references, nothing dated
 * after asOf). The realism of the content is checked by {@link PortfolioGeneratorDistributionTest}.
 */
class PortfolioGeneratorTest {

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
        // contacts.csv disposition and promises.csv are the import's extensions of contract §2 (docs/import.md)
        CONTRACT_HEADERS.put("contacts.csv", "contact_id,account_id,party_id,contact_point_id,channel,at,outcome,"
                + "disposition");
        CONTRACT_HEADERS.put("promises.csv", "promise_id,account_id,party_id,amount,due_date,promised_at,channel,"
                + "cancelled_at");
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
        SamplePortfolio sample = SamplePortfolio.generate(tmp.resolve("p2000"));
        portfolio = sample.dir();
        counts = sample.counts();
        files = sample.files();
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
        index(files.get("promises.csv"), "promise_id");
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
        for (CSVRecord r : files.get("promises.csv")) {
            LocalDate made = OffsetDateTime.parse(r.get("promised_at")).toLocalDate();
            problems.check(made.isBefore(AS_OF), r.get("promise_id") + " made before asOf: " + made);
            problems.check(!LocalDate.parse(r.get("due_date")).isBefore(made), r.get("promise_id") + " due after made");
        }
        problems.assertNone();
    }

    // ------------------------------------------------------------------------------------------------- helpers

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

package org.recoup.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.recoup.engine.compliance.BorrowerFacts;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactHistory;
import org.recoup.engine.compliance.ContactHistory.Attempt;
import org.recoup.engine.compliance.ContactPointFacts;
import org.recoup.engine.compliance.ContactPolicy;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Hold;
import org.recoup.engine.compliance.JurisdictionProfile;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.PartyFacts;
import org.recoup.engine.compliance.PartyRole;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.recoup.engine.debt.Jurisdiction;

/**
 * Throughput of {@link ContactPolicy#evaluate}: one operation = one compliance check (ops/s = checks/s).
 * <p>
 * 1024 borrowers, half under the CN profile (Asia/Shanghai or Asia/Urumqi), half under the US profile (four US zones,
 * some phones in another zone), each with a 30-day history of about 60 attempts (calls with mixed outcomes, SMS,
 * e-mail, the odd visit) and one request at a random instant of the last day. {@code evaluate} checks without content;
 * {@code evaluateWithContent} adds a ~100-character reminder that goes through the content lint. Fixed seed. About
 * 62% of the checks are allowed; the others block on the 7-in-7 cap, the wait after a conversation, the hours or a
 * daily cap, so both the pass and the block paths (with nextAllowedAt) are measured.
 * <pre>
 * ./mvnw -q -DskipTests install
 * java -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.openjdk.jmh.Main ContactPolicyBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class ContactPolicyBenchmark {

    private static final int CASES = 1024; // a power of two: the index wraps with a mask
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<ZoneId> CN_ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Urumqi"));
    private static final List<ZoneId> US_ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles"));
    private static final Outcome[] CALL_OUTCOMES = {Outcome.NO_ANSWER, Outcome.NO_ANSWER, Outcome.BUSY,
            Outcome.VOICEMAIL, Outcome.NOT_CONNECTED, Outcome.RIGHT_PARTY, Outcome.THIRD_PARTY};

    private ContactRequest[] requests;
    private ContactRequest[] requestsWithContent;
    private PartyFacts[] parties;
    private ContactPointFacts[] points;
    private ContactHistory[] histories;
    private JurisdictionProfile[] profiles;
    private final List<Hold> holds = List.of();
    private int next;

    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(20261123L);
        JurisdictionProfile cn = JurisdictionProfile.defaults(Jurisdiction.CN);
        JurisdictionProfile us = JurisdictionProfile.defaults(Jurisdiction.US);
        requests = new ContactRequest[CASES];
        requestsWithContent = new ContactRequest[CASES];
        parties = new PartyFacts[CASES];
        points = new ContactPointFacts[CASES];
        histories = new ContactHistory[CASES];
        profiles = new JurisdictionProfile[CASES];
        for (int c = 0; c < CASES; c++) {
            boolean china = (c & 1) == 0;
            List<ZoneId> zones = china ? CN_ZONES : US_ZONES;
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            ZoneId phoneZone = random.nextInt(5) == 0 ? zones.get(random.nextInt(zones.size())) : null;
            String account = "L-" + c;
            String party = "P-" + c;
            List<Attempt> attempts = new ArrayList<>(64);
            int count = 50 + random.nextInt(21); // ~60 attempts over 30 days
            for (int k = 0; k < count; k++) {
                LocalDate day = TODAY.minusDays(random.nextInt(30));
                Instant at = day.atTime(LocalTime.of(8 + random.nextInt(13), random.nextInt(60))).atZone(zone).toInstant();
                int kind = random.nextInt(10);
                Channel channel = kind < 7 ? Channel.CALL : kind < 9 ? Channel.SMS : kind == 9 && random.nextBoolean() ? Channel.EMAIL : Channel.VISIT;
                Outcome outcome = switch (channel) {
                    case CALL -> CALL_OUTCOMES[random.nextInt(CALL_OUTCOMES.length)];
                    case VISIT -> random.nextBoolean() ? Outcome.VISITED : Outcome.NOT_MET;
                    default -> Outcome.DELIVERED;
                };
                attempts.add(new Attempt(account, party, random.nextInt(4) == 0 ? "CP-" + c + "-2" : "CP-" + c, channel, at, outcome));
            }
            Instant at = TODAY.atTime(LocalTime.of(7 + random.nextInt(15), random.nextInt(60))).atZone(zone).toInstant();
            Channel channel = random.nextInt(4) == 0 ? Channel.SMS : Channel.CALL;
            requests[c] = new ContactRequest(account, party, "CP-" + c, channel, at, null, List.of(), Purpose.COLLECTION);
            requestsWithContent[c] = new ContactRequest(account, party, "CP-" + c, channel, at, china
                    ? "张三您好,您在本行的借款有一笔3200.00元的款项已于2026年11月15日到期,目前尚未结清。请通过手机银行还款;如还款有困难,请致电4000000000与我们协商还款计划。"
                    : "Hello John, a payment of $320.00 on your account was due on 2026-11-15 and has not been received. Please call us on 800-000-0000 to discuss a plan.",
                    List.of(), Purpose.COLLECTION);
            parties[c] = new PartyFacts(party, PartyRole.BORROWER, zone, china ? Jurisdiction.CN : Jurisdiction.US, false,
                    false, false, null, false, false, new BorrowerFacts(party, false, false, true));
            points[c] = new ContactPointFacts("CP-" + c, "MOBILE", true, true, phoneZone);
            histories[c] = new ContactHistory(attempts);
            profiles[c] = china ? cn : us;
        }
    }

    @Benchmark
    public Verdict evaluate() {
        int i = next++ & (CASES - 1);
        return ContactPolicy.evaluate(requests[i], parties[i], points[i], holds, histories[i], profiles[i]);
    }

    @Benchmark
    public Verdict evaluateWithContent() {
        int i = next++ & (CASES - 1);
        return ContactPolicy.evaluate(requestsWithContent[i], parties[i], points[i], holds, histories[i], profiles[i]);
    }
}

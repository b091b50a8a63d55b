package org.recoup.app.workbench;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.recoup.app.compliance.Contacts;
import org.recoup.app.delinquency.Delinquency;
import org.recoup.app.portfolio.ContactMasking;
import org.recoup.app.promise.PromiseDesk;
import org.recoup.app.promise.PromiseView;
import org.recoup.app.web.AmountFormat;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.promise.PromiseStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads one case ({@code C-<borrower party id>}) for the case page and {@code GET /api/v1/cases/{caseId}}: a fixed
 * number of indexed queries whatever the case's size (each list is read for all the case's accounts or parties at
 * once, with {@code IN} over the borrower's accounts), never one query per row. Scope is the caller's business.
 */
@Service
class CaseFiles {

    /** How many contacts, notes and bucket moves the page shows (newest first). */
    static final int RECENT = 50;
    private static final Set<String> LIABLE = Set.of("BORROWER", "CO_BORROWER", "GUARANTOR");
    private static final String CASE_ACCOUNTS =
            "SELECT account_id FROM account_party WHERE party_id = :party AND role = 'BORROWER'";

    private final JdbcClient jdbc;
    private final Delinquency delinquency;
    private final PromiseDesk promises;
    private final Contacts contacts;
    private final Clock clock;

    CaseFiles(JdbcClient jdbc, Delinquency delinquency, PromiseDesk promises, Contacts contacts,
              ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.delinquency = delinquency;
        this.promises = promises;
        this.contacts = contacts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The borrower party of a case id, when the id has the form {@code C-<party id>}. */
    static Optional<String> partyOf(String caseId) {
        return caseId != null && caseId.startsWith("C-") && caseId.length() > 2 ? Optional.of(caseId.substring(2))
                : Optional.empty();
    }

    private record Borrower(String partyId, String name, String gender, LocalDate birthDate, String occupation,
                            String region, String timeZone, boolean deceased, boolean bankrupt, boolean incarcerated) {
    }

    /** The case, or empty when no party borrows under this case id. */
    Optional<CaseFile> load(String caseId, boolean unmaskContacts) {
        Optional<String> partyId = partyOf(caseId);
        if (partyId.isEmpty()) {
            return Optional.empty();
        }
        String party = partyId.get();
        Optional<Borrower> found = jdbc.sql("""
                        SELECT party_id, name, gender, birth_date, occupation, region, time_zone, deceased, bankrupt,
                               incarcerated FROM party WHERE party_id = ?""")
                .param(party)
                .query((rs, n) -> new Borrower(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10)))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Borrower borrower = found.get();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone(borrower.timeZone()));

        record Acc(String id, String product, String currency, long principal, LocalDate open, String creditor,
                   String portfolio, String jurisdiction) {
        }
        List<Acc> accounts = jdbc.sql("""
                        SELECT a.account_id, a.product, a.currency, a.principal_minor, a.open_date, a.creditor, a.portfolio,
                               a.jurisdiction FROM account a WHERE a.account_id IN (""" + CASE_ACCOUNTS + ") ORDER BY a.account_id")
                .param("party", party)
                .query((rs, n) -> new Acc(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        if (accounts.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> currencyOf = new HashMap<>();
        accounts.forEach(a -> currencyOf.put(a.id(), a.currency()));

        String status = jdbc.sql("SELECT status FROM collection_case WHERE case_id = ?").param(caseId)
                .query(String.class).optional().orElse("NONE");
        CaseFile.Assignment assignment = jdbc.sql("SELECT team, agent, agency_id FROM case_assignment WHERE case_id = ?")
                .param(caseId).query((rs, n) -> new CaseFile.Assignment(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(null);

        List<CaseFile.PartyLine> parties = jdbc.sql("""
                        SELECT p.party_id, p.name, ap.role, ap.account_id, p.gender, p.occupation, p.time_zone, p.deceased,
                               p.bankrupt, p.incarcerated
                        FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                        WHERE ap.account_id IN (""" + CASE_ACCOUNTS + ") ORDER BY ap.account_id, ap.role, p.party_id")
                .param("party", party)
                .query((rs, n) -> new CaseFile.PartyLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getBoolean(10), LIABLE.contains(rs.getString(3))))
                .list();
        parties = new ArrayList<>(parties);
        parties.sort(Comparator.comparingInt((CaseFile.PartyLine p) -> roleRank(p.role()))
                .thenComparing(CaseFile.PartyLine::accountId).thenComparing(CaseFile.PartyLine::partyId));
        Set<String> partyIds = new LinkedHashSet<>();
        parties.forEach(p -> partyIds.add(p.partyId()));

        List<CaseFile.ContactPointLine> points = jdbc.sql("""
                        SELECT contact_point_id, party_id, type, contact_value, valid, consent FROM contact_point
                        WHERE party_id IN (:parties) ORDER BY party_id, contact_point_id""")
                .param("parties", partyIds)
                .query((rs, n) -> new CaseFile.ContactPointLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        unmaskContacts ? rs.getString(4) : ContactMasking.mask(rs.getString(3), rs.getString(4)),
                        !unmaskContacts, rs.getBoolean(5), rs.getBoolean(6)))
                .list();

        record Inst(String accountId, int seq, LocalDate due, long principal, long interest, long fee) {
            long total() {
                return principal + interest + fee;
            }
        }
        List<Inst> instalments = jdbc.sql("""
                        SELECT account_id, seq, due_date, principal_minor, interest_minor, fee_minor FROM installment
                        WHERE account_id IN (""" + CASE_ACCOUNTS + ") ORDER BY account_id, seq")
                .param("party", party)
                .query((rs, n) -> new Inst(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
        List<CaseFile.PaymentLine> payments = jdbc.sql("""
                        SELECT payment_id, account_id, paid_at, amount_minor, channel, reference, source FROM payment
                        WHERE account_id IN (""" + CASE_ACCOUNTS + ") ORDER BY paid_at DESC, payment_id")
                .param("party", party)
                .query((rs, n) -> new CaseFile.PaymentLine(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
        // payments cover instalments oldest first (a display approximation of the engine's waterfall, penalty aside)
        Map<String, Long> paidByAccount = new HashMap<>();
        payments.forEach(p -> paidByAccount.merge(p.accountId(), p.amountMinor(), Long::sum));
        List<CaseFile.InstalmentLine> instalmentLines = new ArrayList<>();
        Map<String, Long> left = new HashMap<>(paidByAccount);
        int periodsOverdue = 0;
        for (Inst i : instalments) {
            long available = left.getOrDefault(i.accountId(), 0L);
            long paid = Math.min(available, i.total());
            left.put(i.accountId(), available - paid);
            boolean overdue = paid < i.total() && i.due().isBefore(today);
            if (overdue) {
                periodsOverdue++;
            }
            instalmentLines.add(new CaseFile.InstalmentLine(i.accountId(), i.seq(), i.due(), i.principal(),
                    i.interest(), i.fee(), paid, overdue));
        }

        List<CaseFile.StateMove> moves = jdbc.sql("""
                        SELECT account_id, as_of, from_as_of, from_value, to_value FROM state_move
                        WHERE account_id IN (""" + CASE_ACCOUNTS + ") AND dimension = 'BUCKET' ORDER BY as_of DESC, account_id")
                .param("party", party)
                .query((rs, n) -> new CaseFile.StateMove(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)))
                .list();
        moves = moves.size() > RECENT ? moves.subList(0, RECENT) : moves;

        List<CaseFile.ContactLine> contactLines = jdbc.sql("""
                        SELECT contact_id, account_id, party_id, channel, attempted_at, outcome, disposition, created_by
                        FROM contact_attempt WHERE account_id IN (""" + CASE_ACCOUNTS + ") ORDER BY attempted_at DESC, contact_id")
                .param("party", party)
                .query((rs, n) -> new CaseFile.ContactLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
                        rs.getString(7), rs.getString(8)))
                .list();
        int contacts30 = (int) contactLines.stream().filter(c -> c.at().isAfter(now.minus(Duration.ofDays(30)))).count();
        Instant lastRpc = contactLines.stream().filter(c -> "RIGHT_PARTY".equals(c.outcome())).map(CaseFile.ContactLine::at)
                .findFirst().orElse(null);
        contactLines = contactLines.size() > RECENT ? contactLines.subList(0, RECENT) : contactLines;

        List<CaseFile.PromiseLine> promiseLines = new ArrayList<>();
        for (Acc a : accounts) {
            for (PromiseView p : promises.ofAccount(a.id())) {
                int digits = AmountFormat.digitsOf(p.currency());
                promiseLines.add(new CaseFile.PromiseLine(p.promiseId(), p.accountId(), p.partyId(),
                        p.amount().movePointRight(digits).longValueExact(), p.currency(), p.dueDate(), p.channel(),
                        p.promisedAt(), p.status().name(), p.paid().movePointRight(digits).longValueExact(),
                        p.resolvedOn(), p.createdBy()));
            }
        }
        promiseLines.sort(Comparator.comparing(CaseFile.PromiseLine::dueDate).thenComparing(CaseFile.PromiseLine::promisedAt));

        List<CaseFile.NoteLine> notes = jdbc.sql("""
                        SELECT note_id, body, created_by, created_at FROM case_note WHERE case_id = ?
                        ORDER BY created_at DESC, note_id""")
                .param(caseId)
                .query((rs, n) -> new CaseFile.NoteLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        List<CaseFile.HoldLine> holds = contacts.holds(partyIds).stream()
                .map(h -> new CaseFile.HoldLine(h.holdId(), h.partyId(), h.type().name(), h.from(), h.to(), h.reason(),
                        h.setBy(), h.endedAt(), h.active()))
                .toList();
        List<CaseFile.ClaimLine> claims = PaymentClaims.forCase(jdbc, caseId);

        List<CaseFile.AccountLine> accountLines = new ArrayList<>();
        long overdue = 0;
        long outstanding = 0;
        int dpd = 0;
        String bucket = null;
        String stage = null;
        String currency = accounts.getFirst().currency();
        for (Acc a : accounts) {
            DelinquencyState s = delinquency.stateOf(a.id(), today).map(Delinquency.Assessed::state).orElse(null);
            long due = s == null ? 0 : s.overdue().total();
            long out = s == null ? a.principal() : s.outstandingPrincipal();
            accountLines.add(new CaseFile.AccountLine(a.id(), a.product(), a.currency(), a.principal(), a.open(),
                    a.creditor(), a.portfolio(), a.jurisdiction(), s == null ? 0 : s.dpd(), s == null ? null : s.bucket(),
                    s == null ? null : s.stage(), due, out, s == null ? null : s.oldestUnpaidDueDate()));
            if (a.currency().equals(currency)) {
                overdue += due;
                outstanding += out;
            }
            if (s != null && (bucket == null || s.dpd() > dpd)) {
                dpd = s.dpd();
                bucket = s.bucket();
                stage = s.stage();
            }
        }

        List<String> family = parties.stream().filter(p -> !p.partyId().equals(party))
                .map(p -> p.role() + ": " + p.name()).distinct().toList();
        Integer age = borrower.birthDate() == null ? null : Period.between(borrower.birthDate(), today).getYears();
        int kept = (int) promiseLines.stream().filter(p -> p.status().equals(PromiseStatus.KEPT.name())).count();
        int broken = (int) promiseLines.stream().filter(p -> p.status().equals(PromiseStatus.BROKEN.name())
                || p.status().equals(PromiseStatus.PARTIALLY_KEPT.name())).count();
        int pending = (int) promiseLines.stream().filter(p -> p.status().equals(PromiseStatus.PENDING.name())).count();
        CaseFile.Preparation preparation = new CaseFile.Preparation(borrower.gender(), age, borrower.occupation(),
                borrower.region(), borrower.timeZone(), borrower.deceased(), borrower.bankrupt(),
                borrower.incarcerated(), currency, overdue, outstanding, dpd, bucket, stage, periodsOverdue,
                instalments.size(), family, kept, broken, pending, contacts30, lastRpc,
                payments.isEmpty() ? null : payments.getFirst().paidAt());

        List<CaseFile.TimelineEntry> timeline = new ArrayList<>();
        contactLines.forEach(c -> timeline.add(new CaseFile.TimelineEntry(c.at(), "CONTACT", c.recordedBy(),
                c.channel() + " · " + c.outcome() + (c.disposition() == null ? "" : " · " + c.disposition()))));
        promiseLines.forEach(p -> timeline.add(new CaseFile.TimelineEntry(p.promisedAt(), "PROMISE", p.createdBy(),
                p.accountId() + " · " + p.dueDate() + " · " + p.status())));
        payments.forEach(p -> timeline.add(new CaseFile.TimelineEntry(p.paidAt(), "PAYMENT", p.source(),
                p.accountId() + " · " + p.channel())));
        notes.forEach(n -> timeline.add(new CaseFile.TimelineEntry(n.createdAt(), "NOTE", n.createdBy(), n.body())));
        holds.forEach(h -> timeline.add(new CaseFile.TimelineEntry(h.from(), "HOLD", h.setBy(),
                h.type() + (h.active() ? "" : " (ended)"))));
        claims.forEach(c -> timeline.add(new CaseFile.TimelineEntry(c.claimedAt(), "CLAIM", c.claimedBy(),
                c.accountId() + " · " + c.channel() + " · " + c.status())));
        timeline.sort(Comparator.comparing(CaseFile.TimelineEntry::at).reversed());

        return Optional.of(new CaseFile(caseId, status, today, party, borrower.name(), assignment, preparation,
                accountLines, parties, points, instalmentLines, payments, moves, contactLines, promiseLines, notes,
                holds, claims, timeline.size() > 2 * RECENT ? timeline.subList(0, 2 * RECENT) : timeline));
    }

    /** The next instalment due on or after the case's business date, for scripts. */
    static LocalDate nextDue(CaseFile file) {
        return file.instalments().stream().filter(i -> !i.dueDate().isBefore(file.asOf())
                        && i.paidMinor() < i.principalMinor() + i.interestMinor() + i.feeMinor())
                .map(CaseFile.InstalmentLine::dueDate).min(Comparator.naturalOrder()).orElse(null);
    }

    static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.of("Asia/Shanghai") : ZoneId.of(timeZone.strip());
        } catch (DateTimeException invalid) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private static int roleRank(String role) {
        return switch (role) {
            case "BORROWER" -> 0;
            case "CO_BORROWER" -> 1;
            case "GUARANTOR" -> 2;
            case "SPOUSE" -> 3;
            case "HEIR" -> 4;
            case "EMERGENCY_CONTACT" -> 5;
            default -> 6;
        };
    }
}

package org.recoup.app.legal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.visit.Visits;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.legal.Interruption;
import org.recoup.engine.legal.Limitation;
import org.recoup.engine.legal.LimitationFacts;
import org.recoup.engine.legal.LimitationRule;
import org.recoup.engine.legal.OldestUnpaid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The statute of limitations per account, from the debt file: the start (oldest unpaid instalment after the payments
 * received, or the last instalment, per policy), the interruptions (a LETTER with a delivery receipt, a lawyer's letter
 * with a receipt, a recorded promise, an acknowledgement on a visit, a payment), and a lawsuit filed. Loaded set-based
 * for many accounts at once; the calculation is the engine's {@link LimitationRule}.
 */
@Service
public class Limitations {

    /** One account's limitation with every interruption that was considered. */
    public record AccountLimitation(String accountId, String caseId, String jurisdiction, String product, int years,
                                    int warningDays, Limitation limitation, List<Interruption> interruptions) {
    }

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final LimitationPolicies policies;
    private final Visits visits;

    Limitations(JdbcClient jdbc, LimitationPolicies policies, Visits visits) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.visits = visits;
    }

    /** The accounts' limitations as of {@code asOf}, in the order given; unknown ids are left out. */
    public List<AccountLimitation> assess(List<String> accountIds, LocalDate asOf) {
        LimitationPolicy policy = policies.current();
        List<AccountLimitation> out = new ArrayList<>(accountIds.size());
        for (int from = 0; from < accountIds.size(); from += CHUNK) {
            out.addAll(chunk(accountIds.subList(from, Math.min(accountIds.size(), from + CHUNK)), asOf, policy));
        }
        return out;
    }

    /**
     * The warning list: accounts in the actor's scope whose limitation is APPROACHING (within the policy's warning
     * window) or TIME_BARRED, fewest days left first.
     */
    public List<AccountLimitation> warnings(Actor actor, LocalDate asOf) {
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "'C-' || ap.party_id");
        List<String> ids = jdbc.sql("SELECT a.account_id FROM account a JOIN account_party ap ON ap.account_id = "
                        + "a.account_id AND ap.role = 'BORROWER' WHERE " + filter.sql() + " ORDER BY a.account_id")
                .params(filter.params()).query(String.class).list();
        return assess(ids, asOf).stream()
                .filter(l -> l.limitation().status() == Limitation.Status.APPROACHING
                        || l.limitation().status() == Limitation.Status.TIME_BARRED)
                .sorted(Comparator.comparing((AccountLimitation l) -> l.limitation().daysLeft())
                        .thenComparing(AccountLimitation::accountId))
                .toList();
    }

    private record Head(String accountId, String caseId, String jurisdiction, String product, ZoneId zone) {
    }

    private List<AccountLimitation> chunk(List<String> ids, LocalDate asOf, LimitationPolicy policy) {
        Map<String, Head> heads = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.account_id, ap.party_id, a.jurisdiction, a.product, p.time_zone FROM account a
                        JOIN account_party ap ON ap.account_id = a.account_id AND ap.role = 'BORROWER'
                        JOIN party p ON p.party_id = ap.party_id WHERE a.account_id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new Head(rs.getString(1), "C-" + rs.getString(2), rs.getString(3), rs.getString(4),
                        zone(rs.getString(5))))
                .list().forEach(h -> heads.putIfAbsent(h.accountId(), h));
        Map<String, List<Installment>> schedules = new HashMap<>();
        jdbc.sql("SELECT account_id, seq, due_date, principal_minor, interest_minor, fee_minor FROM installment "
                        + "WHERE account_id IN (:ids)").param("ids", ids)
                .query((rs, n) -> {
                    schedules.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Installment(rs.getInt(2),
                            rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                    return 1;
                }).list();
        Map<String, Long> paid = new HashMap<>();
        Map<String, List<Interruption>> interruptions = new HashMap<>();
        jdbc.sql("SELECT account_id, payment_id, paid_at, amount_minor FROM payment WHERE account_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> {
                    Head h = heads.get(rs.getString(1));
                    if (h == null) {
                        return 0;
                    }
                    LocalDate day = rs.getTimestamp(3).toInstant().atZone(h.zone()).toLocalDate();
                    if (!day.isAfter(asOf)) {
                        paid.merge(h.accountId(), rs.getLong(4), Long::sum);
                        add(interruptions, h.accountId(), new Interruption(Interruption.Kind.PARTIAL_PAYMENT, day,
                                "payment:" + rs.getString(2)));
                    }
                    return 1;
                }).list();
        jdbc.sql("SELECT account_id, message_id, receipt_date FROM outbox_message WHERE channel = 'LETTER' "
                        + "AND receipt_date IS NOT NULL AND account_id IN (:ids)").param("ids", ids)
                .query((rs, n) -> add(interruptions, rs.getString(1), new Interruption(Interruption.Kind.LETTER_RECEIPT,
                        rs.getDate(3).toLocalDate(), "outbox_message:" + rs.getString(2))))
                .list();
        jdbc.sql("""
                        SELECT m.account_id, m.matter_id, s.receipt_date FROM legal_step s
                        JOIN legal_matter m ON m.matter_id = s.matter_id
                        WHERE s.step = 'LAWYER_LETTER' AND s.receipt_date IS NOT NULL AND m.account_id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> add(interruptions, rs.getString(1), new Interruption(
                        Interruption.Kind.LAWYER_LETTER_RECEIPT, rs.getDate(3).toLocalDate(),
                        "legal_step:" + rs.getString(2) + "/LAWYER_LETTER")))
                .list();
        jdbc.sql("SELECT account_id, promise_id, promised_at FROM promise WHERE account_id IN (:ids)").param("ids", ids)
                .query((rs, n) -> {
                    Head h = heads.get(rs.getString(1));
                    if (h == null) {
                        return 0;
                    }
                    return add(interruptions, h.accountId(), new Interruption(Interruption.Kind.PROMISE,
                            rs.getTimestamp(3).toInstant().atZone(h.zone()).toLocalDate(), "promise:" + rs.getString(2)));
                }).list();
        for (Visits.Acknowledgement a : visits.acknowledgements(ids)) {
            Head h = heads.get(a.accountId());
            if (h == null) {
                continue;
            }
            add(interruptions, h.accountId(), new Interruption(Interruption.Kind.ACKNOWLEDGEMENT,
                    a.at().atZone(h.zone()).toLocalDate(), "visit:" + a.visitId()));
        }
        Map<String, LocalDate> lawsuits = new HashMap<>();
        jdbc.sql("""
                        SELECT m.account_id, MIN(s.step_date) FROM legal_step s JOIN legal_matter m ON m.matter_id = s.matter_id
                        WHERE s.step = 'LAWSUIT' AND m.account_id IN (:ids) GROUP BY m.account_id""")
                .param("ids", ids)
                .query((rs, n) -> lawsuits.put(rs.getString(1), rs.getDate(2).toLocalDate())).list();
        List<AccountLimitation> out = new ArrayList<>();
        for (String id : ids) {
            Head h = heads.get(id);
            if (h == null) {
                continue;
            }
            LocalDate start = OldestUnpaid.start(schedules.getOrDefault(id, List.of()), paid.getOrDefault(id, 0L), asOf,
                    policy.startsFrom());
            List<Interruption> found = interruptions.getOrDefault(id, List.of()).stream()
                    .sorted(Comparator.comparing(Interruption::date).thenComparing(Interruption::evidence)).toList();
            LimitationRule rule = policy.rule(h.jurisdiction(), h.product());
            Limitation l = rule.assess(new LimitationFacts(start, found, lawsuits.get(id)), asOf);
            out.add(new AccountLimitation(id, h.caseId(), h.jurisdiction(), h.product(), rule.years(),
                    rule.warningDays(), l, found));
        }
        return out;
    }

    /** The debtor's zone; a missing or unreadable one counts as China's (the dates of a CN debt). */
    static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? LegalController.BUSINESS_ZONE : ZoneId.of(id.strip());
        } catch (java.time.DateTimeException e) {
            return LegalController.BUSINESS_ZONE;
        }
    }

    private static int add(Map<String, List<Interruption>> map, String accountId, Interruption i) {
        map.computeIfAbsent(accountId, k -> new ArrayList<>()).add(i);
        return 1;
    }

}

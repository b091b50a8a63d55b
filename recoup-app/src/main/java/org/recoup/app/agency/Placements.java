package org.recoup.app.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.queue.CaseRouting;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placement of cases with agencies and their recall. Who holds the case changes only through
 * {@link CaseRouting#assign}: placing sets the case's agency (which is what puts it in the agency users' scope),
 * recalling clears it and hands the case back to its team. The placement keeps the commercial record: when, for how
 * long, by which rule, the bucket and balance of each account handed over.
 */
@Service
public class Placements {

    /** The actor of automatic recalls and of placements made after a run. */
    static final Actor SYSTEM = new Actor("system", Role.SUPERVISOR, null, null, null);

    public record PlacedAccount(String accountId, String currency, String bucket, int dpd, long balanceMinor) {
    }

    public record Placement(long placementId, String caseId, String agencyId, Instant placedAt, LocalDate placedOn,
                            int termDays, LocalDate recallOn, String placedBy, String reason, String ruleId,
                            Instant recalledAt, String recalledBy, String recallReason, List<PlacedAccount> accounts) {
        public boolean open() {
            return recalledAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final CaseRouting routing;
    private final PlacementRules rules;
    private final Clock clock;

    Placements(JdbcClient jdbc, CaseRouting routing, PlacementRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.rules = rules;
        this.clock = clock;
    }

    /** Places a case by hand (or for a rule): the balance is read from the latest state on or before today. */
    @Transactional
    public Placement place(Actor actor, String caseId, String agencyId, int termDays, String reason, String ruleId) {
        return place(actor, caseId, agencyId, termDays, reason, ruleId, null);
    }

    /** {@code stateDate}: the balance is read from the latest state on or before it (null: today). */
    private Placement place(Actor actor, String caseId, String agencyId, int termDays, String reason, String ruleId,
                            LocalDate stateDate) {
        requireManager(actor);
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw ApiProblem.badRequest("REASON_REQUIRED", "reason", "reason is required (at most 400 characters)");
        }
        if (termDays < 1 || termDays > 3650) {
            throw ApiProblem.badRequest("INVALID_PLACEMENT", "termDays", "termDays must be 1 to 3650, was " + termDays);
        }
        Boolean active = jdbc.sql("SELECT active FROM agency WHERE agency_id = ?").param(agencyId)
                .query(Boolean.class).optional().orElse(null);
        if (active == null || !active) {
            throw ApiProblem.badRequest("INVALID_PLACEMENT", "agencyId",
                    "agency '" + agencyId + "' " + (active == null ? "does not exist" : "is not active"));
        }
        String status = jdbc.sql("SELECT status FROM collection_case WHERE case_id = ?").param(caseId)
                .query(String.class).optional().orElseThrow(() -> ApiProblem.notFound("case", caseId));
        if (!"OPEN".equals(status)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CASE_CLOSED", "caseId", "case " + caseId + " is closed");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, rules.current().zoneId());
        List<PlacedAccount> accounts = accountsAt(caseId, stateDate == null ? today : stateDate);
        String team = jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(caseId)
                .query(String.class).optional().orElse(null);
        long id;
        try {
            id = jdbc.sql("INSERT INTO placement (case_id, open_case_id, agency_id, placed_at, placed_on, term_days, "
                            + "recall_on, placed_by, placed_reason, rule_id, team) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(caseId, caseId, agencyId, Timestamp.from(now), today, termDays, today.plusDays(termDays),
                            actor.username(), reason.strip(), ruleId, team)
                    .update();
            id = lastPlacement(caseId);
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ALREADY_PLACED", "caseId",
                    "case " + caseId + " is placed with an agency already; recall it first");
        }
        for (PlacedAccount a : accounts) {
            jdbc.sql("INSERT INTO placement_account (placement_id, account_id, currency, bucket, dpd, balance_minor) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, a.accountId(), a.currency(), a.bucket(), a.dpd(), a.balanceMinor()).update();
        }
        routing.assign(actor, caseId, new CaseRouting.Assignment(team, null, agencyId,
                "placed with agency " + agencyId + " for " + termDays + " days: " + reason.strip()));
        return find(id);
    }

    private long lastPlacement(String caseId) {
        return jdbc.sql("SELECT placement_id FROM placement WHERE open_case_id = ?").param(caseId)
                .query(Long.class).single();
    }

    /** The accounts of the case (its borrower's) with bucket, dpd and balance of their latest state on or before {@code on}. */
    private List<PlacedAccount> accountsAt(String caseId, LocalDate on) {
        List<PlacedAccount> accounts = jdbc.sql("""
                        SELECT s.account_id, s.currency, s.bucket, s.dpd,
                               s.outstanding_principal_minor + s.overdue_interest_minor + s.overdue_fees_minor
                                 + s.overdue_penalty_minor
                        FROM collection_case cc
                        JOIN account_party ap ON ap.party_id = cc.party_id AND ap.role = 'BORROWER'
                        JOIN account_state s ON s.account_id = ap.account_id
                        WHERE cc.case_id = ? AND s.as_of = (SELECT MAX(s2.as_of) FROM account_state s2
                                                           WHERE s2.account_id = s.account_id AND s2.as_of <= ?)
                        ORDER BY s.account_id""")
                .params(caseId, on)
                .query((rs, i) -> new PlacedAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5)))
                .list();
        if (accounts.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NO_STATE", "caseId", "case " + caseId
                    + " has no account state on or before " + on + ": run the daily run before placing it");
        }
        return accounts;
    }

    /** Recalls an open placement by hand, now. */
    @Transactional
    public Placement recall(Actor actor, long placementId, String reason) {
        requireManager(actor);
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw ApiProblem.badRequest("REASON_REQUIRED", "reason", "reason is required (at most 400 characters)");
        }
        return recall(actor, placementId, reason.strip(), clock.instant());
    }

    private Placement recall(Actor actor, long placementId, String reason, Instant at) {
        Placement p = find(placementId);
        int updated = jdbc.sql("UPDATE placement SET recalled_at = ?, recalled_by = ?, recall_reason = ?, "
                        + "open_case_id = NULL WHERE placement_id = ? AND recalled_at IS NULL")
                .params(Timestamp.from(at), actor.username(), reason, placementId).update();
        if (updated == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "ALREADY_RECALLED", "placementId",
                    "placement " + placementId + " was recalled already");
        }
        String holder = jdbc.sql("SELECT agency_id FROM case_assignment WHERE case_id = ?").param(p.caseId())
                .query(String.class).optional().orElse(null);
        if (p.agencyId().equals(holder)) {
            String team = jdbc.sql("SELECT team FROM placement WHERE placement_id = ?").param(placementId)
                    .query(String.class).optional().orElse(null);
            String current = jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(p.caseId())
                    .query(String.class).optional().orElse(null);
            String back = current != null ? current : team != null ? team : rules.current().recallTeam();
            routing.assign(actor, p.caseId(), new CaseRouting.Assignment(back, null, null,
                    "recalled from agency " + p.agencyId() + ": " + reason));
        }
        return find(placementId);
    }

    /**
     * Recalls every open placement whose term has ended by {@code asOf}; the recall takes effect at the start of the
     * recall day (so the commission window is exactly the term, however late the run). Returns the placements recalled.
     */
    @Transactional
    public List<Long> recallDue(LocalDate asOf) {
        var zone = rules.current().zoneId();
        List<Object[]> due = jdbc.sql("SELECT placement_id, recall_on FROM placement WHERE recalled_at IS NULL "
                        + "AND recall_on <= ? ORDER BY placement_id").param(asOf)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class)}).list();
        List<Long> recalled = new ArrayList<>();
        for (Object[] d : due) {
            LocalDate recallOn = (LocalDate) d[1];
            recall(SYSTEM, (Long) d[0], "term ended on " + recallOn, recallOn.atStartOfDay(zone).toInstant());
            recalled.add((Long) d[0]);
        }
        return recalled;
    }

    /**
     * Places by the rules in force the open, unplaced cases of {@code asOf} (their accounts' states of that date):
     * every case the run asked an agency review for, or — when {@code selection} is given — only the cases a
     * supervisor selected (then {@code agencyReviewOnly} does not apply). Rules in order; a case goes to the first
     * rule that matches and has room. Largest balances first. Returns the placements made.
     */
    @Transactional
    public List<Placement> placeByRules(Actor actor, LocalDate asOf, Collection<String> selection) {
        requireManager(actor);
        PlacementRules.Config config = rules.current();
        Map<String, List<Candidate>> byCase = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT cc.case_id, s.account_id, s.bucket, s.dpd, a.product, rd.grade,
                               s.outstanding_principal_minor + s.overdue_interest_minor + s.overdue_fees_minor
                                 + s.overdue_penalty_minor,
                               CASE WHEN EXISTS (SELECT 1 FROM run_action ra WHERE ra.as_of = s.as_of
                                   AND ra.case_id = cc.case_id AND ra.action = 'AGENCY_REVIEW') THEN 1 ELSE 0 END
                        FROM collection_case cc
                        JOIN account_party ap ON ap.party_id = cc.party_id AND ap.role = 'BORROWER'
                        JOIN account a ON a.account_id = ap.account_id
                        JOIN account_state s ON s.account_id = a.account_id AND s.as_of = ?
                        LEFT JOIN run_decision rd ON rd.as_of = s.as_of AND rd.account_id = s.account_id
                        WHERE cc.status = 'OPEN'
                          AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.open_case_id = cc.case_id)
                          AND NOT EXISTS (SELECT 1 FROM charge_off co WHERE co.account_id = a.account_id)
                          AND NOT EXISTS (SELECT 1 FROM debt_sale_account dsa WHERE dsa.active_account_id = a.account_id)
                        ORDER BY cc.case_id, s.account_id""")
                .param(asOf)
                .query(rs -> {
                    byCase.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Candidate(rs.getString(2),
                            rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                            rs.getInt(8) == 1));
                });
        Set<String> selected = selection == null ? null : new HashSet<>(selection);
        List<Map.Entry<String, List<Candidate>>> cases = new ArrayList<>(byCase.entrySet());
        cases.removeIf(e -> selected != null && !selected.contains(e.getKey()));
        cases.sort((x, y) -> {
            int c = Long.compare(total(y.getValue()), total(x.getValue()));
            return c != 0 ? c : x.getKey().compareTo(y.getKey());
        });
        Map<String, Integer> room = new LinkedHashMap<>();
        List<Placement> placed = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> c : cases) {
            for (PlacementRules.Rule rule : config.rules()) {
                int left = room.computeIfAbsent(rule.id(), id -> rule.maxCases() - openWith(rule.agencyId()));
                if (left <= 0 || !matches(rule, c.getValue(), selected == null)) {
                    continue;
                }
                placed.add(place(actor, c.getKey(), rule.agencyId(), rule.termDays(), "rule " + rule.id()
                        + " (placement rules v" + config.version() + ", " + asOf + ")", rule.id(), asOf));
                for (PlacementRules.Rule other : config.rules()) {
                    if (other.agencyId().equals(rule.agencyId()) && room.containsKey(other.id())) {
                        room.put(other.id(), room.get(other.id()) - 1);
                    }
                }
                break;
            }
        }
        return placed;
    }

    private record Candidate(String accountId, String bucket, int dpd, String product, String grade, long balance,
                             boolean agencyReview) {
    }

    private static long total(List<Candidate> accounts) {
        return accounts.stream().mapToLong(Candidate::balance).sum();
    }

    static boolean matchesAccount(PlacementRules.Rule r, String bucket, int dpd, String product, String grade,
                                  long balance) {
        return (r.buckets() == null || r.buckets().isEmpty() || r.buckets().contains(bucket))
                && (r.minDpd() == null || dpd >= r.minDpd())
                && (r.maxDpd() == null || dpd <= r.maxDpd())
                && (r.products() == null || r.products().isEmpty() || r.products().contains(product))
                && (r.grades() == null || r.grades().isEmpty() || (grade != null && r.grades().contains(grade.strip())))
                && (r.minBalanceMinor() == null || balance >= r.minBalanceMinor())
                && (r.maxBalanceMinor() == null || balance <= r.maxBalanceMinor());
    }

    private static boolean matches(PlacementRules.Rule r, List<Candidate> accounts, boolean reviewRequired) {
        if (reviewRequired && r.agencyReviewOnly() && accounts.stream().noneMatch(Candidate::agencyReview)) {
            return false;
        }
        return accounts.stream().anyMatch(a -> matchesAccount(r, a.bucket(), a.dpd(), a.product(), a.grade(),
                a.balance()));
    }

    private int openWith(String agencyId) {
        return jdbc.sql("SELECT COUNT(*) FROM placement WHERE agency_id = ? AND recalled_at IS NULL").param(agencyId)
                .query(Integer.class).single();
    }

    public Placement find(long placementId) {
        List<PlacedAccount> accounts = jdbc.sql("SELECT account_id, currency, bucket, dpd, balance_minor "
                        + "FROM placement_account WHERE placement_id = ? ORDER BY account_id").param(placementId)
                .query((rs, i) -> new PlacedAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5))).list();
        return jdbc.sql("SELECT * FROM placement WHERE placement_id = ?").param(placementId)
                .query((rs, i) -> placement(rs, accounts)).optional()
                .orElseThrow(() -> ApiProblem.notFound("placement", String.valueOf(placementId)));
    }

    /** Placements, newest first: all, or of one agency, or only the open ones. */
    public List<Placement> list(String agencyId, Boolean open) {
        StringBuilder sql = new StringBuilder("SELECT placement_id FROM placement WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (agencyId != null && !agencyId.isBlank()) {
            sql.append(" AND agency_id = ?");
            params.add(agencyId);
        }
        if (open != null) {
            sql.append(open ? " AND recalled_at IS NULL" : " AND recalled_at IS NOT NULL");
        }
        sql.append(" ORDER BY placement_id DESC FETCH FIRST 1000 ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list().stream().map(this::find).toList();
    }

    private static Placement placement(java.sql.ResultSet rs, List<PlacedAccount> accounts) throws java.sql.SQLException {
        Timestamp recalled = rs.getTimestamp("recalled_at");
        return new Placement(rs.getLong("placement_id"), rs.getString("case_id"), rs.getString("agency_id"),
                rs.getTimestamp("placed_at").toInstant(), rs.getObject("placed_on", LocalDate.class),
                rs.getInt("term_days"), rs.getObject("recall_on", LocalDate.class), rs.getString("placed_by"),
                rs.getString("placed_reason"), rs.getString("rule_id"), recalled == null ? null : recalled.toInstant(),
                rs.getString("recalled_by"), rs.getString("recall_reason"), accounts);
    }

    static void requireManager(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.SUPERVISOR) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                    "only supervisors and administrators place and recall cases");
        }
    }
}

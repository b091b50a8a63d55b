package org.recoup.app.compliance;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.recoup.engine.compliance.BorrowerFacts;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactHistory.Attempt;
import org.recoup.engine.compliance.ContactPointFacts;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.FrequencyRule;
import org.recoup.engine.compliance.Hold;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.compliance.JurisdictionProfile;
import org.recoup.engine.compliance.Outcome;
import org.recoup.engine.compliance.PartyFacts;
import org.recoup.engine.compliance.PartyRole;
import org.recoup.engine.compliance.TimeWindow;
import org.recoup.engine.debt.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads what the gate needs for a list of contact requests, set-based: a fixed number of queries with IN lists
 * (chunked) whatever the list's length — accounts, roles, parties, contact points, holds, consented windows, pending
 * promises (→ PTP_IN_FORCE holds), refusals and the contact history of the accounts, parties and contact points
 * involved over the profiles' longest horizon.
 */
@Repository
class GateFacts {

    static final int CHUNK = 500;
    /** Extra days loaded before the longest rule horizon: local days start up to 14 h away from UTC midnight. */
    static final int MARGIN_DAYS = 2;

    /** A request that cannot be judged: which field is wrong and why. */
    record Problem(String code, String field, String message) {
    }

    /** The facts of one request; {@code problem} set means the others are null. */
    record Facts(ContactRequest request, Problem problem, PartyFacts party, ContactPointFacts point, List<Hold> holds,
                 JurisdictionProfile profile, String jurisdiction, String portfolio) {
    }

    /** Everything loaded for one list of requests. */
    record Snapshot(List<Facts> facts, Map<String, List<Attempt>> byAccount, Map<String, List<Attempt>> byParty,
                    Map<String, List<Attempt>> byPoint, Map<Attempt, String> ids) {

        /** The recorded attempts of the request's account, party and contact point (each once), unsorted. */
        List<Attempt> recorded(ContactRequest r) {
            Set<Attempt> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<Attempt> out = new ArrayList<>();
            Consumer<List<Attempt>> add = list -> {
                if (list != null) {
                    for (Attempt a : list) {
                        if (seen.add(a)) {
                            out.add(a);
                        }
                    }
                }
            };
            add.accept(byAccount.get(r.accountId()));
            add.accept(byParty.get(r.partyId()));
            if (r.contactPointId() != null) {
                add.accept(byPoint.get(r.contactPointId()));
            }
            return out;
        }
    }

    private record AccountRow(String jurisdiction, String portfolio) {
    }

    private record PartyRow(String zone, boolean deceased, boolean bankrupt, boolean incarcerated) {
    }

    private record PointRow(String id, String partyId, String type, boolean consent, boolean valid, String zone) {
    }

    private record WindowRow(Instant recordedAt, String start, String end) {
    }

    private record PromiseRow(String accountId, LocalDate dueDate, Instant promisedAt) {
    }

    private final JdbcClient jdbc;
    private final ComplianceProfiles profiles;

    GateFacts(JdbcClient jdbc, ComplianceProfiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    Snapshot load(List<ContactRequest> requests) {
        Set<String> accountIds = new LinkedHashSet<>();
        Set<String> partyIds = new LinkedHashSet<>();
        Set<String> pointIds = new LinkedHashSet<>();
        Instant earliest = null;
        for (ContactRequest r : requests) {
            accountIds.add(r.accountId());
            partyIds.add(r.partyId());
            if (r.contactPointId() != null) {
                pointIds.add(r.contactPointId());
            }
            earliest = earliest == null || r.at().isBefore(earliest) ? r.at() : earliest;
        }
        Map<String, AccountRow> accounts = new HashMap<>();
        select("SELECT account_id, jurisdiction, portfolio FROM account WHERE account_id IN (:ids)", accountIds,
                rs -> accounts.put(rs.getString(1), new AccountRow(rs.getString(2), rs.getString(3))));
        Map<String, Map<String, PartyRole>> roles = new HashMap<>(); // account → party → most liable role
        Map<String, String> borrowers = new HashMap<>();
        select("SELECT account_id, party_id, role FROM account_party WHERE account_id IN (:ids)", accountIds, rs -> {
            PartyRole role = PartyRole.valueOf(rs.getString(3));
            roles.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .merge(rs.getString(2), role, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            if (role == PartyRole.BORROWER) {
                borrowers.merge(rs.getString(1), rs.getString(2), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        Set<String> people = new LinkedHashSet<>(partyIds);
        people.addAll(borrowers.values());
        Map<String, PartyRow> parties = new HashMap<>();
        select("SELECT party_id, time_zone, deceased, bankrupt, incarcerated FROM party WHERE party_id IN (:ids)", people,
                rs -> parties.put(rs.getString(1), new PartyRow(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5))));
        Set<String> reachable = new HashSet<>();
        select("SELECT DISTINCT party_id FROM contact_point WHERE party_id IN (:ids) AND valid = TRUE AND consent = TRUE",
                new LinkedHashSet<>(borrowers.values()), rs -> reachable.add(rs.getString(1)));
        Map<String, PointRow> points = new HashMap<>();
        select("SELECT contact_point_id, party_id, type, consent, valid, time_zone FROM contact_point "
                + "WHERE contact_point_id IN (:ids)", pointIds, rs -> points.put(rs.getString(1), new PointRow(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getString(6))));
        Map<String, List<Hold>> holds = new HashMap<>();
        select("SELECT party_id, type, from_at, to_at, ended_at, reason, set_by FROM party_hold WHERE party_id IN (:ids)",
                partyIds, rs -> {
                    Instant from = rs.getTimestamp(3).toInstant();
                    Instant to = instant(rs.getTimestamp(4));
                    Instant ended = instant(rs.getTimestamp(5));
                    if (ended != null && (to == null || ended.isBefore(to))) {
                        to = ended;
                    }
                    if (to == null || to.isAfter(from)) {
                        holds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Hold(
                                HoldType.valueOf(rs.getString(2)), from, to, rs.getString(6), rs.getString(7)));
                    }
                });
        Map<String, List<WindowRow>> windows = new HashMap<>();
        select("SELECT party_id, recorded_at, window_start, window_end FROM party_contact_window WHERE party_id IN (:ids) "
                + "ORDER BY recorded_at, window_id", partyIds, rs -> windows.computeIfAbsent(rs.getString(1),
                k -> new ArrayList<>()).add(new WindowRow(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4))));
        Map<String, List<PromiseRow>> promises = new HashMap<>();
        select("SELECT party_id, account_id, due_date, promised_at FROM promise WHERE party_id IN (:ids) AND status = 'PENDING'",
                partyIds, rs -> promises.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PromiseRow(
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getTimestamp(4).toInstant())));
        Set<String> refused = new HashSet<>();
        select("SELECT DISTINCT party_id FROM contact_attempt WHERE party_id IN (:ids) AND outcome = 'REFUSED_CONTACT'",
                partyIds, rs -> refused.add(rs.getString(1)));

        List<Facts> facts = new ArrayList<>(requests.size());
        int horizon = 1;
        for (ContactRequest r : requests) {
            Facts f = facts(r, accounts, roles, borrowers, parties, reachable, points, holds, windows, promises, refused);
            facts.add(f);
            if (f.profile() != null) {
                for (FrequencyRule rule : f.profile().frequencyRules()) {
                    horizon = Math.max(horizon, rule.days());
                }
            }
        }
        Map<String, List<Attempt>> byAccount = new HashMap<>();
        Map<String, List<Attempt>> byParty = new HashMap<>();
        Map<String, List<Attempt>> byPoint = new HashMap<>();
        Map<Attempt, String> ids = new java.util.IdentityHashMap<>();
        if (earliest != null) {
            Timestamp since = since(earliest, horizon);
            Map<String, Attempt> loaded = new HashMap<>();
            for (String[] scope : new String[][] {{"account_id", "A"}, {"party_id", "P"}, {"contact_point_id", "C"}}) {
                Collection<String> keys = scope[1].equals("A") ? accountIds : scope[1].equals("P") ? partyIds : pointIds;
                Map<String, List<Attempt>> index = scope[1].equals("A") ? byAccount : scope[1].equals("P") ? byParty : byPoint;
                selectSince("SELECT contact_id, account_id, party_id, contact_point_id, channel, attempted_at, outcome "
                        + "FROM contact_attempt WHERE " + scope[0] + " IN (:ids) AND attempted_at >= :since", keys, since, rs -> {
                    Attempt a = loaded.computeIfAbsent(rs.getString(1), id -> {
                        try {
                            return new Attempt(rs.getString(2), rs.getString(3), rs.getString(4),
                                    Channel.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                                    Outcome.valueOf(rs.getString(7)));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    ids.put(a, rs.getString(1));
                    String key = switch (scope[1]) {
                        case "A" -> a.accountId();
                        case "P" -> a.partyId();
                        default -> a.contactPointId();
                    };
                    index.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                });
            }
            // third parties depend on "the last N call/visit attempts to the borrower failed": read those even when
            // they are older than the frequency horizon
            Map<String, String> thirdPartyAccounts = new HashMap<>();
            int needed = 0;
            for (Facts f : facts) {
                if (f.party() != null && !f.party().role().isLiable() && f.profile().thirdPartyNeedsDebtorUnreachable()) {
                    thirdPartyAccounts.put(f.request().accountId(), f.party().borrower().partyId());
                    needed = Math.max(needed, f.profile().unreachableAfterFailedAttempts());
                }
            }
            if (!thirdPartyAccounts.isEmpty() && needed > 0) {
                int last = needed;
                selectSince("""
                        SELECT contact_id, account_id, party_id, contact_point_id, channel, attempted_at, outcome FROM (
                            SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.account_id ORDER BY c.attempted_at DESC) AS n
                            FROM contact_attempt c JOIN account_party ap ON ap.account_id = c.account_id
                                 AND ap.party_id = c.party_id AND ap.role = 'BORROWER'
                            WHERE c.account_id IN (:ids) AND c.channel IN ('CALL', 'VISIT') AND c.attempted_at < :since
                        ) older WHERE n <= """ + last, thirdPartyAccounts.keySet(), since(earliest, horizon), rs -> {
                    if (loaded.containsKey(rs.getString(1))) {
                        return;
                    }
                    Attempt a = new Attempt(rs.getString(2), rs.getString(3), rs.getString(4),
                            Channel.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), Outcome.valueOf(rs.getString(7)));
                    loaded.put(rs.getString(1), a);
                    ids.put(a, rs.getString(1));
                    byAccount.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).add(a);
                });
            }
        }
        return new Snapshot(facts, byAccount, byParty, byPoint, ids);
    }

    private static Timestamp since(Instant earliest, int horizonDays) {
        return Timestamp.from(earliest.minus(Duration.ofDays(horizonDays + MARGIN_DAYS)));
    }

    private Facts facts(ContactRequest r, Map<String, AccountRow> accounts, Map<String, Map<String, PartyRole>> roles,
                        Map<String, String> borrowers, Map<String, PartyRow> parties, Set<String> reachable,
                        Map<String, PointRow> points, Map<String, List<Hold>> holdsByParty,
                        Map<String, List<WindowRow>> windows, Map<String, List<PromiseRow>> promises, Set<String> refused) {
        AccountRow account = accounts.get(r.accountId());
        if (account == null) {
            return problem(r, "UNKNOWN_ACCOUNT", "accountId", "account " + r.accountId() + " does not exist");
        }
        PartyRow party = parties.get(r.partyId());
        if (party == null) {
            return problem(r, "UNKNOWN_PARTY", "partyId", "party " + r.partyId() + " does not exist");
        }
        PartyRole role = roles.getOrDefault(r.accountId(), Map.of()).get(r.partyId());
        if (role == null) {
            return problem(r, "PARTY_NOT_ON_ACCOUNT", "partyId", "party " + r.partyId() + " has no role on account "
                    + r.accountId());
        }
        PointRow point = null;
        if (r.contactPointId() != null) {
            point = points.get(r.contactPointId());
            if (point == null) {
                return problem(r, "CONTACT_POINT_INVALID", "contactPointId", "contact point " + r.contactPointId()
                        + " does not exist");
            }
            if (!point.partyId().equals(r.partyId())) {
                return problem(r, "CONTACT_POINT_INVALID", "contactPointId", "contact point " + r.contactPointId()
                        + " belongs to another party, not to " + r.partyId());
            }
        }
        Jurisdiction jurisdiction = Jurisdiction.valueOf(account.jurisdiction());
        JurisdictionProfile profile = profiles.profile(jurisdiction, account.portfolio());
        String borrowerId = borrowers.get(r.accountId());
        PartyRow borrower = borrowerId == null ? null : parties.get(borrowerId);
        BorrowerFacts borrowerFacts = borrower == null
                ? new BorrowerFacts(r.partyId(), false, false, true) // no borrower on file: the party speaks for itself
                : new BorrowerFacts(borrowerId, borrower.deceased(), borrower.incarcerated(), reachable.contains(borrowerId));
        ZoneId zone = zone(party.zone());
        TimeWindow consented = null;
        for (WindowRow w : windows.getOrDefault(r.partyId(), List.of())) {
            if (!w.recordedAt().isAfter(r.at())) {
                consented = w.start() == null ? null : new TimeWindow(LocalTime.parse(w.start()), LocalTime.parse(w.end()));
            }
        }
        List<Hold> holds = new ArrayList<>(holdsByParty.getOrDefault(r.partyId(), List.of()));
        ZoneId dayZone = zone != null ? zone : jurisdiction.defaultZone();
        for (PromiseRow p : promises.getOrDefault(r.partyId(), List.of())) {
            Instant until = p.dueDate().plusDays(1).atStartOfDay(dayZone).toInstant();
            if (p.accountId().equals(r.accountId()) && until.isAfter(p.promisedAt())) {
                holds.add(new Hold(HoldType.PTP_IN_FORCE, p.promisedAt(), until,
                        "promise to pay due " + p.dueDate(), "system"));
            }
        }
        PartyFacts partyFacts = new PartyFacts(r.partyId(), role, zone, jurisdiction, party.deceased(), party.bankrupt(),
                party.incarcerated(), consented, refused.contains(r.partyId()), false, borrowerFacts);
        ContactPointFacts pointFacts = point == null ? null
                : new ContactPointFacts(point.id(), point.type(), point.valid(), point.consent(), zone(point.zone()));
        return new Facts(r, null, partyFacts, pointFacts, List.copyOf(holds), profile, account.jurisdiction(),
                account.portfolio());
    }

    private static Facts problem(ContactRequest r, String code, String field, String message) {
        return new Facts(r, new Problem(code, field, message), null, null, null, null, null, null);
    }

    /** A party's or contact point's zone; blank or unknown ids are "no zone" (then every zone of the country counts). */
    static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    interface Row {
        void accept(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** Types of the holds in force at {@code at} (set, not yet ended, inside from–to) per party, set-based. */
    Map<String, Set<HoldType>> holdsInForce(Collection<String> partyIds, Instant at) {
        Map<String, Set<HoldType>> out = new HashMap<>();
        select("SELECT party_id, type, from_at, to_at, ended_at FROM party_hold WHERE party_id IN (:ids)", partyIds, rs -> {
            Instant from = rs.getTimestamp(3).toInstant();
            Instant to = instant(rs.getTimestamp(4));
            Instant ended = instant(rs.getTimestamp(5));
            if (!at.isBefore(from) && (to == null || at.isBefore(to)) && (ended == null || at.isBefore(ended))) {
                out.computeIfAbsent(rs.getString(1), k -> java.util.EnumSet.noneOf(HoldType.class))
                        .add(HoldType.valueOf(rs.getString(2)));
            }
        });
        return out;
    }

    private void select(String sql, Collection<String> ids, Row row) {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql(sql).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query((org.springframework.jdbc.core.RowCallbackHandler) row::accept);
        }
    }

    private void selectSince(String sql, Collection<String> ids, Timestamp since, Row row) {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql(sql).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK))).param("since", since)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) row::accept);
        }
    }

    static Map<String, Object> describe(Facts f, int historySize) {
        Map<String, Object> m = new LinkedHashMap<>();
        PartyFacts p = f.party();
        m.put("jurisdiction", f.jurisdiction());
        if (f.portfolio() != null) {
            m.put("portfolio", f.portfolio());
        }
        m.put("role", p.role().name());
        m.put("zone", p.zone() == null ? null : p.zone().getId());
        List<String> flags = new ArrayList<>();
        if (p.deceased()) flags.add("deceased");
        if (p.bankrupt()) flags.add("bankrupt");
        if (p.incarcerated()) flags.add("incarcerated");
        if (p.refusedContact()) flags.add("refusedContact");
        if (!flags.isEmpty()) {
            m.put("flags", flags);
        }
        if (p.consentedWindow() != null) {
            m.put("consentedWindow", p.consentedWindow().toString());
        }
        BorrowerFacts b = p.borrower();
        if (!b.partyId().equals(p.partyId())) {
            m.put("borrower", Map.of("partyId", b.partyId(), "deceased", b.deceased(), "incapacitated", b.incapacitated(),
                    "reachable", b.hasValidContactPoint()));
        }
        ContactPointFacts c = f.point();
        if (c != null) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("type", c.type());
            point.put("valid", c.valid());
            point.put("consent", c.consent());
            if (c.zone() != null) {
                point.put("zone", c.zone().getId());
            }
            m.put("contactPoint", point);
        }
        if (!f.holds().isEmpty()) {
            m.put("holds", f.holds().stream().map(h -> h.type() + " " + h.from() + "/" + (h.to() == null ? "" : h.to())).toList());
        }
        m.put("historyAttempts", historySize);
        return m;
    }
}

package org.recoup.app.messaging;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a message about a case may say and to whom it may go, read from the debt file: the case's accounts (every
 * account whose borrower is the case's party) and the contact points of every party on them.
 */
@Component
class CaseFacts {

    record CaseInfo(String caseId, String borrowerId, String borrowerName, ZoneId borrowerZone, List<Account> accounts,
                    List<Point> points) {

        Optional<Account> account(String accountId) {
            return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
        }

        Optional<Point> point(String contactPointId) {
            return points.stream().filter(p -> p.contactPointId().equals(contactPointId)).findFirst();
        }
    }

    record Account(String accountId, String currency, String creditor, LocalDate openDate, String jurisdiction) {
    }

    /** A contact point with its party and that party's role on the case's accounts (BORROWER first). */
    record Point(String contactPointId, String partyId, String partyName, String role, String type, String value,
                 boolean valid, boolean consent, ZoneId partyZone) {
    }

    private final JdbcClient jdbc;

    CaseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case {@code C-<party>}; empty when it is no case (no account has that party as borrower). */
    Optional<CaseInfo> load(String caseId) {
        if (caseId == null || !caseId.startsWith("C-") || caseId.length() > 70) {
            return Optional.empty();
        }
        String borrower = caseId.substring(2);
        List<Account> accounts = jdbc.sql("""
                        SELECT a.account_id, a.currency, a.creditor, a.open_date, a.jurisdiction FROM account a
                        JOIN account_party ap ON ap.account_id = a.account_id AND ap.role = 'BORROWER'
                        WHERE ap.party_id = ? ORDER BY a.account_id""")
                .param(borrower)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2).strip(), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
        if (accounts.isEmpty()) {
            return Optional.empty();
        }
        record Party(String name, String zone) {
        }
        Party party = jdbc.sql("SELECT name, time_zone FROM party WHERE party_id = ?").param(borrower)
                .query((rs, n) -> new Party(rs.getString(1), rs.getString(2))).single();
        List<Point> points = jdbc.sql("""
                        SELECT cp.contact_point_id, cp.party_id, p.name, MIN(CASE WHEN ap.role = 'BORROWER' THEN '0BORROWER'
                               ELSE ap.role END), cp.type, cp.contact_value, cp.valid, cp.consent, p.time_zone
                        FROM account_party ap
                        JOIN account_party b ON b.account_id = ap.account_id AND b.role = 'BORROWER' AND b.party_id = ?
                        JOIN party p ON p.party_id = ap.party_id
                        JOIN contact_point cp ON cp.party_id = ap.party_id
                        GROUP BY cp.contact_point_id, cp.party_id, p.name, cp.type, cp.contact_value, cp.valid, cp.consent,
                                 p.time_zone
                        ORDER BY CASE WHEN cp.party_id = ? THEN 0 ELSE 1 END, cp.party_id, cp.contact_point_id""")
                .params(borrower, borrower)
                .query((rs, n) -> new Point(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4).replace("0BORROWER", "BORROWER"), rs.getString(5), rs.getString(6),
                        rs.getBoolean(7), rs.getBoolean(8), zone(rs.getString(9))))
                .list();
        return Optional.of(new CaseInfo(caseId, borrower, party.name(), zone(party.zone()), accounts, points));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(id);
        } catch (RuntimeException invalid) {
            return ZoneId.of("Asia/Shanghai");
        }
    }
}

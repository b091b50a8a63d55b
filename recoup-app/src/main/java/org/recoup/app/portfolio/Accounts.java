package org.recoup.app.portfolio;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio feature's read API for other features: an account's terms, its full detail for people working it, and
 * the input of the delinquency engine. Reads the debt-file tables (account, party, account_party, contact_point,
 * installment, payment).
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

    /** Roles from most to least liable; a party's {@code role} is the first of its roles in this order. */
    private static final List<String> ROLE_ORDER = List.of(
            "BORROWER", "CO_BORROWER", "GUARANTOR", "HEIR", "SPOUSE", "EMERGENCY_CONTACT", "EMPLOYER");

    /** Parties who can be asked to pay when the borrower cannot (contract §3, riskClass DEAD). */

    private static final String ACCOUNT_COLUMNS = "account_id, product, currency, principal_minor, open_date, "
            + "jurisdiction, grace_days, penalty_rate_per_day, penalty_cap_minor, portfolio, creditor";

    private final JdbcClient jdbc;
    private final PortfolioReader reader;

    public Accounts(JdbcClient jdbc, PortfolioReader reader) {
        this.reader = reader;
        this.jdbc = jdbc;
    }

    /** The account's terms, or empty when no account has that id. */
    public Optional<AccountSummary> find(String accountId) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE account_id = ?")
                .param(accountId)
                .query((rs, i) -> summary(rs))
                .optional();
    }

    /**
     * The account with its parties, contact points, instalments and payments.
     *
     * @param unmaskContacts show contact point values in full; otherwise they are masked (see {@link ContactMasking})
     * @throws ApiProblem NOT_FOUND (404) when no account has that id
     */
    public AccountDetail detail(String accountId, boolean unmaskContacts) {
        AccountSummary account = find(accountId).orElseThrow(() -> ApiProblem.notFound("account", accountId));
        List<AccountDetail.Party> parties = parties(accountId);
        List<AccountDetail.ContactPoint> contactPoints = jdbc.sql("""
                        SELECT cp.contact_point_id, cp.party_id, cp.type, cp.contact_value, cp.consent, cp.valid, cp.time_zone
                        FROM contact_point cp
                        WHERE cp.party_id IN (SELECT ap.party_id FROM account_party ap WHERE ap.account_id = ?)
                        ORDER BY cp.party_id, cp.contact_point_id""")
                .param(accountId)
                .query((rs, i) -> {
                    String type = rs.getString("type");
                    String value = rs.getString("contact_value");
                    return new AccountDetail.ContactPoint(rs.getString("contact_point_id"), rs.getString("party_id"),
                            type, unmaskContacts ? value : ContactMasking.mask(type, value), !unmaskContacts,
                            rs.getBoolean("consent"), rs.getBoolean("valid"), rs.getString("time_zone"));
                })
                .list();
        List<AccountDetail.InstalmentLine> installments = jdbc.sql("""
                        SELECT seq, due_date, principal_minor, interest_minor, fee_minor
                        FROM installment WHERE account_id = ? ORDER BY seq""")
                .param(accountId)
                .query((rs, i) -> new AccountDetail.InstalmentLine(rs.getInt("seq"),
                        rs.getObject("due_date", LocalDate.class), rs.getLong("principal_minor"),
                        rs.getLong("interest_minor"), rs.getLong("fee_minor")))
                .list();
        List<AccountDetail.PaymentLine> payments = jdbc.sql("""
                        SELECT payment_id, paid_at, amount_minor, channel, reference, source
                        FROM payment WHERE account_id = ? ORDER BY paid_at, payment_id""")
                .param(accountId)
                .query((rs, i) -> new AccountDetail.PaymentLine(rs.getString("payment_id"),
                        rs.getObject("paid_at", OffsetDateTime.class).toInstant(), rs.getLong("amount_minor"),
                        PaymentChannel.valueOf(rs.getString("channel")), rs.getString("reference"),
                        rs.getString("source")))
                .list();
        return new AccountDetail(account, parties, contactPoints, !unmaskContacts, installments, payments);
    }

    /**
     * What the delinquency engine needs for one account, or empty when no account has that id. The account's zone is
     * its borrower's time zone (the jurisdiction's default when there is no borrower or the zone is not a valid IANA
     * id); its liability says whether the borrower is deceased or bankrupt and whether a living, non-bankrupt
     * co-borrower, guarantor or heir is on the account.
     */
    public Optional<AccountSnapshot> engineInput(String accountId) {
        return reader.load(accountId);
    }

    private List<AccountDetail.Party> parties(String accountId) {
        record Row(String partyId, String name, String role, String gender, LocalDate birthDate, String occupation,
                   String region, String timeZone, boolean deceased, boolean bankrupt, boolean incarcerated) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT p.party_id, p.name, ap.role, p.gender, p.birth_date, p.occupation, p.region, p.time_zone,
                               p.deceased, p.bankrupt, p.incarcerated
                        FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                        WHERE ap.account_id = ?
                        ORDER BY p.party_id""")
                .param(accountId)
                .query((rs, i) -> new Row(rs.getString("party_id"), rs.getString("name"), rs.getString("role"),
                        rs.getString("gender"), rs.getObject("birth_date", LocalDate.class), rs.getString("occupation"),
                        rs.getString("region"), rs.getString("time_zone"), rs.getBoolean("deceased"),
                        rs.getBoolean("bankrupt"), rs.getBoolean("incarcerated")))
                .list();
        Map<String, List<Row>> byParty = new LinkedHashMap<>();
        rows.forEach(row -> byParty.computeIfAbsent(row.partyId(), id -> new ArrayList<>()).add(row));
        return byParty.values().stream()
                .map(partyRows -> {
                    List<String> roles = partyRows.stream().map(Row::role).distinct()
                            .sorted(Comparator.comparingInt(Accounts::roleRank)).toList();
                    Row p = partyRows.getFirst();
                    return new AccountDetail.Party(p.partyId(), p.name(), roles.getFirst(), roles, p.gender(),
                            p.birthDate(), p.occupation(), p.region(), p.timeZone(), p.deceased(), p.bankrupt(),
                            p.incarcerated());
                })
                .sorted(Comparator.comparingInt((AccountDetail.Party p) -> roleRank(p.role()))
                        .thenComparing(AccountDetail.Party::partyId))
                .toList();
    }

    private static int roleRank(String role) {
        int rank = ROLE_ORDER.indexOf(role);
        return rank < 0 ? ROLE_ORDER.size() : rank;
    }

    private static AccountSummary summary(ResultSet rs) throws SQLException {
        return new AccountSummary(
                rs.getString("account_id"),
                Product.valueOf(rs.getString("product")),
                Currency.getInstance(rs.getString("currency").strip()),
                rs.getLong("principal_minor"),
                rs.getObject("open_date", LocalDate.class),
                Jurisdiction.valueOf(rs.getString("jurisdiction")),
                rs.getInt("grace_days"),
                Optional.ofNullable(rs.getBigDecimal("penalty_rate_per_day")).map(BigDecimal::stripTrailingZeros).orElse(null),
                rs.getObject("penalty_cap_minor", Long.class),
                rs.getString("portfolio"),
                rs.getString("creditor"));
    }
}

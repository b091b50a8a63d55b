package org.recoup.app.receivable;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.engine.receivable.CollectionMeasures;
import org.recoup.engine.receivable.CustomerAssessment;
import org.recoup.engine.receivable.InvoiceLine;
import org.recoup.engine.receivable.OpenItem;
import org.recoup.engine.receivable.OpenItems;
import org.recoup.engine.receivable.ReceivablePolicy;
import org.recoup.engine.receivable.Receipt;
import org.recoup.engine.receivable.Receivables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the B2B book: customers are the borrower parties of {@code B2B_RECEIVABLE} accounts (an account is an invoice,
 * its instalments the amounts due, its open date the invoice date), with their limit and terms from
 * {@code receivable_customer}; payments are dated in the customer's time zone. Assessment is the engine's.
 */
@Service
class ReceivableBook {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** A customer's master data. {@code creditLimitMinor} null = no limit set. */
    record Customer(String partyId, String name, ZoneId zone, boolean insolvent, Long creditLimitMinor,
                    String currency, int paymentTermsDays, String track, LocalDate trackSince) {
    }

    /** A customer with its open items and assessment as of a date. */
    record CustomerView(Customer customer, List<OpenItem> items, CustomerAssessment assessment) {
    }

    /** DSO and CEI of one customer (or the whole book: partyId null) for {@code [from, to]}. */
    record Measures(String partyId, String name, LocalDate from, LocalDate to, long days, long openingMinor,
                    long creditSalesMinor, long closingMinor, long closingCurrentMinor, BigDecimal dso, BigDecimal cei) {
    }

    private record Book(Map<String, Customer> customers, Map<String, List<InvoiceLine>> lines,
                        Map<String, List<Receipt>> receipts) {
    }

    private final JdbcClient jdbc;
    private final ReceivablePolicies policies;

    ReceivableBook(JdbcClient jdbc, ReceivablePolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    List<CustomerView> customers(Actor actor, LocalDate asOf) {
        return views(load(actor, null), asOf, policies.current());
    }

    /** The customer, or empty when unknown or out of the actor's scope (callers answer 404). */
    Optional<CustomerView> customer(Actor actor, String partyId, LocalDate asOf) {
        return views(load(actor, partyId), asOf, policies.current()).stream().findFirst();
    }

    /** Every customer (no scope): the review of tracks and reminders runs over the whole book. */
    List<CustomerView> everyCustomer(LocalDate asOf, ReceivablePolicy policy) {
        return views(load(null, null), asOf, policy);
    }

    /** Per customer and for the whole book (last row, partyId null). */
    List<Measures> measures(Actor actor, String partyId, LocalDate from, LocalDate to) {
        Book book = load(actor, partyId);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        List<Measures> rows = new ArrayList<>();
        long[] total = new long[4];
        for (Customer c : book.customers().values()) {
            List<InvoiceLine> lines = book.lines().getOrDefault(c.partyId(), List.of());
            List<Receipt> receipts = book.receipts().getOrDefault(c.partyId(), List.of());
            long opening = OpenItems.outstanding(OpenItems.asOf(lines, receipts, from.minusDays(1)));
            List<OpenItem> closingItems = OpenItems.asOf(lines, receipts, to);
            long closing = OpenItems.outstanding(closingItems);
            long current = OpenItems.current(closingItems, to);
            long sales = lines.stream().filter(l -> !l.invoiceDate().isBefore(from) && !l.invoiceDate().isAfter(to))
                    .mapToLong(InvoiceLine::amountMinor).sum();
            rows.add(new Measures(c.partyId(), c.name(), from, to, days, opening, sales, closing, current,
                    CollectionMeasures.dso(closing, sales, days), CollectionMeasures.cei(opening, sales, closing, current)));
            total[0] += opening;
            total[1] += sales;
            total[2] += closing;
            total[3] += current;
        }
        if (partyId == null) {
            rows.add(new Measures(null, null, from, to, days, total[0], total[1], total[2], total[3],
                    CollectionMeasures.dso(total[2], total[1], days),
                    CollectionMeasures.cei(total[0], total[1], total[2], total[3])));
        }
        return rows;
    }

    private List<CustomerView> views(Book book, LocalDate asOf, ReceivablePolicy policy) {
        List<CustomerView> views = new ArrayList<>();
        for (Customer c : book.customers().values()) {
            List<OpenItem> items = OpenItems.asOf(book.lines().getOrDefault(c.partyId(), List.of()),
                    book.receipts().getOrDefault(c.partyId(), List.of()), asOf);
            views.add(new CustomerView(c, items,
                    Receivables.assess(items, asOf, c.creditLimitMinor(), c.insolvent(), policy)));
        }
        return views;
    }

    /** The customers in scope ({@code actor} null = all), optionally only {@code partyId}, with lines and receipts. */
    private Book load(Actor actor, String partyId) {
        StringBuilder where = new StringBuilder("""
                p.party_id IN (SELECT ap.party_id FROM account_party ap JOIN account a ON a.account_id = ap.account_id
                               WHERE a.product = 'B2B_RECEIVABLE' AND ap.role = 'BORROWER')""");
        List<Object> params = new ArrayList<>();
        if (partyId != null) {
            where.append(" AND p.party_id = ?");
            params.add(partyId);
        }
        if (actor != null) {
            CaseScope.Filter filter = CaseScope.sqlFilter(actor, "'C-' || p.party_id");
            where.append(" AND ").append(filter.sql());
            params.addAll(filter.params());
        }
        Map<String, Customer> customers = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT p.party_id, p.name, p.time_zone, p.deceased, p.bankrupt, c.credit_limit_minor, c.currency,
                               c.payment_terms_days, c.track, c.track_since,
                               (SELECT MIN(a.currency) FROM account a JOIN account_party ap ON ap.account_id = a.account_id
                                 WHERE ap.party_id = p.party_id AND ap.role = 'BORROWER'
                                   AND a.product = 'B2B_RECEIVABLE') AS book_currency
                        FROM party p LEFT JOIN receivable_customer c ON c.party_id = p.party_id
                        WHERE\s""" + where + " ORDER BY p.name, p.party_id")
                .params(params)
                .query((rs, n) -> {
                    long limit = rs.getLong("credit_limit_minor");
                    Long creditLimit = rs.wasNull() ? null : limit;
                    int terms = rs.getInt("payment_terms_days");
                    boolean hasTerms = !rs.wasNull();
                    java.sql.Date since = rs.getDate("track_since");
                    String currency = rs.getString("currency") != null ? rs.getString("currency") : rs.getString("book_currency");
                    return new Customer(rs.getString("party_id"), rs.getString("name"), zone(rs.getString("time_zone")),
                            rs.getBoolean("deceased") || rs.getBoolean("bankrupt"), creditLimit,
                            currency == null ? "CNY" : currency.strip(), hasTerms ? terms : 30, rs.getString("track"),
                            since == null ? null : since.toLocalDate());
                })
                .list().forEach(c -> customers.put(c.partyId(), c));
        Map<String, List<InvoiceLine>> lines = new HashMap<>();
        Map<String, List<Receipt>> receipts = new HashMap<>();
        if (customers.isEmpty()) {
            return new Book(customers, lines, receipts);
        }
        String accounts = """
                FROM account a JOIN account_party ap ON ap.account_id = a.account_id AND ap.role = 'BORROWER'
                JOIN party p ON p.party_id = ap.party_id
                %s
                WHERE a.product = 'B2B_RECEIVABLE' AND\s""";
        jdbc.sql("SELECT ap.party_id, a.account_id, a.open_date, i.seq, i.due_date, "
                        + "i.principal_minor + i.interest_minor + i.fee_minor AS amount "
                        + accounts.formatted("JOIN installment i ON i.account_id = a.account_id") + where)
                .params(params)
                .query((rs, n) -> {
                    lines.computeIfAbsent(rs.getString("party_id"), k -> new ArrayList<>())
                            .add(new InvoiceLine(rs.getString("account_id"), rs.getInt("seq"),
                                    rs.getDate("open_date").toLocalDate(), rs.getDate("due_date").toLocalDate(),
                                    rs.getLong("amount")));
                    return null;
                }).list();
        jdbc.sql("SELECT ap.party_id, pay.account_id, pay.paid_at, pay.amount_minor "
                        + accounts.formatted("JOIN payment pay ON pay.account_id = a.account_id") + where)
                .params(params)
                .query((rs, n) -> {
                    Customer c = customers.get(rs.getString("party_id"));
                    LocalDate paidOn = rs.getTimestamp("paid_at").toInstant().atZone(c.zone()).toLocalDate();
                    receipts.computeIfAbsent(c.partyId(), k -> new ArrayList<>())
                            .add(new Receipt(rs.getString("account_id"), paidOn, rs.getLong("amount_minor")));
                    return null;
                }).list();
        return new Book(customers, lines, receipts);
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? DEFAULT_ZONE : ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}

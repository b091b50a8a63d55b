package org.recoup.engine.debt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Test data for one debt: an account with its instalments and payments, written the way the rules are read.
 * <pre>{@code
 * anAccount().withGraceDays(3)
 *     .withInstallment(due("2026-01-10"), principal("1000.00"), interest("60.00"))
 *     .withPayment(paidOn("2026-01-10"), amount("1060.00"))
 * }</pre>
 * Amounts are written in major units with two decimals (CNY, USD) and held in minor units. Defaults: a CNY consumer
 * loan in the CN jurisdiction, no grace, no penalty, principal = the sum of the instalments' principal.
 */
public final class AccountBuilder {

    private String id = "A-1";
    private Product product = Product.CONSUMER_LOAN;
    private Currency currency = Currency.getInstance("CNY");
    private Long principal;
    private LocalDate openDate;
    private BigDecimal penaltyRatePerDay;
    private Long penaltyCap;
    private int graceDays;
    private Jurisdiction jurisdiction = Jurisdiction.CN;
    private ZoneId zone;
    private boolean borrowerDeceased;
    private boolean borrowerBankrupt;
    private boolean otherLiableParty;
    private final List<Installment> installments = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();

    private AccountBuilder() {
    }

    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    // ---- readable values -------------------------------------------------------------------------------------------

    public static LocalDate due(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    public static LocalDate paidOn(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** An instant with its offset, e.g. {@code "2026-03-01T23:30:00-05:00"}. */
    public static Instant paidAt(String isoOffsetDateTime) {
        return OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    public static LocalDate asOf(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** Minor units of a two-decimal amount: {@code amount("10.25") == 1025}. */
    public static long amount(String major) {
        return new BigDecimal(major).movePointRight(2).longValueExact();
    }

    public static long principal(String major) {
        return amount(major);
    }

    public static long interest(String major) {
        return amount(major);
    }

    public static long fees(String major) {
        return amount(major);
    }

    // ---- the account -----------------------------------------------------------------------------------------------

    public AccountBuilder withId(String accountId) {
        this.id = accountId;
        return this;
    }

    public AccountBuilder ofProduct(Product accountProduct) {
        this.product = accountProduct;
        return this;
    }

    public AccountBuilder inCurrency(String currencyCode) {
        this.currency = Currency.getInstance(currencyCode);
        return this;
    }

    /** The jurisdiction; the business zone follows it unless {@link #inZone} says otherwise. */
    public AccountBuilder inJurisdiction(Jurisdiction accountJurisdiction) {
        this.jurisdiction = accountJurisdiction;
        return this;
    }

    public AccountBuilder inZone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
        return this;
    }

    public AccountBuilder withPrincipal(long minor) {
        this.principal = minor;
        return this;
    }

    public AccountBuilder openedOn(LocalDate date) {
        this.openDate = date;
        return this;
    }

    public AccountBuilder withGraceDays(int days) {
        this.graceDays = days;
        return this;
    }

    /** A fraction per day, e.g. {@code "0.0005"} = 0.5‰. */
    public AccountBuilder withPenaltyRatePerDay(String fraction) {
        this.penaltyRatePerDay = fraction == null ? null : new BigDecimal(fraction);
        return this;
    }

    public AccountBuilder withPenaltyCap(long minor) {
        this.penaltyCap = minor;
        return this;
    }

    public AccountBuilder withBorrowerDeceased() {
        this.borrowerDeceased = true;
        return this;
    }

    public AccountBuilder withBorrowerBankrupt() {
        this.borrowerBankrupt = true;
        return this;
    }

    /** A living, solvent co-borrower, guarantor or heir is on the account. */
    public AccountBuilder withOtherLiableParty() {
        this.otherLiableParty = true;
        return this;
    }

    // ---- schedule and payments -------------------------------------------------------------------------------------

    public AccountBuilder withInstallment(LocalDate dueDate, long principalDue) {
        return withInstallment(dueDate, principalDue, 0, 0);
    }

    public AccountBuilder withInstallment(LocalDate dueDate, long principalDue, long interestDue) {
        return withInstallment(dueDate, principalDue, interestDue, 0);
    }

    public AccountBuilder withInstallment(LocalDate dueDate, long principalDue, long interestDue, long feesDue) {
        installments.add(new Installment(installments.size() + 1, dueDate, principalDue, interestDue, feesDue));
        return this;
    }

    /** A payment at noon, local time in the account's zone, of {@code day}. */
    public AccountBuilder withPayment(LocalDate day, long minor) {
        return withPayment(day.atTime(LocalTime.NOON).atZone(zone()).toInstant(), minor);
    }

    public AccountBuilder withPayment(Instant at, long minor) {
        payments.add(new Payment("PAY-" + (payments.size() + 1), at, minor, PaymentChannel.OTHER));
        return this;
    }

    // ---- results ---------------------------------------------------------------------------------------------------

    public Account build() {
        long principalTotal = principal != null ? principal
                : installments.stream().mapToLong(Installment::principal).sum();
        LocalDate opened = openDate != null ? openDate
                : installments.stream().map(Installment::dueDate).min(LocalDate::compareTo)
                        .map(first -> first.minusMonths(1)).orElse(LocalDate.of(2026, 1, 1));
        return new Account(id, product, currency, principalTotal, opened, penaltyRatePerDay, penaltyCap, graceDays,
                jurisdiction, zone, new Liability(borrowerDeceased, borrowerBankrupt, otherLiableParty));
    }

    public List<Installment> installments() {
        return List.copyOf(installments);
    }

    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    private ZoneId zone() {
        return zone != null ? zone : jurisdiction.defaultZone();
    }
}

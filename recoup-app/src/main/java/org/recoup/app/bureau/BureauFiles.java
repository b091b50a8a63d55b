package org.recoup.app.bureau;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.bureau.BureauFile;
import org.recoup.engine.bureau.BureauLayout;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly account-status records: one per account with a state on or before the month end (its latest), with the
 * charge-off and sale flags as of the month end. Amounts in minor units, dates {@code yyyyMMdd}. status: SOLD (sold
 * by the month end and not bought back by then), CHARGED_OFF, PAID (balance 0), DELINQUENT (dpd &gt; 0), CURRENT.
 */
@Service
class BureauFiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final BureauLayouts layouts;

    BureauFiles(JdbcClient jdbc, BureauLayouts layouts) {
        this.jdbc = jdbc;
        this.layouts = layouts;
    }

    List<Map<String, String>> records(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        List<Map<String, String>> records = new ArrayList<>();
        jdbc.sql("""
                        SELECT s.account_id, s.as_of, a.product, s.currency, a.open_date, a.principal_minor, s.dpd, s.bucket,
                               s.outstanding_principal_minor, s.overdue_total_minor,
                               s.outstanding_principal_minor + s.overdue_interest_minor + s.overdue_fees_minor
                                 + s.overdue_penalty_minor,
                               (SELECT co.charged_off_on FROM charge_off co WHERE co.account_id = s.account_id
                                  AND co.charged_off_on <= ?),
                               (SELECT MAX(ds.sold_on) FROM debt_sale_account dsa JOIN debt_sale ds ON ds.sale_id = dsa.sale_id
                                  WHERE dsa.account_id = s.account_id AND ds.status = 'SOLD' AND ds.sold_on <= ?
                                    AND (dsa.bought_back_on IS NULL OR dsa.bought_back_on > ?)),
                               (SELECT MIN(p.name) FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                                  WHERE ap.account_id = s.account_id AND ap.role = 'BORROWER'),
                               (SELECT MIN(p.id_number) FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                                  WHERE ap.account_id = s.account_id AND ap.role = 'BORROWER')
                        FROM account_state s JOIN account a ON a.account_id = s.account_id
                        WHERE s.as_of = (SELECT MAX(s2.as_of) FROM account_state s2 WHERE s2.account_id = s.account_id
                                           AND s2.as_of <= ?)
                        ORDER BY s.account_id""")
                .params(end, end, end, end)
                .query(rs -> {
                    Map<String, String> r = new HashMap<>();
                    LocalDate chargedOff = rs.getObject(12, LocalDate.class);
                    LocalDate sold = rs.getObject(13, LocalDate.class);
                    long balance = rs.getLong(11);
                    int dpd = rs.getInt(7);
                    r.put("record_type", "D");
                    r.put("account_id", rs.getString(1));
                    r.put("month", month.format(DateTimeFormatter.ofPattern("yyyyMM")));
                    r.put("as_of", rs.getObject(2, LocalDate.class).format(DAY));
                    r.put("product", rs.getString(3));
                    r.put("currency", rs.getString(4));
                    r.put("open_date", rs.getObject(5, LocalDate.class).format(DAY));
                    r.put("principal", String.valueOf(rs.getLong(6)));
                    r.put("dpd", String.valueOf(dpd));
                    r.put("bucket", rs.getString(8));
                    r.put("outstanding", String.valueOf(rs.getLong(9)));
                    r.put("overdue", String.valueOf(rs.getLong(10)));
                    r.put("balance", String.valueOf(balance));
                    r.put("charged_off", chargedOff == null ? "N" : "Y");
                    r.put("charged_off_on", chargedOff == null ? "" : chargedOff.format(DAY));
                    r.put("sold", sold == null ? "N" : "Y");
                    r.put("sold_on", sold == null ? "" : sold.format(DAY));
                    r.put("status", sold != null ? "SOLD" : chargedOff != null ? "CHARGED_OFF" : balance == 0 ? "PAID"
                            : dpd > 0 ? "DELINQUENT" : "CURRENT");
                    r.put("borrower_name", nullToEmpty(rs.getString(14)));
                    r.put("borrower_id_number", nullToEmpty(rs.getString(15)));
                    r.put("filler", "");
                    records.add(r);
                });
        return records;
    }

    /** The file of {@code month} in the layout in force; a value that does not fit is a 422 naming record and field. */
    String file(YearMonth month) {
        BureauLayout layout = layouts.current();
        try {
            return BureauFile.write(layout, month, records(month));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "BUREAU_FIELD_OVERFLOW", "fields", e.getMessage());
        }
    }

    BureauLayout layout() {
        return layouts.current();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package org.recoup.app.property;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.recoup.app.payment.Payments;
import org.recoup.engine.debt.PaymentChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The demo's property fees: two buildings of four units billed for the three months before the business date, with a
 * deterministic mix of owners who pay on time, late, partly or not at all — so that the collection-rate report, the
 * late fees and the notices have something to show.
 */
@Component
public class PropertyFeeDemo {

    private final BillingImport billing;
    private final Payments payments;
    private final Clock clock;

    PropertyFeeDemo(BillingImport billing, Payments payments, ObjectProvider<Clock> clock) {
        this.billing = billing;
        this.payments = payments;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Imports the demo bills and posts their payments; returns the number of bills. */
    public int load(LocalDate asOf) {
        StringBuilder csv = new StringBuilder("building,unit,owner_id,owner_name,period,fee_type,amount,due_date\n");
        String[] buildings = {"A栋", "B栋"};
        String[] owners = {"周敏", "吴刚", "郑丽", "孙强", "钱芳", "冯伟", "陈静", "褚涛"};
        YearMonth current = YearMonth.from(asOf);
        for (int b = 0; b < buildings.length; b++) {
            for (int u = 0; u < 4; u++) {
                String unit = String.valueOf(101 + u);
                for (int m = 3; m >= 1; m--) {
                    YearMonth period = current.minusMonths(m);
                    csv.append(buildings[b]).append(',').append(unit).append(",DEMO-OWN-").append(b).append(unit)
                            .append(',').append(owners[b * 4 + u]).append(',').append(period).append(",MGMT,")
                            .append(fee(b, u)).append(',').append(period.atDay(10)).append('\n');
                }
            }
        }
        BillingImport.Result result = billing.run("demo-billing.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "demo");
        if (result.failed()) {
            throw new IllegalStateException("the demo billing did not import: " + result.errors());
        }
        for (int b = 0; b < buildings.length; b++) {
            for (int u = 0; u < 4; u++) {
                for (int m = 3; m >= 1; m--) {
                    YearMonth period = current.minusMonths(m);
                    String account = "PF-" + buildings[b] + "-" + (101 + u) + "-" + period + "-MGMT";
                    BigDecimal fee = fee(b, u);
                    // unit 101 pays on the due date, 102 two weeks late, 103 half, 104 nothing; B栋 skips the last month
                    if (u == 3 || (b == 1 && m == 1)) {
                        continue;
                    }
                    int lateDays = u == 1 ? 14 : 0;
                    BigDecimal amount = u == 2 ? fee.divide(BigDecimal.TWO) : fee;
                    OffsetDateTime paidAt = period.atDay(10).plusDays(lateDays).atTime(10, 0)
                            .atOffset(ZoneOffset.ofHours(8));
                    if (paidAt.toLocalDate().isAfter(asOf) || paidAt.toInstant().isAfter(clock.instant())) {
                        // a demo dated in the future: payments cannot be posted ahead of the clock
                        continue;
                    }
                    payments.post("demo", "demo-" + account, account, paidAt, amount, PaymentChannel.WECHAT, "物业费");
                }
            }
        }
        return result.created();
    }

    private static BigDecimal fee(int building, int unit) {
        return new BigDecimal(280 + 40 * unit + 60 * building).setScale(2);
    }
}

package org.recoup.engine.receivable;

import java.util.List;
import org.recoup.engine.receivable.ReceivablePolicy.AgingBand;
import org.recoup.engine.receivable.ReceivablePolicy.ReminderLevel;
import org.recoup.engine.receivable.ReceivablePolicy.RiskRule;
import org.recoup.engine.receivable.ReceivablePolicy.Track;
import org.recoup.engine.receivable.ReceivablePolicy.TrackRule;

/** The policy the tests use: PRACTICE §2 bands and classes, three reminder levels, 文收/武收. */
final class TestPolicy {

    private TestPolicy() {
    }

    static ReceivablePolicy standard() {
        return new ReceivablePolicy(1,
                List.of(new AgingBand("NOT_DUE", "未到期", 0, 0), new AgingBand("Y0_1", "1年以内", 1, 365),
                        new AgingBand("Y1_2", "1-2年", 366, 730), new AgingBand("Y2_3", "2-3年", 731, 1095),
                        new AgingBand("Y3_4", "3-4年", 1096, 1460), new AgingBand("Y4_5", "4-5年", 1461, 1825),
                        new AgingBand("Y5_PLUS", "5年以上", 1826, null)),
                List.of(new RiskRule("DEAD", "死账", 1, null, true), new RiskRule("NOT_DUE", "未收款", 0, 0, null),
                        new RiskRule("OVERDUE", "催收款", 1, 180, null), new RiskRule("DOUBTFUL", "准呆账", 181, 365, null),
                        new RiskRule("BAD", "呆账", 366, null, null)),
                List.of(new ReminderLevel("FRIENDLY", "友好提醒", 1, null, null),
                        new ReminderLevel("FIRM", "正式催告", 16, null, null),
                        new ReminderLevel("FINAL", "最后通知", 46, null, null)),
                List.of(new Track("SOFT", "文收", "FIRM", List.of("EMAIL", "CALL"), "15:00-16:00", "soft"),
                        new Track("FIRM", "武收", "FINAL", List.of("CALL", "LETTER", "VISIT"), "15:00-16:00", "firm")),
                List.of(new TrackRule("FIRM", 46, null, null), new TrackRule("FIRM", 1, true, null),
                        new TrackRule("SOFT", null, null, null)));
    }
}

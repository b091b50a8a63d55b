package org.recoup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code recoup check}: planned contacts in, one compliance verdict per row out (contract §1, §5). */
class CheckCommandIT extends CommandLineHarness {

    @Test
    void checkWritesOneVerdictPerPlannedContact_laterRowsSeeEarlierAllowedOnes() throws Exception {
        assertThat(recoup("import", Path.of("src/test/resources/import/sample").toString())).as(err.toString()).isZero();
        Path planned = work.resolve("planned.csv");
        Files.writeString(planned, """
                account_id,party_id,contact_point_id,channel,at,content
                L-1001,P-1,CP-1,SMS,2026-12-01T10:00:00+08:00,
                L-1001,P-1,CP-1,SMS,2026-12-01T10:01:00+08:00,
                L-1001,P-1,CP-1,SMS,2026-12-01T10:02:00+08:00,
                L-1001,P-1,CP-1,SMS,2026-12-01T10:03:00+08:00,
                L-1001,P-1,CP-1,SMS,2026-12-01T23:00:00+08:00,
                L-1001,P-1,CP-1,SMS,2026-12-02T10:00:00+08:00,请准备好现金,明天我们上门收款。
                """);
        Path verdicts = work.resolve("verdicts.csv");

        int exit = recoup("check", planned.toString(), "--out", verdicts.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(verdicts);
        assertThat(lines.getFirst()).isEqualTo("row,account_id,party_id,contact_point_id,channel,at,verdict,reasons,rules,next_allowed_at");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).contains(",ALLOW,"));
        assertThat(lines.get(4)).startsWith("5,").contains(",BLOCK,DAILY_LIMIT,CN.frequency.messages,2026-12-02T00:00:00Z");
        assertThat(lines.get(5)).contains(",BLOCK,").contains("OUTSIDE_HOURS");
        assertThat(lines.get(6)).contains("CASH_COLLECTION");
        assertThat(err.toString()).contains("6 contacts checked: 3 allowed, 3 blocked");
    }

    @Test
    void anInvalidRowIsReportedByRowAndColumnAndNothingIsChecked() throws Exception {
        Path planned = work.resolve("planned.csv");
        Files.writeString(planned, """
                account_id,party_id,channel,at
                L-1,P-1,FAX,2026-12-01T10:00:00+08:00
                L-1,P-1,SMS,tomorrow
                """);

        int exit = recoup("check", planned.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("planned.csv row 2: column channel", "planned.csv row 3: column at",
                "nothing checked");
    }
}

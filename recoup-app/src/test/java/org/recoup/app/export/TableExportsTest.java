package org.recoup.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.recoup.app.api.ApiProblem;

/** A report table reads back from its XLSX and CSV files with the same values, Chinese text included. */
class TableExportsTest {

    private static final Table RECOVERY = Table.titled("回收 / Recovery")
            .column("team", "团队", Table.Kind.TEXT)
            .column("accounts", "账户数", Table.Kind.INTEGER)
            .column("recovered", "回收金额", Table.Kind.AMOUNT)
            .column("rate", "回收率", Table.Kind.RATE)
            .column("as_of", "日期", Table.Kind.DATE)
            .row("早期组", 12L, new BigDecimal("1060.50"), new BigDecimal("0.2525"), LocalDate.of(2026, 11, 23))
            .row("late, \"B\"", 3, null, new BigDecimal("0"), null)
            .build();

    @Test
    void theWorkbookHoldsTheLabelsAndTheNumbersAsNumbers() throws Exception {
        byte[] xlsx = TableExports.xlsx(RECOVERY);

        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(book.getFirstSheet().getName()).isEqualTo("回收   Recovery");
            assertThat(rows.get(0).getCellText(0)).isEqualTo("团队");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("早期组");
            assertThat(rows.get(1).getCellAsNumber(1)).contains(new BigDecimal("12"));
            assertThat(rows.get(1).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("1060.50");
            assertThat(rows.get(1).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("0.2525");
            assertThat(rows.get(2).getCellText(0)).isEqualTo("late, \"B\"");
        }
    }

    @Test
    void theCsvStartsWithAByteOrderMarkAndQuotesWhatNeedsQuoting() {
        String csv = new String(TableExports.csv(RECOVERY), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFteam,accounts,recovered,rate,as_of\r\n");
        assertThat(csv).contains("早期组,12,1060.50,0.2525,2026-11-23\r\n");
        assertThat(csv).contains("\"late, \"\"B\"\"\",3,,0,\r\n");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsNamed() {
        assertThatThrownBy(() -> Table.titled("t").column("a", "A", Table.Kind.TEXT).row("x", "y").build())
                .hasMessageContaining("row 1").hasMessageContaining("expected 1");
    }

    @Test
    void anUnknownFormatIsABadRequestNamingTheParameter() {
        assertThatThrownBy(() -> TableExports.Format.of("pdf"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("xlsx or csv");
        assertThat(TableExports.Format.of("XLSX")).isEqualTo(TableExports.Format.XLSX);
    }
}

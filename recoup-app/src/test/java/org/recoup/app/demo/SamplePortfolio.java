package org.recoup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The 2,000-account sample portfolio that {@link PortfolioGeneratorTest} and
 * {@link PortfolioGeneratorDistributionTest} read back, with the CSV helpers both use.
 *
 * @param dir    where the eight files were written
 * @param counts the data rows per file, as the generator reported them
 * @param files  the parsed data rows of each file, by file name
 */
record SamplePortfolio(Path dir, PortfolioGenerator.RowCounts counts, Map<String, List<CSVRecord>> files) {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final long SEED = 20_261_123L;
    static final int ACCOUNTS = 2_000;

    /** Generates the sample into {@code dir} and parses every file. */
    static SamplePortfolio generate(Path dir) throws IOException {
        PortfolioGenerator.RowCounts counts = new PortfolioGenerator(SEED, ACCOUNTS, AS_OF).write(dir);
        Map<String, List<CSVRecord>> files = new HashMap<>();
        for (String file : PortfolioGenerator.FILES) {
            files.put(file, read(dir.resolve(file)));
        }
        return new SamplePortfolio(dir, counts, files);
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    /** The rows by the value of {@code column}, asserting that it is unique. */
    static Map<String, CSVRecord> index(List<CSVRecord> rows, String column) {
        Map<String, CSVRecord> byId = new HashMap<>();
        for (CSVRecord r : rows) {
            assertThat(byId.put(r.get(column), r)).as("duplicate " + column + " " + r.get(column)).isNull();
        }
        return byId;
    }

    /** The rows by account id, in file order. */
    static Map<String, List<CSVRecord>> group(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.get("account_id"), LinkedHashMap::new, Collectors.toList()));
    }

    /** An amount ("12.34") in minor units. */
    static long minor(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}

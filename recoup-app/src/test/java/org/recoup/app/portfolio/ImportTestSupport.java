package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoup.app.ApiClient;
import org.recoup.app.ApiClient.Part;
import org.recoup.app.IntegrationTest;
import org.recoup.app.TestDatabase;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

/** What the import ITs share: the services, a unique id prefix per test and the sample files carrying it. */
abstract class ImportTestSupport extends IntegrationTest {

    static final List<String> TABLES = List.of("account", "party", "account_party", "contact_point",
            "installment", "payment", "contact_attempt");

    @Autowired
    ImportService imports;

    @Autowired
    MeterRegistry meters;

    @Autowired
    UserAccounts users;

    ImportSamples sample;
    String p;

    @BeforeEach
    void uniquePrefix() {
        p = uniqueId("T") + ".";
        sample = new ImportSamples(p);
    }

    static List<String> messages(JsonNode body) {
        List<String> messages = new ArrayList<>();
        body.get("errors").forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    /** Rows of this test's ids (all sample ids carry the test's prefix). */
    Map<String, Long> rowCountsOfThisTest() {
        Map<String, String> idColumn = Map.of("account", "account_id", "party", "party_id", "account_party", "account_id",
                "contact_point", "contact_point_id", "installment", "account_id", "payment", "payment_id",
                "contact_attempt", "contact_id");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + idColumn.get(table) + " LIKE ?")
                    .param(p + "%").query(Long.class).single());
        }
        return counts;
    }
}

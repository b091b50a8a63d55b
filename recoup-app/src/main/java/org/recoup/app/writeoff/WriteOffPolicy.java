package org.recoup.app.writeoff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.recoup.app.api.ApiProblem;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write-off policy as versioned data ({@code business_config} kind {@value #KIND}; default shipped as
 * {@code config/write-off-policy.json}): the charge-off reason codes, and the zone that dates payments (a recovery is
 * a payment dated after the charge-off date in that zone).
 */
@Service
class WriteOffPolicy {

    static final String KIND = "write-off-policy";

    record Reason(String code, String label) {
    }

    record Config(Integer version, String zone, List<Reason> reasons) {
        Config {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        boolean has(String code) {
            return reasons.stream().anyMatch(r -> r.code().equals(code));
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate installing;

    WriteOffPolicy(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Config current() {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query(String.class).optional().map(this::parse).orElseGet(this::installDefault);
    }

    @Transactional
    Config save(String document, String user) {
        Config parsed = parse(document);
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        Config versioned = new Config(next, parsed.zone(), parsed.reasons());
        try {
            insert(versioned, user);
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the write-off policy was saved at the same time; reload and try again");
        }
        return versioned;
    }

    Config parse(String document) {
        Config c;
        try {
            c = json.readValue(document, Config.class);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF_POLICY", null, "write-off policy: " + e.getOriginalMessage());
        }
        try {
            java.time.ZoneId.of(c.zone());
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF_POLICY", "zone", "zone must be a time zone, was '" + c.zone() + "'");
        }
        if (c.reasons().isEmpty()) {
            throw ApiProblem.badRequest("INVALID_WRITE_OFF_POLICY", "reasons", "name at least one reason");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < c.reasons().size(); i++) {
            Reason r = c.reasons().get(i);
            if (r.code() == null || !r.code().matches("[A-Z][A-Z0-9_]{0,49}") || !codes.add(r.code())) {
                throw ApiProblem.badRequest("INVALID_WRITE_OFF_POLICY", "reasons[" + i + "].code",
                        "each code is unique, upper case letters, digits and '_' (at most 50)");
            }
        }
        return c;
    }

    private Config installDefault() {
        try (InputStream in = new ClassPathResource("config/write-off-policy.json").getInputStream()) {
            Config read = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Config shipped = new Config(1, read.zone(), read.reasons());
            try {
                installing.executeWithoutResult(tx -> insert(shipped, "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                return current();
            }
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped write-off policy cannot be read", e);
        }
    }

    private void insert(Config c, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, c.version(), json.writeValueAsString(c), user).update();
    }
}

package org.recoup.app.promise;

import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.promise.PromisePolicy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promise policy (grace days) as versioned data in {@code business_config} (kind {@code promise-policy}), like
 * the delinquency policy: the highest version is in force, the shipped default ({@code config/promise-policy.json},
 * grace 0) is stored as version 1 when none exists, saving adds a version.
 */
@Service
public class PromisePolicies {

    static final String KIND = "promise-policy";

    /** A stored version of the policy. */
    public record Versioned(int version, int graceDays) {

        public PromisePolicy policy() {
            return new PromisePolicy(graceDays);
        }
    }

    private final JdbcClient jdbc;
    /** Installs the shipped default in a transaction of its own: a concurrent installer must not abort the caller\'s. */
    private final TransactionTemplate installing;
    private final JsonMapper json;
    private volatile Versioned current;

    PromisePolicies(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The policy in force. */
    public PromisePolicy policy() {
        return current().policy();
    }

    public Versioned current() {
        Versioned v = current;
        if (v == null) {
            v = loadOrInstallDefault();
            current = v;
        }
        return v;
    }

    List<Integer> versions() {
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version")
                .param(KIND).query(Integer.class).list();
    }

    Versioned version(int version) {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? AND version = ?")
                .params(KIND, version).query(String.class).optional()
                .map(doc -> new Versioned(version, parse(doc).graceDays()))
                .orElseThrow(() -> ApiProblem.notFound("promise policy version", String.valueOf(version)));
    }

    /** Validates and stores the document as the next version. */
    @Transactional
    public Versioned save(String document, String user) {
        PromisePolicy policy = parse(document);
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        try {
            insert(next, policy, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the promise policy was saved at the same time; reload and try again");
        }
        Versioned saved = new Versioned(next, policy.graceDays());
        current = saved;
        return saved;
    }

    /** Parses {@code {"graceDays": n}}; a missing, non-integer or out-of-range value is a 400 naming graceDays. */
    PromisePolicy parse(String document) {
        JsonNode node;
        try {
            node = json.readTree(document);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", null, "promise policy: not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode grace = node == null ? null : node.get("graceDays");
        if (grace == null || !grace.isIntegralNumber() || !grace.canConvertToInt()) {
            throw ApiProblem.badRequest("INVALID_POLICY", "graceDays", "graceDays is required: a whole number of days "
                    + "from 0 to " + PromisePolicy.MAX_GRACE_DAYS);
        }
        try {
            return new PromisePolicy(grace.intValue());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", "graceDays", e.getMessage());
        }
    }

    private synchronized Versioned loadOrInstallDefault() {
        return jdbc.sql("SELECT version, document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query((rs, i) -> new Versioned(rs.getInt(1), parse(rs.getString(2)).graceDays()))
                .optional()
                .orElseGet(() -> {
                    PromisePolicy shipped = parse(shippedDocument());
                    try {
                        installing.executeWithoutResult(tx -> insert(1, shipped, "system"));
                    } catch (DuplicateKeyException installedConcurrently) {
                        return version(1);
                    }
                    return new Versioned(1, shipped.graceDays());
                });
    }

    private static String shippedDocument() {
        try (var in = new org.springframework.core.io.ClassPathResource("config/promise-policy.json").getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the shipped promise policy cannot be read", e);
        }
    }

    private void insert(int version, PromisePolicy policy, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, version, "{\"graceDays\":" + policy.graceDays() + "}", user)
                .update();
    }
}

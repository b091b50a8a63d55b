package org.recoup.app.legal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.recoup.app.api.ApiProblem;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limitation policy as versioned data in {@code business_config}: the highest version is in force; the shipped
 * default ({@code config/limitation-policy.json}) is stored as version 1 when none exists. Saving never edits a
 * version: it adds the next one, so every stored state names the policy version that produced it.
 */
@Service
public class LimitationPolicies {

    static final String KIND = "limitation-policy";

    private final JdbcClient jdbc;
    /** Installs the shipped default in a transaction of its own: a concurrent installer must not abort the caller\'s. */
    private final TransactionTemplate installing;
    private final JsonMapper json;
    private volatile LimitationPolicy current;

    LimitationPolicies(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The policy in force. */
    public LimitationPolicy current() {
        LimitationPolicy policy = current;
        if (policy == null) {
            policy = loadOrInstallDefault();
            current = policy;
        }
        return policy;
    }

    public List<Integer> versions() {
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version")
                .param(KIND).query(Integer.class).list();
    }

    public LimitationPolicy version(int version) {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? AND version = ?")
                .params(KIND, version).query(String.class).optional()
                .map(this::parse)
                .orElseThrow(() -> ApiProblem.notFound("limitation policy version", String.valueOf(version)));
    }

    /** Validates and stores {@code policy} as the next version; returns it with its version number. */
    @Transactional
    public LimitationPolicy save(LimitationPolicy policy, String user) {
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        LimitationPolicy versioned = policy.withVersion(next);
        try {
            insert(versioned, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the limitation policy was saved at the same time; reload and try again");
        }
        current = versioned;
        return versioned;
    }

    /** Parses a policy document, turning rule violations into a 400 problem that says what is wrong. */
    public LimitationPolicy parse(String document) {
        try {
            return json.readValue(document, LimitationPolicy.class);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw ApiProblem.badRequest("INVALID_POLICY", null, "limitation policy: " + message(cause));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", null, "limitation policy: " + e.getMessage());
        }
    }

    private static String message(Throwable t) {
        if (t instanceof JacksonException j) {
            return j.getOriginalMessage();
        }
        return t.getMessage();
    }

    private synchronized LimitationPolicy loadOrInstallDefault() {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query(String.class).optional()
                .map(this::parse)
                .orElseGet(this::installDefault);
    }

    private LimitationPolicy installDefault() {
        try (InputStream in = new ClassPathResource("config/limitation-policy.json").getInputStream()) {
            LimitationPolicy shipped = json.readValue(in, LimitationPolicy.class).withVersion(1);
            try {
                installing.executeWithoutResult(tx -> insert(shipped, "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                return version(1);
            }
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped limitation policy cannot be read", e);
        }
    }

    private void insert(LimitationPolicy policy, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, policy.version(), json.writeValueAsString(policy), user)
                .update();
    }
}

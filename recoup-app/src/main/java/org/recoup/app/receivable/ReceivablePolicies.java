package org.recoup.app.receivable;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.receivable.ReceivablePolicy;
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
 * The receivables policy (aging bands, risk classes, reminder levels, 文收/武收 tracks and their rules) as versioned data
 * in {@code business_config}, kind {@value #KIND}; the shipped default {@code config/receivable-policy.json} becomes
 * version 1. Saving validates and adds the next version.
 */
@Service
class ReceivablePolicies {

    static final String KIND = "receivable-policy";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate installing;

    ReceivablePolicies(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    ReceivablePolicy current() {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query(String.class).optional().map(this::parse).orElseGet(this::installDefault);
    }

    List<Integer> versions() {
        current();
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version").param(KIND)
                .query(Integer.class).list();
    }

    @Transactional
    ReceivablePolicy save(String document, String user) {
        ReceivablePolicy policy = parse(document);
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?").param(KIND)
                .query(Integer.class).single();
        ReceivablePolicy versioned = policy.withVersion(next);
        try {
            insert(versioned, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the receivable policy was saved at the same time; reload and try again");
        }
        return versioned;
    }

    ReceivablePolicy parse(String document) {
        try {
            tools.jackson.databind.JsonNode tree = json.readTree(document);
            if (tree instanceof tools.jackson.databind.node.ObjectNode object && !object.has("version")) {
                object.put("version", 0); // the server assigns the version on save
            }
            return json.treeToValue(tree, ReceivablePolicy.class);
        } catch (JacksonException e) {
            String message = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                    ? e.getCause().getMessage() : e.getOriginalMessage();
            throw ApiProblem.badRequest("INVALID_POLICY", null, "receivable policy: " + message);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", null, "receivable policy: " + e.getMessage());
        }
    }

    private ReceivablePolicy installDefault() {
        try (InputStream in = new ClassPathResource("config/receivable-policy.json").getInputStream()) {
            ReceivablePolicy shipped = json.readValue(in, ReceivablePolicy.class).withVersion(1);
            try {
                installing.executeWithoutResult(tx -> insert(shipped, "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                // another request installed it first: same document
            }
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped receivable policy cannot be read", e);
        }
    }

    private void insert(ReceivablePolicy policy, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, policy.version(), json.writeValueAsString(policy), user).update();
    }
}

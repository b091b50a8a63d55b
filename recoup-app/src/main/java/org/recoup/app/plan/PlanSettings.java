package org.recoup.app.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiFunction;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.plan.AuthorityLimits;
import org.recoup.engine.plan.PlanTermsException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plans' business rules as versioned documents in {@code business_config}: {@code authority-limits} (what each
 * level of the approval chain may grant) and {@code plan-policy} (grace before a plan breaks, which types revert).
 * The highest version is in force; the shipped defaults ({@code config/authority-limits.json},
 * {@code config/plan-policy.json}) are stored as version 1 when none exists; saving validates and adds a version.
 */
@Service
public class PlanSettings {

    static final String LIMITS = "authority-limits";
    static final String POLICY = "plan-policy";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate installing;

    PlanSettings(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public AuthorityLimits limits() {
        return current(LIMITS, AuthorityLimits.class);
    }

    public PlanPolicy policy() {
        return current(POLICY, PlanPolicy.class);
    }

    AuthorityLimits limits(int version) {
        return version(LIMITS, version, AuthorityLimits.class);
    }

    PlanPolicy policy(int version) {
        return version(POLICY, version, PlanPolicy.class);
    }

    List<Integer> versions(String kind) {
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version").param(kind)
                .query(Integer.class).list();
    }

    AuthorityLimits saveLimits(String document, String user) {
        return save(LIMITS, parse(LIMITS, document, AuthorityLimits.class), user, AuthorityLimits::withVersion);
    }

    PlanPolicy savePolicy(String document, String user) {
        return save(POLICY, parse(POLICY, document, PlanPolicy.class), user, PlanPolicy::withVersion);
    }

    private <T> T current(String kind, Class<T> type) {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(kind).query(String.class).optional()
                .map(d -> parse(kind, d, type))
                .orElseGet(() -> installDefault(kind, type));
    }

    private <T> T version(String kind, int version, Class<T> type) {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? AND version = ?").params(kind, version)
                .query(String.class).optional().map(d -> parse(kind, d, type))
                .orElseThrow(() -> ApiProblem.notFound(kind + " version", String.valueOf(version)));
    }

    private synchronized <T> T installDefault(String kind, Class<T> type) {
        try (InputStream in = new ClassPathResource("config/" + kind + ".json").getInputStream()) {
            String document = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            T shipped = parse(kind, document, type);
            try {
                installing.executeWithoutResult(tx -> insert(kind, 1, shipped, "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                return version(kind, 1, type);
            }
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped " + kind + " cannot be read", e);
        }
    }

    private <T> T save(String kind, T value, String user, BiFunction<T, Integer, T> withVersion) {
        current(kind, value.getClass());
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?").param(kind)
                .query(Integer.class).single();
        T versioned = withVersion.apply(value, next);
        try {
            insert(kind, next, versioned, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of " + kind + " was saved at the same time; reload and try again");
        }
        return versioned;
    }

    private void insert(String kind, int version, Object value, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(kind, version, json.writeValueAsString(value), user).update();
    }

    /** Parses a document, turning rule violations into a 400 problem naming the field. */
    <T> T parse(String kind, String document, Class<T> type) {
        try {
            tools.jackson.databind.JsonNode tree = json.readTree(document);
            if (tree instanceof tools.jackson.databind.node.ObjectNode object && !object.has("version")) {
                object.put("version", 0); // assigned on save
            }
            return json.treeToValue(tree, type);
        } catch (JacksonException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PlanTermsException p) {
                throw ApiProblem.badRequest("INVALID_CONFIG", p.field(), kind + ": " + p.getMessage());
            }
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw ApiProblem.badRequest("INVALID_CONFIG", field(e), kind + ": " + message);
        } catch (PlanTermsException p) {
            throw ApiProblem.badRequest("INVALID_CONFIG", p.field(), kind + ": " + p.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_CONFIG", null, kind + ": " + e.getMessage());
        }
    }

    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}

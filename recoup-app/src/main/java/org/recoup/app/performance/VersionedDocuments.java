package org.recoup.app.performance;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiFunction;
import org.recoup.app.api.ApiProblem;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One kind of versioned business document in {@code business_config} (the pattern of {@code DelinquencyPolicies}):
 * the highest version is in force, the shipped default ({@code config/<kind>.json}) is stored as version 1 when none
 * exists, saving adds the next version after validating (a rule violation is a 400 naming the field).
 */
final class VersionedDocuments<T> {

    private final String kind;
    private final Class<T> type;
    private final BiFunction<T, Integer, T> withVersion;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate installing;

    VersionedDocuments(String kind, Class<T> type, BiFunction<T, Integer, T> withVersion, JdbcClient jdbc,
                       JsonMapper json, PlatformTransactionManager transactions) {
        this.kind = kind;
        this.type = type;
        this.withVersion = withVersion;
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    T current() {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(kind).query(String.class).optional()
                .map(this::parse)
                .orElseGet(this::installDefault);
    }

    List<Integer> versions() {
        current();
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version")
                .param(kind).query(Integer.class).list();
    }

    T version(int version) {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? AND version = ?")
                .params(kind, version).query(String.class).optional()
                .map(this::parse)
                .orElseThrow(() -> ApiProblem.notFound(kind + " version", String.valueOf(version)));
    }

    /** Validates {@code document} and stores it as the next version (call inside a transaction). */
    T save(String document, String user) {
        T parsed = parse(document);
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(kind).query(Integer.class).single();
        T versioned = withVersion.apply(parsed, next);
        try {
            insert(versioned, next, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of " + kind + " was saved at the same time; reload and try again");
        }
        return versioned;
    }

    T parse(String document) {
        try {
            T value = json.readValue(document, type);
            if (value == null) {
                throw ApiProblem.badRequest("INVALID_CONFIG", null, kind + ": the document is empty");
            }
            return value;
        } catch (JacksonException e) {
            if (e.getCause() instanceof InvalidConfig invalid) {
                throw ApiProblem.badRequest("INVALID_CONFIG", invalid.field(), kind + ": " + invalid.getMessage());
            }
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause instanceof JacksonException j ? j.getOriginalMessage() : cause.getMessage();
            throw ApiProblem.badRequest("INVALID_CONFIG", null, kind + ": " + message);
        } catch (InvalidConfig invalid) {
            throw ApiProblem.badRequest("INVALID_CONFIG", invalid.field(), kind + ": " + invalid.getMessage());
        }
    }

    private T installDefault() {
        try (InputStream in = new ClassPathResource("config/" + kind + ".json").getInputStream()) {
            T shipped = withVersion.apply(json.readValue(in, type), 1);
            try {
                installing.executeWithoutResult(tx -> insert(shipped, 1, "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                return version(1);
            }
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped " + kind + " cannot be read", e);
        }
    }

    private void insert(T value, int version, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(kind, version, json.writeValueAsString(value), user)
                .update();
    }

    /** A rule of a document broken: names the field. */
    static final class InvalidConfig extends IllegalArgumentException {
        private final String field;

        InvalidConfig(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}

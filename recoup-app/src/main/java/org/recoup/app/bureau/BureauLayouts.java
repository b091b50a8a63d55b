package org.recoup.app.bureau;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.bureau.BureauLayout;
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

/** The bureau file layout as versioned data ({@code business_config} kind {@value #KIND}; default shipped). */
@Service
class BureauLayouts {

    static final String KIND = "bureau-layout";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate installing;

    BureauLayouts(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    BureauLayout current() {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query(String.class).optional().map(this::parse).orElseGet(this::installDefault);
    }

    @Transactional
    BureauLayout save(String document, String user) {
        BureauLayout parsed = parse(document);
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        BureauLayout versioned = parsed.withVersion(next);
        try {
            insert(versioned, user);
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the bureau layout was saved at the same time; reload and try again");
        }
        return versioned;
    }

    BureauLayout parse(String document) {
        try {
            return json.readValue(document, BureauLayout.class);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause instanceof JacksonException j ? j.getOriginalMessage() : cause.getMessage();
            throw ApiProblem.badRequest("INVALID_BUREAU_LAYOUT", field(message), "bureau layout: " + message);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest("INVALID_BUREAU_LAYOUT", field(e.getMessage()), "bureau layout: " + e.getMessage());
        }
    }

    private static String field(String message) {
        if (message == null) {
            return null;
        }
        if (message.startsWith("field ") || message.startsWith("fields")) {
            return "fields";
        }
        return message.startsWith("lineEnd") ? "lineEnd" : message.contains("format") ? "format" : null;
    }

    private BureauLayout installDefault() {
        try (InputStream in = new ClassPathResource("config/bureau-layout.json").getInputStream()) {
            BureauLayout shipped = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).withVersion(1);
            try {
                installing.executeWithoutResult(tx -> insert(shipped, "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                return current();
            }
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped bureau layout cannot be read", e);
        }
    }

    private void insert(BureauLayout layout, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, layout.version(), json.writeValueAsString(layout), user).update();
    }
}

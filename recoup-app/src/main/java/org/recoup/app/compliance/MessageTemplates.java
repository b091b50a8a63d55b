package org.recoup.app.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContentLint;
import org.recoup.engine.compliance.PartyRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Message templates as versioned data ({@code business_config} kind {@code message-templates}, one document holding
 * every template). Version 1 is the compliant library shipped with the engine. A template is linted on save with its
 * channel and recipient role; one with any finding is refused (422), so a stored template is always clean.
 */
@Service
class MessageTemplates {

    static final String KIND = "message-templates";
    private static final String LIBRARY = "org/recoup/engine/compliance/templates/";
    private static final List<String> SHIPPED = List.of("reminder", "pre-legal-notice", "visit-notice", "locate");

    /** One template: which channel and recipient it is written for, its locale and text (with {placeholders}). */
    record Template(String id, Channel channel, String locale, PartyRole recipientRole, String text) {
    }

    /** The document: templates by id, and its version. */
    record Library(int version, Map<String, Template> templates) {
    }

    /** A template refused by the lint. */
    static final class Refused extends RuntimeException {
        final List<ComplianceController.FindingView> findings;

        Refused(List<ComplianceController.FindingView> findings) {
            super("the template has " + findings.size() + " lint finding(s)");
            this.findings = findings;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile Library current;

    private final org.springframework.transaction.support.TransactionTemplate newTransaction;

    MessageTemplates(JdbcClient jdbc, JsonMapper json,
                     org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Library current() {
        Library library = current;
        if (library == null) {
            library = loadOrInstall();
            current = library;
        }
        return library;
    }

    Optional<Template> find(String id) {
        return Optional.ofNullable(current().templates().get(id));
    }

    /** The text to check: the request's content, or else its template's text. */
    String contentFor(String content, String templateId) {
        if (content != null || templateId == null) {
            return content;
        }
        return find(templateId).map(Template::text).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                "UNKNOWN_TEMPLATE", "templateId", "template " + templateId + " does not exist; send `content` or a stored template id"));
    }

    @Transactional
    Library save(Template template, String user) {
        List<ComplianceController.FindingView> findings = ComplianceController.findings(template.text(), template.channel(),
                template.recipientRole());
        if (!findings.isEmpty()) {
            throw new Refused(findings);
        }
        Library library = current();
        Map<String, Template> next = new TreeMap<>(library.templates());
        next.put(template.id(), template);
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        Library saved = new Library(version, Map.copyOf(next));
        try {
            insert(saved, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another template change was saved at the same time; retry");
        }
        current = saved;
        return saved;
    }

    /** Loads the library in force, installing the shipped one in a transaction of its own. Called once at start-up. */
    private synchronized Library loadOrInstall() {
        if (current != null) {
            return current;
        }
        Library library;
        try {
            library = newTransaction.execute(status -> latest().orElseGet(this::install));
        } catch (DuplicateKeyException installedConcurrently) { // by another instance: read what it stored
            library = newTransaction.execute(status -> latest().orElseThrow());
        }
        current = library;
        return library;
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void loadAtStartup() {
        current();
    }

    private Optional<Library> latest() {
        return jdbc.sql("SELECT version, document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query((rs, n) -> parse(rs.getInt(1), rs.getString(2))).optional();
    }

    private Library install() {
        Map<String, Template> shipped = new TreeMap<>();
        for (String name : SHIPPED) {
            for (String locale : List.of("zh-CN", "en")) {
                String id = name + "." + locale;
                try (InputStream in = ContentLint.class.getClassLoader().getResourceAsStream(LIBRARY + id + ".txt")) {
                    if (in == null) {
                        throw new IllegalStateException("shipped template " + id + " is missing");
                    }
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                    Channel channel = switch (name) {
                        case "reminder" -> Channel.SMS;
                        case "locate" -> Channel.CALL;
                        default -> Channel.LETTER;
                    };
                    shipped.put(id, new Template(id, channel, locale,
                            name.equals("locate") ? PartyRole.EMERGENCY_CONTACT : PartyRole.BORROWER, text));
                } catch (IOException e) {
                    throw new IllegalStateException("shipped template " + id + " cannot be read", e);
                }
            }
        }
        Library library = new Library(1, Map.copyOf(shipped));
        insert(library, "system"); // a concurrent installer's duplicate key propagates: see loadOrInstall
        return library;
    }

    private Library parse(int version, String document) {
        Map<String, Template> templates = new TreeMap<>();
        json.readTree(document).get("templates").properties().forEach(e -> {
            var t = e.getValue();
            templates.put(e.getKey(), new Template(e.getKey(),
                    t.hasNonNull("channel") ? Channel.valueOf(t.get("channel").asString()) : null,
                    t.hasNonNull("locale") ? t.get("locale").asString() : null,
                    t.hasNonNull("recipientRole") ? PartyRole.valueOf(t.get("recipientRole").asString()) : null,
                    t.get("text").asString()));
        });
        return new Library(version, Map.copyOf(templates));
    }

    private void insert(Library library, String user) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> templates = new TreeMap<>();
        library.templates().forEach((id, t) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", t.channel() == null ? null : t.channel().name());
            m.put("locale", t.locale());
            m.put("recipientRole", t.recipientRole() == null ? null : t.recipientRole().name());
            m.put("text", t.text());
            templates.put(id, m);
        });
        doc.put("templates", templates);
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, library.version(), json.writeValueAsString(doc), user).update();
    }
}

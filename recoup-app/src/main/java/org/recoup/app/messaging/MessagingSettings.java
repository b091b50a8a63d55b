package org.recoup.app.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What messages say beyond the case's own data — the hotline, the creditor's name when an account has none, payment
 * channels, the e-mail subject, the letter title, the reply deadline — and how a daily-run template name maps to a
 * stored template ({@code templateAliases}). Business configuration: the highest version of {@code business_config}
 * kind {@code messaging} when stored, else the defaults shipped in {@code config/messaging-settings.json}.
 */
@Component
class MessagingSettings {

    static final String KIND = "messaging";
    private static final String DEFAULTS = "config/messaging-settings.json";

    /** The settings document. Localised values are maps by locale ({@code zh-CN}, {@code en}). */
    record Settings(String phone, Map<String, String> creditor, Map<String, String> paymentChannels,
                    Map<String, String> emailSubject, Map<String, String> letterTitle, int deadlineDays,
                    Map<String, String> templateAliases) {

        String localized(Map<String, String> values, String locale) {
            String v = values.get(locale);
            if (v == null && locale != null && locale.startsWith("zh")) {
                v = values.get("zh-CN");
            }
            return v != null ? v : values.getOrDefault("en", values.values().stream().findFirst().orElse(""));
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MessagingSettings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Settings current() {
        String document = jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query(String.class).optional().orElseGet(MessagingSettings::shipped);
        return parse(document);
    }

    /**
     * Stores {@code document} as the next version after validating it: {@code phone} set, each localised value given
     * in zh-CN and en, {@code deadlineDays} 1–90, aliases naming a template.
     */
    @org.springframework.transaction.annotation.Transactional
    Settings save(String document, String user) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (RuntimeException e) {
            throw invalid(null, "the settings are not a JSON object: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(null, "the settings are a JSON object");
        }
        if (root.path("phone").asString("").isBlank()) {
            throw invalid("phone", "phone is required (the hotline messages give)");
        }
        for (String field : new String[] {"creditor", "paymentChannels", "emailSubject", "letterTitle"}) {
            for (String locale : new String[] {"zh-CN", "en"}) {
                if (root.path(field).path(locale).asString("").isBlank()) {
                    throw invalid(field + "." + locale, field + " needs a " + locale + " text");
                }
            }
        }
        int days = root.path("deadlineDays").asInt(0);
        if (days < 1 || days > 90) {
            throw invalid("deadlineDays", "deadlineDays is 1–90 (days from the letter's date to the reply deadline)");
        }
        root.path("templateAliases").properties().forEach(e -> {
            if (e.getValue().asString("").isBlank()) {
                throw invalid("templateAliases." + e.getKey(), "an alias names a stored template");
            }
        });
        Settings parsed = parse(document);
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?").param(KIND)
                .query(Integer.class).single();
        try {
            jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                    .params(KIND, version, json.writeValueAsString(root), user).update();
        } catch (org.springframework.dao.DuplicateKeyException concurrent) {
            throw new org.recoup.app.api.ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                    null, "another change of the messaging settings was saved at the same time; retry");
        }
        return parsed;
    }

    private static org.recoup.app.api.ApiProblem invalid(String field, String message) {
        return new org.recoup.app.api.ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                "INVALID_SETTINGS", field, message);
    }

    private Settings parse(String document) {
        JsonNode root = json.readTree(document);
        return new Settings(root.path("phone").asString(""), map(root.path("creditor")), map(root.path("paymentChannels")),
                map(root.path("emailSubject")), map(root.path("letterTitle")), root.path("deadlineDays").asInt(15),
                map(root.path("templateAliases")));
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        }
        return out;
    }

    private static String shipped() {
        try (InputStream in = MessagingSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

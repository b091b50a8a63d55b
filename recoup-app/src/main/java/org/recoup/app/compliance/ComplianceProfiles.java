package org.recoup.app.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.compliance.JurisdictionProfile;
import org.recoup.engine.compliance.TimeWindow;
import org.recoup.engine.debt.Jurisdiction;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contact profiles as versioned data in {@code business_config} (kind {@code compliance-profiles}): overrides of
 * the engine's {@link JurisdictionProfile#defaults(Jurisdiction)} per jurisdiction and per portfolio. The shipped
 * document ({@code config/compliance-profiles.json}) overrides nothing, so out of the box the profiles are exactly the
 * engine's (contract §5). An account's profile = its jurisdiction's defaults, then that jurisdiction's overrides, then
 * its portfolio's; its id is {@code CN} or {@code CN/<portfolio>} and its version the document's version, so every
 * verdict names the configuration that decided it.
 */
@Service
class ComplianceProfiles {

    static final String KIND = "compliance-profiles";

    /** Every number and switch of a profile that may be overridden. */
    static final Set<String> FIELDS = Set.of("hours", "zones", "conversationsPerDebtorPerDay",
            "dialAttemptsPerNumberPerDay", "messagesPerPartyPerDay", "contactsPerPartyPerDay", "rollingWindowDays",
            "rollingCallAttemptCap", "rollingContactCap", "waitAfterConversationDays", "thirdPartyAttemptsPerDay",
            "thirdPartyNeedsDebtorUnreachable", "unreachableAfterFailedAttempts", "estateOnlyExecutorOrSpouse",
            "visitStaffMinimum", "cashCollectionBanned");

    /** A stored version: the document as sent (normalised) and the profiles it yields. */
    record Config(int version, ObjectNode document, Map<String, List<Consumer<JurisdictionProfile.Builder>>> overrides) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile Config current;
    private final Map<String, JurisdictionProfile> built = new ConcurrentHashMap<>();

    private final org.springframework.transaction.support.TransactionTemplate newTransaction;

    ComplianceProfiles(JdbcClient jdbc, JsonMapper json,
                       org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Config current() {
        Config config = current;
        if (config == null) {
            config = loadOrInstallDefault();
            current = config;
        }
        return config;
    }

    /** The profile for an account of {@code jurisdiction} in {@code portfolio} (null = none) under the config in force. */
    JurisdictionProfile profile(Jurisdiction jurisdiction, String portfolio) {
        Config config = current();
        String key = config.version() + "|" + jurisdiction + "|" + (portfolio == null ? "" : portfolio);
        return built.computeIfAbsent(key, k -> build(config, jurisdiction, portfolio));
    }

    static JurisdictionProfile build(Config config, Jurisdiction jurisdiction, String portfolio) {
        List<Consumer<JurisdictionProfile.Builder>> steps = new ArrayList<>();
        steps.addAll(config.overrides().getOrDefault("jurisdictions." + jurisdiction, List.of()));
        boolean portfolioOverride = portfolio != null && config.overrides().containsKey("portfolios." + portfolio);
        if (portfolioOverride) {
            steps.addAll(config.overrides().get("portfolios." + portfolio));
        }
        String id = portfolioOverride ? jurisdiction + "/" + portfolio : jurisdiction.name();
        return JurisdictionProfile.defaults(jurisdiction).withOverrides(b -> {
            b.id(id).version(config.version());
            steps.forEach(step -> step.accept(b));
        });
    }

    List<Integer> versions() {
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version")
                .param(KIND).query(Integer.class).list();
    }

    Config version(int version) {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? AND version = ?")
                .params(KIND, version).query(String.class).optional()
                .map(d -> parse(d, version))
                .orElseThrow(() -> ApiProblem.notFound("compliance profiles version", String.valueOf(version)));
    }

    /** Validates {@code document} and stores it as the next version. */
    @Transactional
    Config save(String document, String user) {
        current();
        Config parsed = parse(document, 0);
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        Config versioned = new Config(next, parsed.document(), parsed.overrides());
        try {
            insert(versioned, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the compliance profiles was saved at the same time; reload and try again");
        }
        current = versioned;
        built.clear();
        return versioned;
    }

    /** Parses and validates a document; every error names the field, e.g. {@code portfolios.p7.messagesPerPartyPerDay}. */
    Config parse(String document, int version) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (JacksonException e) {
            throw invalid(null, "the document is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(null, "the document must be a JSON object with 'jurisdictions' and 'portfolios'");
        }
        Map<String, List<Consumer<JurisdictionProfile.Builder>>> overrides = new java.util.LinkedHashMap<>();
        for (String name : root.propertyNames()) {
            if (!name.equals("jurisdictions") && !name.equals("portfolios") && !name.equals("version")) {
                throw invalid(name, "unknown field '" + name + "': expected 'jurisdictions' and 'portfolios'");
            }
        }
        ObjectNode normalised = json.createObjectNode();
        for (String section : List.of("jurisdictions", "portfolios")) {
            JsonNode node = root.get(section);
            ObjectNode out = normalised.putObject(section);
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isObject()) {
                throw invalid(section, section + " must be an object");
            }
            for (String key : node.propertyNames()) {
                String path = section + "." + key;
                if (section.equals("jurisdictions")) {
                    try {
                        Jurisdiction.valueOf(key);
                    } catch (IllegalArgumentException e) {
                        throw invalid(path, "unknown jurisdiction '" + key + "': expected one of CN, US, UK");
                    }
                } else if (key.isBlank() || key.length() > 100) {
                    throw invalid(path, "a portfolio name must be 1–100 characters");
                }
                JsonNode o = node.get(key);
                if (!o.isObject()) {
                    throw invalid(path, path + " must be an object of profile numbers");
                }
                overrides.put(path, overrides(o, path));
                out.set(key, o);
            }
        }
        Config config = new Config(version, normalised, overrides);
        // the engine is the final judge: build every profile this document can produce
        for (String path : overrides.keySet()) {
            for (Jurisdiction j : path.startsWith("jurisdictions.")
                    ? List.of(Jurisdiction.valueOf(path.substring("jurisdictions.".length()))) : List.of(Jurisdiction.values())) {
                try {
                    build(config, j, path.startsWith("portfolios.") ? path.substring("portfolios.".length()) : null);
                } catch (IllegalArgumentException e) {
                    throw invalid(path, path + ": " + e.getMessage());
                }
            }
        }
        return config;
    }

    private static List<Consumer<JurisdictionProfile.Builder>> overrides(JsonNode o, String path) {
        List<Consumer<JurisdictionProfile.Builder>> steps = new ArrayList<>();
        for (String field : o.propertyNames()) {
            String at = path + "." + field;
            JsonNode v = o.get(field);
            switch (field) {
                case "hours" -> {
                    TimeWindow window = window(v, at);
                    steps.add(b -> b.hours(window));
                }
                case "zones" -> {
                    if (!v.isArray() || v.isEmpty()) {
                        throw invalid(at, at + " must be a non-empty array of IANA zone ids");
                    }
                    List<ZoneId> zones = new ArrayList<>();
                    for (Iterator<JsonNode> it = v.iterator(); it.hasNext(); ) {
                        zones.add(zone(it.next(), at));
                    }
                    steps.add(b -> b.zones(List.copyOf(zones)));
                }
                case "thirdPartyNeedsDebtorUnreachable", "estateOnlyExecutorOrSpouse", "cashCollectionBanned" -> {
                    if (!v.isBoolean()) {
                        throw invalid(at, at + " must be true or false");
                    }
                    boolean flag = v.booleanValue();
                    steps.add(switch (field) {
                        case "thirdPartyNeedsDebtorUnreachable" -> b -> b.thirdPartyNeedsDebtorUnreachable(flag);
                        case "estateOnlyExecutorOrSpouse" -> b -> b.estateOnlyExecutorOrSpouse(flag);
                        default -> b -> b.cashCollectionBanned(flag);
                    });
                }
                default -> {
                    if (!FIELDS.contains(field)) {
                        throw invalid(at, "unknown field '" + field + "': expected one of " + new java.util.TreeSet<>(FIELDS));
                    }
                    int min = field.equals("rollingWindowDays") || field.equals("visitStaffMinimum") ? 1 : 0;
                    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > 10_000) {
                        throw invalid(at, at + " must be a whole number from " + min + " to 10000 (0 switches a cap off)"
                                + " but was " + v);
                    }
                    int n = v.intValue();
                    steps.add(switch (field) {
                        case "conversationsPerDebtorPerDay" -> b -> b.conversationsPerDebtorPerDay(n);
                        case "dialAttemptsPerNumberPerDay" -> b -> b.dialAttemptsPerNumberPerDay(n);
                        case "messagesPerPartyPerDay" -> b -> b.messagesPerPartyPerDay(n);
                        case "contactsPerPartyPerDay" -> b -> b.contactsPerPartyPerDay(n);
                        case "rollingWindowDays" -> b -> b.rollingWindowDays(n);
                        case "rollingCallAttemptCap" -> b -> b.rollingCallAttemptCap(n);
                        case "rollingContactCap" -> b -> b.rollingContactCap(n);
                        case "waitAfterConversationDays" -> b -> b.waitAfterConversationDays(n);
                        case "thirdPartyAttemptsPerDay" -> b -> b.thirdPartyAttemptsPerDay(n);
                        case "unreachableAfterFailedAttempts" -> b -> b.unreachableAfterFailedAttempts(n);
                        default -> b -> b.visitStaffMinimum(n);
                    });
                }
            }
        }
        return steps;
    }

    private static TimeWindow window(JsonNode v, String at) {
        if (!v.isObject() || !v.has("start") || !v.has("end")) {
            throw invalid(at, at + " must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"}");
        }
        return new TimeWindow(time(v.get("start"), at + ".start"), time(v.get("end"), at + ".end"));
    }

    static LocalTime time(JsonNode v, String at) {
        try {
            if (v != null && v.isString() && v.stringValue().matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(v.stringValue());
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw invalid(at, at + " must be a local time HH:mm, e.g. \"08:00\"");
    }

    private static ZoneId zone(JsonNode v, String at) {
        try {
            if (v.isString()) {
                return ZoneId.of(v.stringValue());
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        throw invalid(at, at + " must list IANA zone ids such as \"Asia/Shanghai\" but has " + v);
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("INVALID_PROFILE", field, "compliance profiles: " + message);
    }

    /**
     * Loads the version in force, installing the shipped one in a transaction of its own (a duplicate key from a
     * concurrent installer must not abort the caller's transaction). Called once at start-up.
     */
    private synchronized Config loadOrInstallDefault() {
        if (current != null) {
            return current;
        }
        Config config;
        try {
            config = newTransaction.execute(status -> latest().orElseGet(this::installDefault));
        } catch (DuplicateKeyException installedConcurrently) { // by another instance: read what it stored
            config = newTransaction.execute(status -> latest().orElseThrow());
        }
        current = config;
        return config;
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void loadAtStartup() {
        current();
    }

    private java.util.Optional<Config> latest() {
        return jdbc.sql("SELECT version, document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query((rs, n) -> parse(rs.getString("document"), rs.getInt("version"))).optional();
    }

    private Config installDefault() {
        try (InputStream in = new ClassPathResource("config/compliance-profiles.json").getInputStream()) {
            Config shipped = parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), 1);
            insert(shipped, "system"); // a concurrent installer's duplicate key propagates: see loadOrInstallDefault
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped compliance profiles cannot be read", e);
        }
    }

    private void insert(Config config, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, config.version(), json.writeValueAsString(config.document()), user)
                .update();
    }
}

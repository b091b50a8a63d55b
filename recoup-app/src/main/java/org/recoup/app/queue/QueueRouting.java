package org.recoup.app.queue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.engine.delinquency.Band;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue routing configuration as versioned data in {@code business_config} (kind {@code queue-routing}): which
 * team's queue gets a newly opened case, by the delinquency bucket of its most overdue account (optionally also by
 * stage, segment and product: the first route that matches wins), and how long a case
 * stays locked to the agent who took it. The highest version is in force; the shipped default
 * ({@code config/queue-routing.json}: M0–M2 → {@code early}, M3 and beyond → {@code late}, 15 minute locks) is stored as
 * version 1 when none exists; saving validates and adds a version.
 */
@Service
public class QueueRouting {

    static final String KIND = "queue-routing";
    static final int MAX_LOCK_MINUTES = 480;

    /**
     * Cases that match go to {@code team}'s pool: bucket one of {@code buckets}, stage one of {@code stages}, segment
     * (grade A/B/C) one of {@code segments}, and any of the case's accounts of one of {@code products} — each list
     * that is empty matches every case, at least one is given. Routes are tried in order; the first that matches wins.
     */
    public record Route(String team, List<String> buckets,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> stages,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> segments,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> products) {

        public Route {
            buckets = buckets == null ? List.of() : List.copyOf(buckets);
            stages = stages == null ? List.of() : List.copyOf(stages);
            segments = segments == null ? List.of() : List.copyOf(segments);
            products = products == null ? List.of() : List.copyOf(products);
        }

        /** A route by bucket alone (the shipped kind). */
        public Route(String team, List<String> buckets) {
            this(team, buckets, List.of(), List.of(), List.of());
        }

        boolean bucketOnly() {
            return stages.isEmpty() && segments.isEmpty() && products.isEmpty();
        }
    }

    static final List<String> SEGMENTS = List.of("A", "B", "C");
    static final List<String> PRODUCTS = List.of("CONSUMER_LOAN", "CREDIT_CARD", "B2B_RECEIVABLE", "PROPERTY_FEE");

    /** A stored version of the routing configuration. */
    public record Versioned(int version, List<Route> routes, int lockMinutes) {

        /**
         * The team of a bucket by the bucket-only routes, or null when none names it (the case waits for a supervisor
         * to assign it, unless a route by stage, segment or product takes it).
         */
        public String teamOf(String bucket) {
            for (Route r : routes) {
                if (r.bucketOnly() && r.buckets().contains(bucket)) {
                    return r.team();
                }
            }
            return null;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DelinquencyPolicies delinquency;
    private final TransactionTemplate installing;
    private volatile Versioned current;

    QueueRouting(JdbcClient jdbc, JsonMapper json, DelinquencyPolicies delinquency,
                 PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.delinquency = delinquency;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        current();
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version")
                .param(KIND).query(Integer.class).list();
    }

    Versioned version(int version) {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? AND version = ?")
                .params(KIND, version).query(String.class).optional()
                .map(doc -> parse(doc, version, false))
                .orElseThrow(() -> ApiProblem.notFound("queue routing version", String.valueOf(version)));
    }

    /** Validates the document (400 naming the field) and stores it as the next version. */
    @Transactional
    public Versioned save(String document, String user) {
        Versioned parsed = parse(document, 0, true);
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        Versioned saved = new Versioned(next, parsed.routes(), parsed.lockMinutes());
        try {
            insert(saved, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the queue routing was saved at the same time; reload and try again");
        }
        current = saved;
        return saved;
    }

    /**
     * Parses {@code {"routes": [{"team": "early", "buckets": ["M0", "M1"]}, …], "lockMinutes": 15}}. On save the
     * buckets must be buckets of the delinquency policy in force and each bucket may be routed to one team only.
     */
    Versioned parse(String document, int version, boolean strict) {
        JsonNode node;
        try {
            node = json.readTree(document);
        } catch (JacksonException e) {
            throw invalid(null, "queue routing: not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw invalid(null, "queue routing: a JSON object {routes, lockMinutes} is required");
        }
        JsonNode routesNode = node.get("routes");
        if (routesNode == null || !routesNode.isArray() || routesNode.isEmpty()) {
            throw invalid("routes", "routes is required: a non-empty list of {team, buckets}");
        }
        List<String> known = delinquency.current().buckets().stream().map(Band::name).toList();
        Map<String, String> routed = new HashMap<>();
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < routesNode.size(); i++) {
            JsonNode r = routesNode.get(i);
            String at = "routes[" + i + "]";
            JsonNode team = r == null ? null : r.get("team");
            if (team == null || !team.isString() || team.asString().isBlank() || team.asString().length() > 100) {
                throw invalid(at + ".team", at + ".team is required: the name of a team (at most 100 characters)");
            }
            List<String> stageNames = delinquency.current().stages().stream().map(Band::name).toList();
            List<String> names = names(r, "buckets", at, strict ? known : null);
            List<String> stages = names(r, "stages", at, strict ? stageNames : null);
            List<String> segments = names(r, "segments", at, SEGMENTS);
            List<String> products = names(r, "products", at, PRODUCTS);
            if (names.isEmpty() && stages.isEmpty() && segments.isEmpty() && products.isEmpty()) {
                throw invalid(at + ".buckets", at + ".buckets is required: a non-empty list of bucket names (or give "
                        + "stages, segments or products)");
            }
            if (stages.isEmpty() && segments.isEmpty() && products.isEmpty()) {
                for (int j = 0; j < names.size(); j++) {
                    String other = routed.putIfAbsent(names.get(j), team.asString());
                    if (other != null) {
                        String field = at + ".buckets[" + j + "]";
                        throw invalid(field, field + ": bucket '" + names.get(j) + "' is already routed to team '"
                                + other + "'");
                    }
                }
            }
            routes.add(new Route(team.asString().strip(), names, stages, segments, products));
        }
        JsonNode lock = node.get("lockMinutes");
        if (lock == null || !lock.isIntegralNumber() || !lock.canConvertToInt() || lock.intValue() < 1
                || lock.intValue() > MAX_LOCK_MINUTES) {
            throw invalid("lockMinutes", "lockMinutes is required: a whole number of minutes from 1 to "
                    + MAX_LOCK_MINUTES);
        }
        return new Versioned(version, List.copyOf(routes), lock.intValue());
    }

    /** An optional list of names at {@code at.key}; each must be one of {@code allowed} when given. */
    private static List<String> names(JsonNode route, String key, String at, List<String> allowed) {
        JsonNode list = route.get(key);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw invalid(at + "." + key, at + "." + key + " must be a list of names");
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < list.size(); j++) {
            JsonNode b = list.get(j);
            String field = at + "." + key + "[" + j + "]";
            if (!b.isString()) {
                throw invalid(field, field + " must be a name");
            }
            String name = b.asString();
            if (allowed != null && !allowed.contains(name)) {
                throw invalid(field, field + ": unknown " + key.substring(0, key.length() - 1) + " '" + name
                        + "'; expected one of " + String.join(", ", allowed));
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("INVALID_QUEUE_ROUTING", field, message);
    }

    private synchronized Versioned loadOrInstallDefault() {
        return jdbc.sql("SELECT version, document FROM business_config WHERE kind = ? ORDER BY version DESC "
                        + "FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query((rs, i) -> parse(rs.getString(2), rs.getInt(1), false))
                .optional()
                .orElseGet(() -> {
                    Versioned shipped = parse(shippedDocument(), 1, false);
                    try {
                        installing.executeWithoutResult(tx -> insert(shipped, "system"));
                    } catch (DuplicateKeyException installedConcurrently) {
                        return version(1);
                    }
                    return shipped;
                });
    }

    private static String shippedDocument() {
        try (var in = new ClassPathResource("config/queue-routing.json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped queue routing cannot be read", e);
        }
    }

    private void insert(Versioned v, String user) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("routes", v.routes());
        doc.put("lockMinutes", v.lockMinutes());
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, v.version(), json.writeValueAsString(doc), user)
                .update();
    }
}

package org.recoup.app.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.segmentation.Level;
import org.recoup.engine.segmentation.SegmentationPolicy;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The segmentation policy (PRACTICE §3 thresholds) as versioned data in {@code business_config}, kind
 * {@code segmentation-policy}: the highest version is in force; {@link SegmentationPolicy#defaults()} is stored as
 * version 1 when none exists. Saving adds the next version; a segment names the version that produced it.
 */
@Service
public class SegmentationPolicies {

    static final String KIND = "segmentation-policy";

    /** The thresholds, in the record's order, that must be whole numbers ≥ 0 (grade A) or ≥ 1 (all others). */
    private static final List<String> NUMBERS = List.of("gradeAMaxDpd", "gradeCFromDpd", "partialPaymentsForB",
            "lostContactAfterFailures", "brokenPromisesForLowWillingness", "refusalsForLowWillingness",
            "recentPaymentDays", "professionalDebtorBrokenPromises", "partialPaymentsForLowAbility");
    private static final String ABILITY = "abilityWhenUnknown";

    private final JdbcClient jdbc;
    /** Installs the shipped default in a transaction of its own: a concurrent installer must not abort the caller\'s. */
    private final TransactionTemplate installing;
    private final JsonMapper json;
    private final Map<Integer, SegmentationPolicy> byVersion = new ConcurrentHashMap<>();

    SegmentationPolicies(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The policy in force. */
    public SegmentationPolicy current() {
        return version(currentVersion());
    }

    /** The version in force (installs the default first when none is stored). */
    public int currentVersion() {
        Integer version = jdbc.sql("SELECT MAX(version) FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).optional().orElse(null);
        if (version == null) {
            installDefault();
            return 1;
        }
        return version;
    }

    public List<Integer> versions() {
        currentVersion();
        return jdbc.sql("SELECT version FROM business_config WHERE kind = ? ORDER BY version")
                .param(KIND).query(Integer.class).list();
    }

    public SegmentationPolicy version(int version) {
        SegmentationPolicy cached = byVersion.get(version);
        if (cached != null) {
            return cached;
        }
        SegmentationPolicy policy = jdbc.sql("SELECT document FROM business_config WHERE kind = ? AND version = ?")
                .params(KIND, version).query(String.class).optional()
                .map(document -> parse(document, version))
                .orElseThrow(() -> ApiProblem.notFound("segmentation policy version", String.valueOf(version)));
        byVersion.put(version, policy);
        return policy;
    }

    /** Validates a policy document and stores it as the next version; returns it with its version number. */
    @Transactional
    public SegmentationPolicy save(String document, String user) {
        currentVersion();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        SegmentationPolicy policy = parse(document, next);
        try {
            insert(policy, user);
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the segmentation policy was saved at the same time; reload and try again");
        }
        return policy;
    }

    /**
     * Reads a policy document ({@code version} in it is ignored: the server numbers versions). Every threshold is
     * required; a problem is a 400 naming the field.
     */
    SegmentationPolicy parse(String document, int version) {
        JsonNode tree;
        try {
            tree = json.readTree(document);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", null, "segmentation policy: not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw ApiProblem.badRequest("INVALID_POLICY", null, "segmentation policy: the body must be a JSON object");
        }
        Set<String> known = new java.util.HashSet<>(NUMBERS);
        known.add(ABILITY);
        known.add("version");
        for (String name : tree.propertyNames()) {
            if (!known.contains(name)) {
                throw invalid(name, "unknown field '" + name + "'; expected " + NUMBERS + " and " + ABILITY);
            }
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String name : NUMBERS) {
            JsonNode value = tree.get(name);
            if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
                throw invalid(name, name + " must be a whole number");
            }
            int min = name.equals("gradeAMaxDpd") ? 0 : 1;
            if (value.intValue() < min) {
                throw invalid(name, name + " must be at least " + min + ", was " + value.intValue());
            }
            numbers.put(name, value.intValue());
        }
        if (numbers.get("gradeCFromDpd") <= numbers.get("gradeAMaxDpd")) {
            throw invalid("gradeCFromDpd", "gradeCFromDpd (" + numbers.get("gradeCFromDpd")
                    + ") must be above gradeAMaxDpd (" + numbers.get("gradeAMaxDpd") + ")");
        }
        JsonNode ability = tree.get(ABILITY);
        Level level;
        try {
            level = Level.valueOf(ability == null ? "" : ability.asString());
        } catch (IllegalArgumentException e) {
            throw invalid(ABILITY, ABILITY + " must be one of " + List.of(Level.values()));
        }
        List<Integer> v = new ArrayList<>(numbers.values());
        return new SegmentationPolicy(version, v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
                v.get(7), v.get(8), level);
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("INVALID_POLICY", field, "segmentation policy: " + message);
    }

    private synchronized void installDefault() {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM business_config WHERE kind = ?").param(KIND)
                .query(Integer.class).single() > 0;
        if (!exists) {
            try {
                installing.executeWithoutResult(tx -> insert(SegmentationPolicy.defaults(), "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                // another instance stored it first
            }
        }
    }

    private void insert(SegmentationPolicy policy, String user) {
        ObjectNode document = json.valueToTree(policy);
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, policy.version(), json.writeValueAsString(document), user)
                .update();
    }
}

package org.recoup.app.agency;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.recoup.app.api.ApiProblem;
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
 * Placement rules as versioned data ({@code business_config} kind {@value #KIND}; default shipped as
 * {@code config/agency-placement-rules.json}): which cases go to which agency, how many, for how long; whether a
 * completed run places its {@code AGENCY_REVIEW} cases by rule; the zone that dates payments and months; the team a
 * recalled case returns to when it had none.
 */
@Service
public class PlacementRules {

    static final String KIND = "agency-placement-rules";

    /** The rules document. */
    public record Config(Integer version, String zone, String recallTeam, Boolean placeAfterRun, List<Rule> rules) {
        public Config {
            placeAfterRun = Boolean.TRUE.equals(placeAfterRun);
            recallTeam = recallTeam == null || recallTeam.isBlank() ? "late" : recallTeam;
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        Config withVersion(int v) {
            return new Config(v, zone, recallTeam, placeAfterRun, rules);
        }

        ZoneId zoneId() {
            return ZoneId.of(zone);
        }
    }

    /**
     * One rule: cases whose accounts (any of them) match every condition given (null = no condition) are placed with
     * {@code agencyId} for {@code termDays}, at most {@code maxCases} open placements with that agency at a time;
     * {@code agencyReviewOnly}: only cases the run asked an agency review for. Balances in minor units.
     */
    public record Rule(String id, String agencyId, List<String> buckets, Integer minDpd, Integer maxDpd,
                       List<String> grades, List<String> products, Long minBalanceMinor, Long maxBalanceMinor,
                       Integer maxCases, Integer termDays, Boolean agencyReviewOnly) {
        public Rule {
            agencyReviewOnly = Boolean.TRUE.equals(agencyReviewOnly);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate installing;

    PlacementRules(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Config current() {
        return jdbc.sql("SELECT document FROM business_config WHERE kind = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .param(KIND).query(String.class).optional().map(this::parse).orElseGet(this::installDefault);
    }

    @Transactional
    public Config save(String document, String user) {
        Config parsed = parse(document);
        current();
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM business_config WHERE kind = ?")
                .param(KIND).query(Integer.class).single();
        Config versioned = parsed.withVersion(next);
        try {
            insert(versioned, user);
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another change of the placement rules was saved at the same time; reload and try again");
        }
        return versioned;
    }

    Config parse(String document) {
        Config config;
        try {
            config = json.readValue(document, Config.class);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("INVALID_PLACEMENT_RULES", null, "placement rules: " + e.getOriginalMessage());
        }
        validate(config);
        return config;
    }

    private void validate(Config c) {
        if (c.zone() == null) {
            throw invalid("zone", "zone is required (an IANA zone, e.g. Asia/Shanghai)");
        }
        try {
            ZoneId.of(c.zone());
        } catch (RuntimeException e) {
            throw invalid("zone", "zone '" + c.zone() + "' is not a time zone");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.rules().size(); i++) {
            Rule r = c.rules().get(i);
            String at = "rules[" + i + "]";
            if (r.id() == null || r.id().isBlank() || !ids.add(r.id())) {
                throw invalid(at + ".id", "each rule needs an id of its own");
            }
            if (r.agencyId() == null || r.agencyId().isBlank()) {
                throw invalid(at + ".agencyId", "agencyId is required");
            }
            if (r.termDays() == null || r.termDays() < 1 || r.termDays() > 3650) {
                throw invalid(at + ".termDays", "termDays must be 1 to 3650, was " + r.termDays());
            }
            if (r.maxCases() == null || r.maxCases() < 1) {
                throw invalid(at + ".maxCases", "maxCases must be at least 1, was " + r.maxCases());
            }
            if (r.minDpd() != null && r.maxDpd() != null && r.minDpd() > r.maxDpd()) {
                throw invalid(at + ".minDpd", "minDpd " + r.minDpd() + " is above maxDpd " + r.maxDpd());
            }
            if (r.minBalanceMinor() != null && r.maxBalanceMinor() != null
                    && r.minBalanceMinor() > r.maxBalanceMinor()) {
                throw invalid(at + ".minBalanceMinor", "minBalanceMinor is above maxBalanceMinor");
            }
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("INVALID_PLACEMENT_RULES", field, "placement rules: " + message);
    }

    private Config installDefault() {
        try (InputStream in = new ClassPathResource("config/agency-placement-rules.json").getInputStream()) {
            Config shipped = parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).withVersion(1);
            try {
                installing.executeWithoutResult(tx -> insert(shipped, "system"));
            } catch (DuplicateKeyException installedConcurrently) {
                return current();
            }
            return shipped;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped placement rules cannot be read", e);
        }
    }

    private void insert(Config config, String user) {
        jdbc.sql("INSERT INTO business_config (kind, version, document, created_by) VALUES (?, ?, ?, ?)")
                .params(KIND, config.version(), json.writeValueAsString(config), user).update();
    }
}

package org.recoup.app.strategy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.strategy.StrategyDocument;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategy versions in {@code strategy_version}: saved as drafts (validated first), activated one at a time. On first
 * use an empty table gets the shipped {@code consumer-default} version 1, ACTIVE.
 */
@Service
public class StrategyVersions {

    static final String SHIPPED_RESOURCE = "/org/recoup/engine/strategy/consumer-default.yaml";
    private static final Pattern STRATEGY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String COLUMNS = "strategy_id, version, status, rule_count, note, created_by, created_at, "
            + "activated_by, activated_at, retired_at";

    private final JdbcClient jdbc;
    /** Installs the shipped default in a transaction of its own: a concurrent installer must not abort the caller\'s. */
    private final TransactionTemplate installing;
    private final Clock clock;
    private volatile boolean installed;

    StrategyVersions(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.installing = new TransactionTemplate(transactions);
        this.installing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every strategy with its versions, by id then version. */
    public Map<String, List<StrategyVersion>> list() {
        installDefaultIfEmpty();
        Map<String, List<StrategyVersion>> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM strategy_version ORDER BY strategy_id, version")
                .query(StrategyVersions::version).list()
                .forEach(v -> byId.computeIfAbsent(v.strategyId(), k -> new ArrayList<>()).add(v));
        return byId;
    }

    public Optional<StrategyVersion> find(String strategyId, int version) {
        installDefaultIfEmpty();
        return jdbc.sql("SELECT " + COLUMNS + " FROM strategy_version WHERE strategy_id = ? AND version = ?")
                .params(strategyId, version).query(StrategyVersions::version).optional();
    }

    public StrategyVersion get(String strategyId, int version) {
        return find(strategyId, version).orElseThrow(() -> notFound(strategyId, version));
    }

    /** The YAML text of a stored version. */
    public String yaml(String strategyId, int version) {
        installDefaultIfEmpty();
        return jdbc.sql("SELECT yaml FROM strategy_version WHERE strategy_id = ? AND version = ?")
                .params(strategyId, version).query(String.class).optional()
                .orElseThrow(() -> notFound(strategyId, version));
    }

    /** The champion's id and version. */
    public StrategyVersion active() {
        installDefaultIfEmpty();
        return jdbc.sql("SELECT " + COLUMNS + " FROM strategy_version WHERE status = 'ACTIVE'")
                .query(StrategyVersions::version).optional()
                .orElseThrow(() -> new IllegalStateException("no active strategy"));
    }

    /** Checks a text without saving it. */
    public StrategyDocument validate(String yaml) {
        return StrategyYaml.check(yaml, null).document();
    }

    /**
     * Validates {@code yaml} and stores it as the next version of {@code strategyId}, a DRAFT. The version in the text
     * is set to the number assigned; the id in the text must be {@code strategyId}.
     */
    @Transactional
    public StrategyVersion saveDraft(String strategyId, String yaml, String note, String user) {
        installDefaultIfEmpty();
        if (strategyId == null || !STRATEGY_ID.matcher(strategyId).matches()) {
            throw ApiProblem.badRequest("INVALID_STRATEGY_ID", "strategyId",
                    "a strategy id is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (note != null && note.length() > 500) {
            throw ApiProblem.badRequest("INVALID_NOTE", "note", "a note is at most 500 characters");
        }
        String text = StrategyYaml.normalize(yaml);
        StrategyYaml.Checked checked = StrategyYaml.check(text, 1);
        if (!strategyId.equals(checked.document().id())) {
            int line = 1;
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].matches("\\s*id\\s*:.*")) {
                    line = i + 1;
                    break;
                }
            }
            throw new InvalidStrategyException(List.of(new StrategyError(null, line, "ID_MISMATCH",
                    "the text is strategy '" + checked.document().id() + "' but is saved as '" + strategyId + "'")));
        }
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM strategy_version WHERE strategy_id = ?")
                .param(strategyId).query(Integer.class).single();
        String numbered = StrategyYaml.withVersion(text, next);
        StrategyYaml.Checked stored = StrategyYaml.check(numbered, null);
        try {
            jdbc.sql("""
                    INSERT INTO strategy_version (strategy_id, version, yaml, status, rule_count, note, created_by, created_at)
                    VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?)""")
                    .params(strategyId, next, numbered, stored.document().rules().size(), blankToNull(note), user,
                            now())
                    .update();
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null, "another version of " + strategyId
                    + " was saved at the same time; reload and try again");
        }
        return get(strategyId, next);
    }

    /**
     * Makes a stored version the champion and retires the previous one, in one transaction. Activating the active
     * version changes nothing. The text is compiled again first, so a version the engine no longer accepts cannot
     * become the champion.
     */
    @Transactional
    public StrategyVersion activate(String strategyId, int version, String user) {
        StrategyVersion target = get(strategyId, version);
        if (target.active()) {
            return target;
        }
        StrategyYaml.check(yaml(strategyId, version), null);
        OffsetDateTime now = now();
        try {
            jdbc.sql("""
                    UPDATE strategy_version SET status = 'RETIRED', champion_slot = NULL, retired_at = ?
                    WHERE status = 'ACTIVE'""").param(now).update();
            jdbc.sql("""
                    UPDATE strategy_version SET status = 'ACTIVE', champion_slot = 'Y', activated_by = ?, activated_at = ?,
                        retired_at = NULL
                    WHERE strategy_id = ? AND version = ?""").params(user, now, strategyId, version).update();
        } catch (DataIntegrityViolationException | ConcurrencyFailureException concurrent) {
            // the unique champion slot (or the row lock on the previous champion) refused a second ACTIVE row
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another strategy was activated at the same time; reload and try again");
        }
        return get(strategyId, version);
    }

    /** Stores the shipped strategy as the active version 1 when no strategy is stored yet. */
    void installDefaultIfEmpty() {
        if (installed) {
            return;
        }
        synchronized (this) {
            if (installed) {
                return;
            }
            int count = jdbc.sql("SELECT COUNT(*) FROM strategy_version").query(Integer.class).single();
            if (count == 0) {
                String yaml = shippedYaml();
                StrategyYaml.Checked checked = StrategyYaml.check(yaml, null);
                try {
                    installing.executeWithoutResult(tx -> jdbc.sql("""
                            INSERT INTO strategy_version (strategy_id, version, yaml, status, champion_slot, rule_count,
                                note, created_by, created_at, activated_by, activated_at)
                            VALUES (?, ?, ?, 'ACTIVE', 'Y', ?, 'shipped default (PRACTICE §4)', 'system', ?, 'system', ?)""")
                            .params(checked.document().id(), checked.document().version(), yaml,
                                    checked.document().rules().size(), now(), now())
                            .update());
                } catch (DataIntegrityViolationException installedConcurrently) {
                    // another instance installed it first
                }
            }
            installed = true;
        }
    }

    static String shippedYaml() {
        try (InputStream in = StrategyVersions.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped strategy " + SHIPPED_RESOURCE + " is missing");
            }
            return StrategyYaml.normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped strategy cannot be read", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ApiProblem notFound(String strategyId, int version) {
        return ApiProblem.notFound("strategy version", strategyId + " v" + version);
    }

    private static StrategyVersion version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StrategyVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class));
    }
}

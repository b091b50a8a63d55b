package org.recoup.app.strategy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.segmentation.Grade;
import org.recoup.engine.segmentation.Quadrant;
import org.recoup.engine.strategy.Arm;
import org.recoup.engine.strategy.Experiment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Champion/challenger experiments in {@code experiment} and {@code experiment_arm}. An experiment is validated by
 * the engine's {@link Experiment} (shares add up to 1, unique arm names), its arms must name stored strategy
 * versions, and running experiments may not cover the same segment (so a case is in at most one). Experiments are
 * never edited: stop one and start another.
 */
@Service
public class StrategyExperiments {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final JdbcClient jdbc;
    private final StrategyVersions versions;
    private final Clock clock;

    StrategyExperiments(JdbcClient jdbc, StrategyVersions versions, Clock clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.clock = clock;
    }

    public List<ExperimentView> list() {
        return read("SELECT experiment_id FROM experiment ORDER BY created_at DESC, experiment_id", List.of());
    }

    public List<ExperimentView> running() {
        return read("SELECT experiment_id FROM experiment WHERE status = 'RUNNING' ORDER BY experiment_id", List.of());
    }

    public ExperimentView get(String id) {
        List<ExperimentView> found = read("SELECT experiment_id FROM experiment WHERE experiment_id = ?", List.of(id));
        if (found.isEmpty()) {
            throw ApiProblem.notFound("experiment", id);
        }
        return found.getFirst();
    }

    @Transactional
    public ExperimentView create(ExperimentRequest request, String user) {
        Experiment experiment = validate(request);
        for (ExperimentView other : running()) {
            if (overlaps(experiment, toEngine(other))) {
                throw new ApiProblem(HttpStatus.CONFLICT, "EXPERIMENT_OVERLAP", "grades", "experiment " + other.id()
                        + " is running on an overlapping segment (grades " + label(other.grades()) + ", quadrants "
                        + label(other.quadrants()) + "); stop it first or choose other grades/quadrants");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbc.sql("""
                    INSERT INTO experiment (experiment_id, grades, quadrants, control_share, status, note, created_by, created_at)
                    VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)""")
                    .params(experiment.id(), join(experiment.grades()), join(experiment.quadrants()),
                            experiment.controlShare(), request.note(), user, now)
                    .update();
        } catch (DuplicateKeyException exists) {
            throw new ApiProblem(HttpStatus.CONFLICT, "EXPERIMENT_EXISTS", "id",
                    "experiment " + experiment.id() + " already exists; experiments are never reused");
        }
        int position = 0;
        for (Arm arm : experiment.arms()) {
            jdbc.sql("""
                    INSERT INTO experiment_arm (experiment_id, position, name, strategy_id, strategy_version, share)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(experiment.id(), position++, arm.name(), arm.strategyId(), arm.strategyVersion(), arm.share())
                    .update();
        }
        return get(experiment.id());
    }

    /** Stops a running experiment: from now on its cases are decided by the champion. Stopping twice is harmless. */
    @Transactional
    public ExperimentView stop(String id, String user) {
        get(id);
        jdbc.sql("UPDATE experiment SET status = 'STOPPED', stopped_by = ?, stopped_at = ? WHERE experiment_id = ? "
                        + "AND status = 'RUNNING'")
                .params(user, OffsetDateTime.now(clock), id).update();
        return get(id);
    }

    /** The engine's experiment for a stored one. */
    static Experiment toEngine(ExperimentView view) {
        List<Arm> arms = view.arms().stream().filter(a -> a.strategyId() != null)
                .map(a -> new Arm(a.name(), a.strategyId(), a.strategyVersion(), a.share())).toList();
        return new Experiment(view.id(), view.grades().stream().map(Grade::valueOf).collect(java.util.stream.Collectors.toSet()),
                view.quadrants().stream().map(Quadrant::valueOf).collect(java.util.stream.Collectors.toSet()),
                arms, view.controlShare());
    }

    private Experiment validate(ExperimentRequest r) {
        if (r == null || r.id() == null || !ID.matcher(r.id()).matches()) {
            throw invalid("id", "id is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (r.note() != null && r.note().length() > 500) {
            throw invalid("note", "a note is at most 500 characters");
        }
        Set<Grade> grades = EnumSet.noneOf(Grade.class);
        for (String g : r.grades() == null ? List.<String>of() : r.grades()) {
            try {
                grades.add(Grade.valueOf(String.valueOf(g)));
            } catch (IllegalArgumentException e) {
                throw invalid("grades", "grade '" + g + "' is not one of " + Arrays.toString(Grade.values()));
            }
        }
        Set<Quadrant> quadrants = EnumSet.noneOf(Quadrant.class);
        for (String q : r.quadrants() == null ? List.<String>of() : r.quadrants()) {
            try {
                quadrants.add(Quadrant.valueOf(String.valueOf(q)));
            } catch (IllegalArgumentException e) {
                throw invalid("quadrants", "quadrant '" + q + "' is not one of " + Arrays.toString(Quadrant.values()));
            }
        }
        if (r.arms() == null || r.arms().isEmpty()) {
            throw invalid("arms", "an experiment needs at least one challenger arm");
        }
        if (r.controlShare() == null) {
            throw invalid("controlShare", "controlShare is required (0..1; the champion's share)");
        }
        List<Arm> arms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < r.arms().size(); i++) {
            ExperimentRequest.ArmRequest a = r.arms().get(i);
            String field = "arms[" + i + "]";
            if (a == null || a.name() == null || !ID.matcher(a.name()).matches() || Arm.CONTROL.equals(a.name())) {
                throw invalid(field + ".name", "an arm needs a name (letters, digits, '.', '_', '-'), not '"
                        + Arm.CONTROL + "'");
            }
            if (!names.add(a.name())) {
                throw invalid(field + ".name", "arm name '" + a.name() + "' is used twice");
            }
            if (a.strategyId() == null || a.strategyVersion() == null) {
                throw invalid(field + ".strategyId", "an arm needs strategyId and strategyVersion");
            }
            if (versions.find(a.strategyId(), a.strategyVersion()).isEmpty()) {
                throw invalid(field + ".strategyVersion", "strategy " + a.strategyId() + " version "
                        + a.strategyVersion() + " is not stored");
            }
            if (a.share() == null || !(a.share() > 0 && a.share() <= 1)) {
                throw invalid(field + ".share", "share must be within (0, 1]");
            }
            arms.add(new Arm(a.name(), a.strategyId(), a.strategyVersion(), a.share()));
        }
        try {
            return new Experiment(r.id(), grades, quadrants, arms, r.controlShare());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("controlShare") || e.getMessage().contains("shares") ? "controlShare" : "arms";
            throw invalid(field, e.getMessage());
        }
    }

    private static boolean overlaps(Experiment a, Experiment b) {
        boolean grades = a.grades().isEmpty() || b.grades().isEmpty()
                || a.grades().stream().anyMatch(b.grades()::contains);
        boolean quadrants = a.quadrants().isEmpty() || b.quadrants().isEmpty()
                || a.quadrants().stream().anyMatch(b.quadrants()::contains);
        return grades && quadrants;
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("INVALID_EXPERIMENT", field, message);
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().reduce((x, y) -> x + "," + y).orElse("");
    }

    private static List<String> split(String values) {
        return values == null || values.isBlank() ? List.of() : List.of(values.split(","));
    }

    private static String label(List<String> values) {
        return values.isEmpty() ? "all" : String.join(",", values);
    }

    private List<ExperimentView> read(String idQuery, List<Object> params) {
        List<String> ids = jdbc.sql(idQuery).params(params).query(String.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ExperimentView> out = new ArrayList<>();
        for (String id : ids) {
            List<ExperimentView.ArmView> armViews = new ArrayList<>(jdbc.sql("""
                    SELECT name, strategy_id, strategy_version, share FROM experiment_arm WHERE experiment_id = ?
                    ORDER BY position""").param(id)
                    .query((rs, n) -> new ExperimentView.ArmView(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getDouble(4))).list());
            out.add(jdbc.sql("""
                    SELECT experiment_id, grades, quadrants, control_share, status, note, created_by, created_at,
                        stopped_by, stopped_at
                    FROM experiment WHERE experiment_id = ?""").param(id)
                    .query((rs, n) -> {
                        List<ExperimentView.ArmView> all = new ArrayList<>(armViews);
                        all.add(new ExperimentView.ArmView(Arm.CONTROL, null, null, rs.getDouble(4)));
                        return new ExperimentView(rs.getString(1), split(rs.getString(2)), split(rs.getString(3)),
                                List.copyOf(all), rs.getDouble(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                                rs.getObject(10, OffsetDateTime.class));
                    }).single());
        }
        return out;
    }
}

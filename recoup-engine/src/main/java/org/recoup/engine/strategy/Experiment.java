package org.recoup.engine.strategy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.recoup.engine.segmentation.Grade;
import org.recoup.engine.segmentation.Quadrant;
import org.recoup.engine.segmentation.Segment;

/**
 * A champion/challenger experiment (PRACTICE §4 "measure every strategy"): challenger arms with their shares, the rest
 * ({@code controlShare}) stays on the champion. Shares must add up to 1.
 *
 * @param grades    only cases of these grades take part; empty = all
 * @param quadrants only cases in these quadrants take part; empty = all
 */
public record Experiment(String id, Set<Grade> grades, Set<Quadrant> quadrants, List<Arm> arms, double controlShare) {

    public Experiment {
        Objects.requireNonNull(id, "id");
        grades = grades == null ? Set.of() : Set.copyOf(grades);
        quadrants = quadrants == null ? Set.of() : Set.copyOf(quadrants);
        arms = List.copyOf(arms);
        if (id.isBlank()) {
            throw new IllegalArgumentException("an experiment needs an id");
        }
        if (!(controlShare >= 0 && controlShare <= 1)) {
            throw new IllegalArgumentException("controlShare must be within [0, 1]: " + controlShare);
        }
        Set<String> names = new HashSet<>();
        double total = controlShare;
        for (Arm arm : arms) {
            if (arm.isControl() || !names.add(arm.name())) {
                throw new IllegalArgumentException("arm names must be unique and not '" + Arm.CONTROL + "': " + arm.name());
            }
            if (arm.strategyId() == null) {
                throw new IllegalArgumentException("arm " + arm.name() + " needs a strategy");
            }
            total += arm.share();
        }
        if (Math.abs(total - 1.0) > 1e-9) {
            throw new IllegalArgumentException("shares add up to " + total + ", not 1");
        }
    }

    public static Experiment of(String id, double controlShare, Arm... arms) {
        return new Experiment(id, Set.of(), Set.of(), List.of(arms), controlShare);
    }

    public boolean covers(Segment segment) {
        return (grades.isEmpty() || grades.contains(segment.grade()))
                && (quadrants.isEmpty() || quadrants.contains(segment.quadrant()));
    }
}

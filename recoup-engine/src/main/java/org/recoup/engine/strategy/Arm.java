package org.recoup.engine.strategy;

import java.util.Objects;

/**
 * One arm of an experiment: the strategy version it applies and its share of the cases. The control arm
 * ({@link #CONTROL}) applies the champion — whatever strategy the portfolio runs outside the experiment.
 */
public record Arm(String name, String strategyId, int strategyVersion, double share) {

    public static final String CONTROL = "control";

    public Arm {
        Objects.requireNonNull(name, "name");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("arm " + name + ": share must be within [0, 1]: " + share);
        }
    }

    public static Arm control(double share) {
        return new Arm(CONTROL, null, 0, share);
    }

    public boolean isControl() {
        return CONTROL.equals(name);
    }
}

package org.recoup.app.strategy;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored experiment: its segment filter, arms (control last) and status (RUNNING or STOPPED). */
public record ExperimentView(String id, List<String> grades, List<String> quadrants, List<ArmView> arms,
                             double controlShare, String status, String note, String createdBy,
                             OffsetDateTime createdAt, String stoppedBy, OffsetDateTime stoppedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String STOPPED = "STOPPED";

    /** One arm; the control arm has no strategy of its own (it is the champion). */
    public record ArmView(String name, String strategyId, Integer strategyVersion, double share) {
    }

    public boolean running() {
        return RUNNING.equals(status);
    }
}

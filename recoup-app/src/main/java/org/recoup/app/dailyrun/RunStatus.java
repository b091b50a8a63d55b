package org.recoup.app.dailyrun;

/** Where a daily run is. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}

package org.recoup.app.dailyrun;

/** Told how many accounts a run has assessed so far (for a progress bar). */
@FunctionalInterface
public interface RunProgress {

    RunProgress NONE = (done, total) -> { };

    void accounts(long done, long total);
}

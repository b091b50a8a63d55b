package org.recoup.app.dailyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class DailyRunLifecycleTest {

    @Test
    void closingTheApplicationStopsTheRunThreadSoTheJvmCanExit() throws Exception {
        DailyRuns runs = new DailyRuns(null, null, null, null, null, null, new DailyRunProperties(1), null, null,
                null, null, null, null);
        Field field = DailyRuns.class.getDeclaredField("runs");
        field.setAccessible(true);
        ExecutorService executor = (ExecutorService) field.get(runs);
        executor.submit(() -> { }).get(); // the run thread exists

        runs.stop();

        assertThat(executor.isTerminated()).isTrue();
    }
}

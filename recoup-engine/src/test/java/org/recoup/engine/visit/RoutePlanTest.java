package org.recoup.engine.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RoutePlanTest {

    private static final Region PUDONG = new Region("上海市", "浦东新区");
    private static final Region XUHUI = new Region("上海市", "徐汇区");

    @Test
    void visitsAreGroupedByRegionAndOrderedNearestNext() {
        // on a line west → east: A (0 km), C (1 km), B (5 km), D (5.5 km) — nearest-next: A, C, B, D
        List<Stop> stops = List.of(
                new Stop("V-A", PUDONG, 31.2000, 121.5000),
                new Stop("V-B", PUDONG, 31.2000, 121.5526),
                new Stop("V-C", PUDONG, 31.2000, 121.5105),
                new Stop("V-D", PUDONG, 31.2000, 121.5579),
                new Stop("V-X", XUHUI, 31.1900, 121.4300));

        List<RoutePlan.Group> plan = RoutePlan.plan(stops);

        assertThat(plan).extracting(RoutePlan.Group::region).containsExactly(XUHUI, PUDONG);
        assertThat(plan.get(1).legs()).extracting(l -> l.stop().visitId()).containsExactly("V-A", "V-C", "V-B", "V-D");
        assertThat(plan.get(1).legs().get(1).kmFromPrevious()).isBetween(0.9, 1.1);
    }

    @Test
    void visitsWithoutCoordinatesFollowTheLocatedOnesById() {
        List<Stop> stops = List.of(new Stop("V-9", PUDONG, null, null), new Stop("V-2", PUDONG, null, null),
                new Stop("V-5", PUDONG, 31.2, 121.5));

        assertThat(RoutePlan.plan(stops).getFirst().legs()).extracting(l -> l.stop().visitId())
                .containsExactly("V-5", "V-2", "V-9");
    }

    @Property
    void theRouteVisitsEveryStopOnceWhateverTheInputOrder(@ForAll @IntRange(min = 0, max = 25) int n,
                                                         @ForAll long seed) {
        List<Stop> stops = new ArrayList<>();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            boolean located = r.nextInt(4) > 0;
            stops.add(new Stop("V-" + i, r.nextBoolean() ? PUDONG : XUHUI, located ? 31 + r.nextDouble() : null,
                    located ? 121 + r.nextDouble() : null));
        }
        List<Stop> shuffled = new ArrayList<>(stops);
        Collections.shuffle(shuffled, new java.util.Random(seed + 1));

        List<String> a = RoutePlan.plan(stops).stream().flatMap(g -> g.legs().stream()).map(l -> l.stop().visitId()).toList();
        List<String> b = RoutePlan.plan(shuffled).stream().flatMap(g -> g.legs().stream()).map(l -> l.stop().visitId()).toList();

        assertThat(a).hasSize(n).doesNotHaveDuplicates().isEqualTo(b);
    }
}

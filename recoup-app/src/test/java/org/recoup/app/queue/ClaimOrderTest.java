package org.recoup.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Agents popping at the same instant try the best case first, then spread over the others. */
class ClaimOrderTest {

    private final List<String> candidates = IntStream.range(0, 32).mapToObj(i -> "C-" + i).toList();

    @Test
    void theBestCandidateIsAlwaysTriedFirstAndEveryCandidateExactlyOnce() {
        for (int i = 0; i < 200; i++) {
            List<String> order = WorkQueue.claimOrder(candidates);

            assertThat(order.getFirst()).isEqualTo("C-0");
            assertThat(order).hasSize(candidates.size()).containsExactlyInAnyOrderElementsOf(candidates);
        }
    }

    @Test
    void afterTheBestTheOrderStartsAtDifferentCandidatesSoLosersDoNotAllQueueOnOneRow() {
        Set<String> seconds = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            List<String> order = WorkQueue.claimOrder(candidates);
            seconds.add(order.get(1));
            int at = candidates.indexOf(order.get(1));
            // the rest is a rotation of candidates 1..31 starting at the second tried
            for (int k = 1; k < order.size(); k++) {
                assertThat(order.get(k)).isEqualTo(candidates.get(1 + (at - 1 + k - 1) % 31));
            }
        }
        assertThat(seconds).hasSizeGreaterThan(20);
    }

    @Test
    void twoCandidatesKeepTheirPriorityOrder() {
        assertThat(WorkQueue.claimOrder(List.of("A", "B"))).containsExactly("A", "B");
    }
}

package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportDuplicateFilterTest {

    @Test
    void everyRepeatedKeyBecomesACandidate() {
        ImportDuplicateFilter filter = new ImportDuplicateFilter();
        int[] key = {0, 1};
        for (int i = 0; i < 200_000; i++) {
            filter.add(new Object[] {"L-" + (i / 12), i % 12, "other"}, key);
        }
        filter.add(new Object[] {"L-7", 3, "again"}, key);
        filter.add(new Object[] {"L-16665", 11, "again"}, key);
        List<Object[]> candidates = filter.candidates();
        assertThat(candidates).anySatisfy(k -> assertThat(k).containsExactly("L-7", 3));
        assertThat(candidates).anySatisfy(k -> assertThat(k).containsExactly("L-16665", 11));
        assertThat(candidates.size()).as("few false positives").isLessThan(50);
        assertThat(filter.overflowed()).isFalse();
    }

    @Test
    void keysWithAMissingPartAreNotKeys() {
        ImportDuplicateFilter filter = new ImportDuplicateFilter();
        filter.add(new Object[] {"L-1", null}, new int[] {0, 1});
        filter.add(new Object[] {"L-1", null}, new int[] {0, 1});
        assertThat(filter.candidates()).isEmpty();
    }

    @Test
    void tooManyCandidatesMeanTheExactCheckMustLookAtEverything() {
        ImportDuplicateFilter filter = new ImportDuplicateFilter();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i <= ImportDuplicateFilter.MAX_CANDIDATES; i++) {
                filter.add(new Object[] {"P-" + i}, new int[] {0});
            }
        }
        assertThat(filter.overflowed()).isTrue();
        filter.reset();
        assertThat(filter.overflowed()).isFalse();
        assertThat(filter.candidates()).isEmpty();
    }
}

package org.recoup.engine.segmentation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The segment of a case, with one explanation line per conclusion ("willingness LOW: 2 broken promises ≥ 2").
 *
 * @param policyVersion version of the {@link SegmentationPolicy} that produced it
 */
public record Segment(
        Level willingness,
        Level ability,
        Grade grade,
        Quadrant quadrant,
        Set<SegmentTag> tags,
        List<String> explanation,
        int policyVersion) {

    public Segment {
        Objects.requireNonNull(willingness, "willingness");
        Objects.requireNonNull(ability, "ability");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(quadrant, "quadrant");
        // EnumSet: iteration in declaration order, so the tags read the same on every run
        tags = tags.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(SegmentTag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(tags));
        explanation = List.copyOf(explanation);
        if (quadrant != Quadrant.of(willingness, ability)) {
            throw new IllegalArgumentException("quadrant " + quadrant + " does not match " + willingness + "/" + ability);
        }
    }

    public boolean has(SegmentTag tag) {
        return tags.contains(tag);
    }
}

package org.recoup.engine.visit;

import java.util.Objects;

/**
 * A visit to place on a route: its id, its region and, when known, its coordinates (WGS-84 degrees).
 */
public record Stop(String visitId, Region region, Double lat, Double lon) {

    public Stop {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(region, "region");
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("visit " + visitId + ": give both lat and lon or neither");
        }
        if (lat != null && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
            throw new IllegalArgumentException("visit " + visitId + ": lat must be −90..90 and lon −180..180");
        }
    }

    public boolean located() {
        return lat != null;
    }
}

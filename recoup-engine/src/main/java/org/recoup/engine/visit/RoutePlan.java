package org.recoup.engine.visit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A day's route for one team: visits grouped by region (city, then district, in name order), and within a region
 * ordered by a nearest-next heuristic — start at the located visit furthest north-west (smallest lon, then largest lat,
 * then id), always go to the nearest unvisited located visit (great-circle distance; ties by id). Visits without
 * coordinates cannot be placed by distance: they follow the located ones in the order of their id (deterministic
 * fallback). Not an optimal tour: a simple order a team can follow.
 */
public final class RoutePlan {

    /** One region's visits in route order, with the distance of each leg from the previous stop (km; null: unknown). */
    public record Leg(Stop stop, Double kmFromPrevious) {
    }

    public record Group(Region region, List<Leg> legs) {
    }

    private RoutePlan() {
    }

    public static List<Group> plan(List<Stop> stops) {
        Map<Region, List<Stop>> byRegion = new LinkedHashMap<>();
        stops.stream()
                .sorted(Comparator.comparing((Stop s) -> s.region().city()).thenComparing(s -> s.region().district())
                        .thenComparing(Stop::visitId))
                .forEach(s -> byRegion.computeIfAbsent(s.region(), r -> new ArrayList<>()).add(s));
        List<Group> groups = new ArrayList<>();
        byRegion.forEach((region, list) -> groups.add(new Group(region, order(list))));
        return groups;
    }

    static List<Leg> order(List<Stop> stops) {
        List<Stop> located = new ArrayList<>(stops.stream().filter(Stop::located).toList());
        List<Leg> legs = new ArrayList<>(stops.size());
        Stop current = located.stream()
                .min(Comparator.comparingDouble(Stop::lon).thenComparing(Comparator.comparingDouble(Stop::lat).reversed())
                        .thenComparing(Stop::visitId))
                .orElse(null);
        if (current != null) {
            located.remove(current);
            legs.add(new Leg(current, null));
        }
        while (!located.isEmpty()) {
            Stop from = current;
            Stop next = located.stream()
                    .min(Comparator.comparingDouble((Stop s) -> km(from, s)).thenComparing(Stop::visitId)).orElseThrow();
            located.remove(next);
            legs.add(new Leg(next, km(from, next)));
            current = next;
        }
        stops.stream().filter(s -> !s.located()).sorted(Comparator.comparing(Stop::visitId))
                .forEach(s -> legs.add(new Leg(s, null)));
        return legs;
    }

    /** Great-circle distance in km (haversine, Earth radius 6371 km). */
    public static double km(Stop a, Stop b) {
        double p1 = Math.toRadians(a.lat());
        double p2 = Math.toRadians(b.lat());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

package org.recoup.app.analytics;

import org.recoup.app.api.ApiProblem;

/** The portfolio-flow dashboards; {@code slug} is the path segment of the page, its data and its API. */
public enum FlowDashboard {
    BUCKET_MIX("bucket-mix"),
    ROLL_RATES("roll-rates"),
    CURE_RECOVERY("cure-recovery"),
    VINTAGES("vintages"),
    AGING("aging");

    private final String slug;

    FlowDashboard(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    static FlowDashboard of(String slug) {
        for (FlowDashboard d : values()) {
            if (d.slug.equals(slug)) {
                return d;
            }
        }
        throw ApiProblem.notFound("dashboard", slug);
    }
}

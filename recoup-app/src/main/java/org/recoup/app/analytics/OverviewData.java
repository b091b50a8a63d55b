package org.recoup.app.analytics;

import java.util.Map;

/**
 * What {@code GET /ui/overview/data} answers: the overview's numbers and, for the charts, the stage names in the
 * user's language.
 */
record OverviewData(PortfolioOverview overview, Map<String, String> stageLabels) {
}

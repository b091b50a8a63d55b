package org.recoup.app.analytics;

/** What the overview is narrowed to: a portfolio and/or a product; {@code null} means all. */
public record OverviewFilter(String portfolio, String product) {

    public static final OverviewFilter ALL = new OverviewFilter(null, null);

    public OverviewFilter {
        portfolio = blankToNull(portfolio);
        product = blankToNull(product);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

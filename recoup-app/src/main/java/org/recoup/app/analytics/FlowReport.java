package org.recoup.app.analytics;

import java.util.List;
import org.recoup.app.export.Table;

/**
 * One dashboard's figures for one filter: the API answers it as JSON, the page draws its chart from the same tables
 * and shows them, the downloads write them ({@code export.TableExports}). {@code filter} carries the resolved range.
 */
public record FlowReport(String dashboard, FlowFilter filter, List<Table> tables) {
}

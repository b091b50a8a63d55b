package org.recoup.app.dailyrun;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.recoup.engine.segmentation.PtpHistory;

/**
 * Where the daily run gets promise-to-pay histories, read set-based for one chunk of accounts. Accounts missing from
 * the answer have no promises ({@link PtpHistory#NONE}). Wired to {@code promise.Promises.histories} when the
 * promise lifecycle lands; until then {@link #NONE} is the bean.
 */
@FunctionalInterface
public interface PromiseFacts {

    /** No promise is known: every account gets {@link PtpHistory#NONE}. */
    PromiseFacts NONE = (accountIds, asOf) -> Map.of();

    Map<String, PtpHistory> histories(Collection<String> accountIds, LocalDate asOf);
}

package org.recoup.app.legal;

import java.util.List;
import org.recoup.engine.legal.LimitationRule;
import org.recoup.engine.legal.OldestUnpaid;

/**
 * The limitation policy (versioned {@code business_config} kind {@code limitation-policy}): the period in years by
 * jurisdiction and/or product ({@code rules}: the most specific match wins — jurisdiction and product, then
 * jurisdiction, then product — else {@code defaultYears}), the warning window in days, and where the period of an
 * instalment debt starts.
 */
public record LimitationPolicy(Integer version, int defaultYears, int warningDays, OldestUnpaid.Start startsFrom,
                               List<Rule> rules) {

    public record Rule(String jurisdiction, String product, int years) {
    }

    public LimitationPolicy {
        startsFrom = startsFrom == null ? OldestUnpaid.Start.OLDEST_UNPAID_INSTALMENT : startsFrom;
        rules = rules == null ? List.of() : List.copyOf(rules);
        new LimitationRule(defaultYears, warningDays);
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r == null || r.jurisdiction() == null && r.product() == null) {
                throw new IllegalArgumentException("rules[" + i + "] must name a jurisdiction, a product or both");
            }
            if (r.years() < 1 || r.years() > 30) {
                throw new IllegalArgumentException("rules[" + i + "].years must be 1–30, was " + r.years());
            }
            for (int j = 0; j < i; j++) {
                Rule o = rules.get(j);
                if (java.util.Objects.equals(o.jurisdiction(), r.jurisdiction())
                        && java.util.Objects.equals(o.product(), r.product())) {
                    throw new IllegalArgumentException("rules[" + i + "] repeats rules[" + j + "]");
                }
            }
        }
    }

    public LimitationPolicy withVersion(int v) {
        return new LimitationPolicy(v, defaultYears, warningDays, startsFrom, rules);
    }

    /** The period for an account of {@code jurisdiction} and {@code product}. */
    public int years(String jurisdiction, String product) {
        Integer both = null;
        Integer juris = null;
        Integer prod = null;
        for (Rule r : rules) {
            boolean j = r.jurisdiction() != null && r.jurisdiction().equals(jurisdiction);
            boolean p = r.product() != null && r.product().equals(product);
            if (j && p) {
                both = r.years();
            } else if (j && r.product() == null) {
                juris = r.years();
            } else if (p && r.jurisdiction() == null) {
                prod = r.years();
            }
        }
        return both != null ? both : juris != null ? juris : prod != null ? prod : defaultYears;
    }

    public LimitationRule rule(String jurisdiction, String product) {
        return new LimitationRule(years(jurisdiction, product), warningDays);
    }
}

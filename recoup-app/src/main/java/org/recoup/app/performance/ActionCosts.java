package org.recoup.app.performance;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.recoup.app.performance.VersionedDocuments.InvalidConfig;
import org.recoup.app.web.AmountFormat;

/**
 * What one action (a contact attempt) costs, per account currency and channel: a call's minutes, an SMS, a letter's
 * print and postage, a visit's travel. Versioned in {@code business_config} (kind {@code action-costs}); an attempt on
 * an account whose currency has no entry for its channel costs 0 (and the cost table says which currencies are priced).
 *
 * @param version assigned by the server on save
 * @param costs   one entry per (currency, channel)
 */
public record ActionCosts(Integer version, List<Cost> costs) {

    static final Set<String> CHANNELS = Set.of("CALL", "SMS", "EMAIL", "LETTER", "VISIT");

    /** @param amount in the currency's major unit, e.g. {@code 2.50} */
    public record Cost(String currency, String channel, BigDecimal amount) {
    }

    public ActionCosts {
        if (costs == null) {
            throw new InvalidConfig("costs", "is required (a list of {currency, channel, amount})");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < costs.size(); i++) {
            Cost c = costs.get(i);
            String at = "costs[" + i + "]";
            if (c == null) {
                throw new InvalidConfig(at, "is empty");
            }
            if (c.currency() == null || !c.currency().matches("[A-Z]{3}")) {
                throw new InvalidConfig(at + ".currency", "must be an ISO 4217 code, was '" + c.currency() + "'");
            }
            try {
                Currency.getInstance(c.currency());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfig(at + ".currency", "unknown currency '" + c.currency() + "'");
            }
            if (c.channel() == null || !CHANNELS.contains(c.channel())) {
                throw new InvalidConfig(at + ".channel", "must be one of CALL, SMS, EMAIL, LETTER, VISIT, was '"
                        + c.channel() + "'");
            }
            if (c.amount() == null || c.amount().signum() < 0) {
                throw new InvalidConfig(at + ".amount", "must be zero or more");
            }
            int digits = AmountFormat.digitsOf(c.currency());
            if (c.amount().stripTrailingZeros().scale() > digits) {
                throw new InvalidConfig(at + ".amount", "has more than " + digits + " decimals for " + c.currency());
            }
            if (!seen.add(c.currency() + "/" + c.channel())) {
                throw new InvalidConfig(at, "a second cost for " + c.currency() + " " + c.channel());
            }
        }
        costs = List.copyOf(costs);
    }

    ActionCosts withVersion(int v) {
        return new ActionCosts(v, costs);
    }

    /** The cost of one action in minor units of {@code currency}; 0 when not priced. */
    long minor(String currency, String channel) {
        return costs.stream().filter(c -> c.currency().equals(currency) && c.channel().equals(channel))
                .findFirst()
                .map(c -> c.amount().movePointRight(AmountFormat.digitsOf(currency)).longValueExact())
                .orElse(0L);
    }
}

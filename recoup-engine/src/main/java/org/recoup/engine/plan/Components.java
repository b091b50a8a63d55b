package org.recoup.engine.plan;

/** An amount split by component, in minor units. */
public record Components(long principal, long interest, long fees, long penalty) {

    public static final Components NONE = new Components(0, 0, 0, 0);

    public long total() {
        return principal + interest + fees + penalty;
    }

    public Components plus(Components o) {
        return new Components(principal + o.principal, interest + o.interest, fees + o.fees, penalty + o.penalty);
    }

    public Components minus(Components o) {
        return new Components(principal - o.principal, interest - o.interest, fees - o.fees, penalty - o.penalty);
    }
}

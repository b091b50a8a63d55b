package org.recoup.engine.plan;

/** Terms that cannot make a plan, naming the offending field (for an RFC 9457 problem). */
public final class PlanTermsException extends IllegalArgumentException {

    private final String code;
    private final String field;

    public PlanTermsException(String field, String message) {
        this("INVALID_PLAN_TERMS", field, message);
    }

    public PlanTermsException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}

package org.recoup.app.api;

import org.springframework.http.HttpStatus;

/**
 * A domain error the API reports as RFC 9457 problem details: a stable {@code code}, the offending {@code field}
 * (may be null) and the HTTP status it maps to.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;

    public ApiProblem(HttpStatus status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", null, what + " " + id + " does not exist");
    }

    public static ApiProblem badRequest(String code, String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, field, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}

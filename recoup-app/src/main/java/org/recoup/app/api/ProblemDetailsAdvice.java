package org.recoup.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns errors into RFC 9457 problem details ({@code application/problem+json}) with a stable {@code code} and, where
 * one field is at fault, its name in {@code field} and what was expected in {@code detail}.
 */
@RestControllerAdvice(basePackages = "org.recoup.app")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.status().getReasonPhrase());
        body.setProperty("code", problem.code());
        if (problem.field() != null) {
            body.setProperty("field", problem.field());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return apiProblem(ApiProblem.badRequest("INVALID_PARAMETER", e.getName(),
                "parameter '" + e.getName() + "' must be " + expected + " but was '" + e.getValue() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = null;
        String detail = "the request body is not valid JSON";
        // Not getMostSpecificCause(): for dates that is the DateTimeParseException under Jackson's exception, which
        // knows the field.
        Throwable cause = jacksonCause(ex);
        if (cause instanceof MismatchedInputException mismatch) {
            field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another value" : describe(mismatch.getTargetType());
            if (field.isEmpty()) {
                detail = "the request body must be a JSON object";
            } else if (mismatch instanceof InvalidFormatException invalid) {
                detail = "field '" + field + "' must be " + expected + " but was '" + invalid.getValue() + "'";
            } else {
                detail = "field '" + field + "' must be " + expected;
            }
        } else if (cause instanceof JacksonException jackson) {
            detail = "the request body is not valid JSON: " + jackson.getOriginalMessage();
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Bad Request");
        body.setProperty("code", "INVALID_BODY");
        if (field != null && !field.isEmpty()) {
            body.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "header '" + missing.getHeaderName() + "' is required");
            body.setTitle("Bad Request");
            body.setProperty("code", "MISSING_HEADER");
            body.setProperty("field", missing.getHeaderName());
            return ResponseEntity.badRequest().headers(headers).body(body);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(Map.of(
                "field", error.getField(),
                "message", String.valueOf(error.getDefaultMessage()))));
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Bad Request");
        body.setProperty("code", "INVALID_BODY");
        if (errors.size() == 1) {
            body.setProperty("field", errors.getFirst().get("field"));
        }
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    private static Throwable jacksonCause(Throwable ex) {
        Throwable firstJackson = null;
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MismatchedInputException) {
                return t;
            }
            if (firstJackson == null && t instanceof JacksonException) {
                firstJackson = t;
            }
        }
        return firstJackson;
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date YYYY-MM-DD";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "an ISO-8601 instant with offset, e.g. 2026-11-23T10:00:00+08:00";
            case "BigDecimal" -> "a decimal number with '.'";
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + type.getSimpleName();
        };
    }
}

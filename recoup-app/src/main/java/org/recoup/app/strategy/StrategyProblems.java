package org.recoup.app.strategy;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An invalid strategy text is a 422 problem ({@code code} INVALID_STRATEGY) whose {@code errors} list every problem
 * as {@code {rule, line, code, message}}; {@code detail} repeats them as sentences.
 */
@RestControllerAdvice(assignableTypes = StrategyController.class)
class StrategyProblems {

    @ExceptionHandler(InvalidStrategyException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidStrategyException e) {
        ProblemDetail body = problem(e.errors());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    static ProblemDetail problem(List<StrategyError> errors) {
        String detail = errors.stream().limit(10).map(StrategyError::describe).collect(Collectors.joining("; "))
                + (errors.size() > 10 ? "; and " + (errors.size() - 10) + " more" : "");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        body.setTitle("Invalid strategy");
        body.setProperty("code", "INVALID_STRATEGY");
        body.setProperty("errors", errors);
        return body;
    }
}

package org.recoup.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks the {@link CaseScope} for every handler whose path names a case, an account or a party, before the handler
 * runs, so that no endpoint or page can forget it (no IDOR): a path variable {@code {caseId}}, {@code {accountId}} or
 * {@code {partyId}}, or {@code {id}} right after {@code /accounts/} or {@code /parties/}. Out of scope answers exactly
 * as a missing id: 404 with the problem body {@code "account X does not exist"} under {@code /api/}, the not-found
 * page elsewhere. Ids that arrive in a request body, or resources reached by their own id (a payment, a contact),
 * are checked by their controllers through {@link CaseScope}.
 */
@Component
class ScopeInterceptor implements HandlerInterceptor {

    private final CaseScope scope;

    ScopeInterceptor(CaseScope scope) {
        this.scope = scope;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod)
                || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || variables.isEmpty()) {
            return true;
        }
        Actor actor = null;
        for (Map.Entry<?, ?> variable : variables.entrySet()) {
            String name = String.valueOf(variable.getKey());
            String value = String.valueOf(variable.getValue());
            Kind kind = kindOf(pattern, name);
            if (kind == null) {
                continue;
            }
            if (actor == null) {
                actor = scope.current().orElse(null);
            }
            if (actor == null || !kind.maySee(scope, actor, value)) {
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    throw ApiProblem.notFound(kind.noun, value);
                }
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return false;
            }
        }
        return true;
    }

    /** What a path variable of a mapping names, or null when it names nothing scoped. */
    static Kind kindOf(String pattern, String variable) {
        return switch (variable) {
            case "caseId" -> Kind.CASE;
            case "accountId" -> Kind.ACCOUNT;
            case "partyId" -> Kind.PARTY;
            case "id" -> pattern.contains("/accounts/{id}") ? Kind.ACCOUNT
                    : pattern.contains("/parties/{id}") ? Kind.PARTY
                    : pattern.contains("/cases/{id}") ? Kind.CASE : null;
            default -> null;
        };
    }

    enum Kind {
        CASE("case"), ACCOUNT("account"), PARTY("party");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        boolean maySee(CaseScope scope, Actor actor, String id) {
            return switch (this) {
                case CASE -> scope.maySeeCase(actor, id);
                case ACCOUNT -> scope.maySeeAccount(actor, id);
                case PARTY -> scope.maySeeParty(actor, id);
            };
        }
    }
}

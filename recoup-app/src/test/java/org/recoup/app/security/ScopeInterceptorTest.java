package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The interceptor that makes the case scope impossible to forget: any handler whose path names a case, account or
 * party — including pages and endpoints other features add later, such as {@code /ui/cases/{caseId}} — is refused
 * with 404 for a caller out of scope, before the handler runs.
 */
class ScopeInterceptorTest {

    private static final Actor ANN = new Actor("ann", Role.AGENT, Tier.JUNIOR, "early", null);

    /** A scope in which ann sees case C-mine, account L-mine and party P-mine only. */
    private static final CaseScope SCOPE = new CaseScope(null) {
        @Override
        public Optional<Actor> current() {
            return Optional.of(ANN);
        }

        @Override
        public boolean maySeeCase(Actor actor, String caseId) {
            return caseId.equals("C-mine");
        }

        @Override
        public boolean maySeeAccount(Actor actor, String accountId) {
            return accountId.equals("L-mine");
        }

        @Override
        public boolean maySeeParty(Actor actor, String partyId) {
            return partyId.equals("P-mine");
        }
    };

    private final ScopeInterceptor interceptor = new ScopeInterceptor(SCOPE);
    private final HandlerMethod handler = handler();

    private static HandlerMethod handler() {
        try {
            return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequest request(String uri, String pattern, Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }

    @Test
    void aPageForACaseOutOfScopeIsNotFoundBeforeItsHandlerRuns() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        boolean proceed = interceptor.preHandle(request("/ui/cases/C-other", "/ui/cases/{caseId}",
                Map.of("caseId", "C-other")), response, handler);

        assertThat(proceed).isFalse();
        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void anApiCallForAnAccountOutOfScopeAnswersTheMissingAccountProblem() {
        assertThatThrownBy(() -> interceptor.preHandle(request("/api/v1/accounts/L-other/promises/PR-1",
                "/api/v1/accounts/{id}/promises/{promiseId}", Map.of("id", "L-other", "promiseId", "PR-1")),
                new MockHttpServletResponse(), handler))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(p.getMessage()).isEqualTo("account L-other does not exist");
                });
        assertThatThrownBy(() -> interceptor.preHandle(request("/api/v1/parties/P-other/holds",
                "/api/v1/parties/{id}/holds", Map.of("id", "P-other")), new MockHttpServletResponse(), handler))
                .hasMessage("party P-other does not exist");
    }

    @Test
    void idsInScopeAndPathsNamingNoCasePass() throws Exception {
        assertThat(interceptor.preHandle(request("/ui/cases/C-mine", "/ui/cases/{caseId}", Map.of("caseId", "C-mine")),
                new MockHttpServletResponse(), handler)).isTrue();
        assertThat(interceptor.preHandle(request("/api/v1/accounts/L-mine", "/api/v1/accounts/{id}",
                Map.of("id", "L-mine")), new MockHttpServletResponse(), handler)).isTrue();
        assertThat(interceptor.preHandle(request("/api/v1/runs/R-1", "/api/v1/runs/{id}", Map.of("id", "R-1")),
                new MockHttpServletResponse(), handler)).isTrue();
    }

    @Test
    void variablesNameTheirKindByNameOrByTheCollectionBeforeThem() {
        assertThat(ScopeInterceptor.kindOf("/ui/cases/{caseId}/messages", "caseId")).isEqualTo(ScopeInterceptor.Kind.CASE);
        assertThat(ScopeInterceptor.kindOf("/api/v1/cases/{id}", "id")).isEqualTo(ScopeInterceptor.Kind.CASE);
        assertThat(ScopeInterceptor.kindOf("/api/v1/x/{accountId}", "accountId")).isEqualTo(ScopeInterceptor.Kind.ACCOUNT);
        assertThat(ScopeInterceptor.kindOf("/api/v1/parties/{id}/holds/{holdId}", "holdId")).isNull();
        assertThat(ScopeInterceptor.kindOf("/api/v1/strategies/{id}/versions/{version}", "id")).isNull();
    }
}

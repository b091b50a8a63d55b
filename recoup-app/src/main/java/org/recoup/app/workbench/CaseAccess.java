package org.recoup.app.workbench;

import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The scope check every workbench page and endpoint starts with: the signed-in actor, and 404 for a case that is out
 * of their scope — the same answer as for a case that does not exist, so ids cannot be probed (no IDOR).
 */
@Component
class CaseAccess {

    private final CaseScope scope;

    CaseAccess(CaseScope scope) {
        this.scope = scope;
    }

    Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", null,
                "sign in first"));
    }

    /** The actor, when the case is in their scope; otherwise 404. */
    Actor requireCase(String caseId) {
        Actor actor = actor();
        if (CaseFiles.partyOf(caseId).isEmpty() || !scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
        return actor;
    }
}

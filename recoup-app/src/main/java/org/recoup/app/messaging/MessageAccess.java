package org.recoup.app.messaging;

import org.recoup.app.api.ApiProblem;
import org.recoup.app.portfolio.ContactMasking;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and send which messages: a case or message out of the user's scope answers 404 (its existence is not
 * revealed); compliance officers read but do not send; contact values are masked for roles that work by contact
 * point id.
 */
@Component
class MessageAccess {

    private final CaseScope scope;
    private final CaseFacts cases;
    private final Outbox outbox;

    MessageAccess(CaseScope scope, CaseFacts cases, Outbox outbox) {
        this.scope = scope;
        this.cases = cases;
        this.outbox = outbox;
    }

    Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                "sign in as a known user"));
    }

    /** The case, when it exists and is in the actor's scope; else 404. */
    CaseFacts.CaseInfo caseFor(Actor actor, String caseId) {
        if (caseId == null || !scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
        return cases.load(caseId).orElseThrow(() -> ApiProblem.notFound("case", caseId));
    }

    OutboxMessage message(Actor actor, String messageId) {
        OutboxMessage m = outbox.find(messageId).filter(x -> scope.maySeeCase(actor, x.caseId()))
                .orElseThrow(() -> ApiProblem.notFound("message", messageId));
        return masked(actor, m);
    }

    static OutboxMessage masked(Actor actor, OutboxMessage m) {
        return actor.seesContactValues() || m.recipient() == null ? m : m.withRecipient(mask(m.channel(), m.recipient()));
    }

    static String mask(org.recoup.engine.compliance.Channel channel, String value) {
        return ContactMasking.mask(switch (channel) {
            case SMS -> "MOBILE";
            case EMAIL -> "EMAIL";
            default -> "ADDRESS";
        }, value);
    }

    static String maskPoint(Actor actor, CaseFacts.Point p) {
        return actor.seesContactValues() ? p.value() : ContactMasking.mask(p.type(), p.value());
    }
}

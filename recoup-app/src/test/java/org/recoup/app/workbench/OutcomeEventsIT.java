package org.recoup.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The queue's seam: {@link OutcomeRecorded} is published once per recorded outcome, never for a blocked contact. */
@RecordApplicationEvents
class OutcomeEventsIT extends IntegrationTest {

    @Autowired
    UserAccounts users;
    @Autowired
    Outcomes outcomes;
    @Autowired
    CaseScope scope;
    @Autowired
    ApplicationEvents events;

    @Test
    void aRecordedOutcomeTellsTheQueueWhoWorkedTheCaseAndWhenToFollowUp() {
        CaseFixture fixture = new CaseFixture(jdbc, users);
        String agent = fixture.agent(uniqueId("wb-ev"), "early");
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBE"), 12, agent);
        OffsetDateTime followUp = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        OutcomeRequest request = new OutcomeRequest("ev-1", c.accountId(), c.borrowerId(), c.mobileId(), null,
                DispositionCode.NO_ANSWER, null, List.of(), List.of(), followUp);

        outcomes.record(c.caseId(), scope.actor(agent).orElseThrow(), request);
        outcomes.record(c.caseId(), scope.actor(agent).orElseThrow(), request);

        List<OutcomeRecorded> published = events.stream(OutcomeRecorded.class).toList();
        assertThat(published).hasSize(1);
        OutcomeRecorded e = published.getFirst();
        assertThat(e.caseId()).isEqualTo(c.caseId());
        assertThat(e.username()).isEqualTo(agent);
        assertThat(e.disposition()).isEqualTo("NO_ANSWER");
        assertThat(e.followUpAt()).isEqualTo(followUp.toInstant());
    }

    @Test
    void aBlockedContactPublishesNothing() {
        CaseFixture fixture = new CaseFixture(jdbc, users);
        String agent = fixture.agent(uniqueId("wb-ev"), "early");
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBE"), 3, agent);

        Outcomes.Result result = outcomes.record(c.caseId(), scope.actor(agent).orElseThrow(), new OutcomeRequest("ev-2",
                c.accountId(), c.borrowerId(), c.mobileId(), null, DispositionCode.NO_ANSWER, null, null, null, null));

        assertThat(result.blocked()).isNotNull();
        assertThat(events.stream(OutcomeRecorded.class)).isEmpty();
    }

    @Test
    void aFollowUpInThePastIsRefusedNamingTheField() {
        CaseFixture fixture = new CaseFixture(jdbc, users);
        String agent = fixture.agent(uniqueId("wb-ev"), "early");
        CaseFixture.Case c = fixture.overdueCase(uniqueId("WBE"), 12, agent);

        assertThatThrownBy(() -> outcomes.record(c.caseId(), scope.actor(agent).orElseThrow(), new OutcomeRequest("ev-3",
                c.accountId(), c.borrowerId(), c.mobileId(), null, DispositionCode.CALLBACK, null, null, null,
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))))
                .isInstanceOf(ApiProblem.class).extracting(p -> ((ApiProblem) p).field()).isEqualTo("followUpAt");
    }
}

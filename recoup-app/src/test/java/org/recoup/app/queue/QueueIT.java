package org.recoup.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recoup.app.queue.QueueFixture.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.app.workbench.OutcomeRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The work queue: next case pops by priority within the agent's scope, locks, releases, follow-ups, depth. */
class QueueIT extends IntegrationTest {

    private static final AtomicInteger DAYS = new AtomicInteger();

    @Autowired
    WorkQueue queue;
    @Autowired
    QueueRouting routing;
    @Autowired
    ApplicationEventPublisher events;

    private QueueFixture fixture;
    private LocalDate asOf;
    private Instant planned;
    private Instant now;
    private String team;

    @BeforeEach
    void setUp() {
        fixture = new QueueFixture(jdbc);
        // a business date of this test's own, so that a rebuild reads only this test's actions
        asOf = LocalDate.of(2045, 1, 1).plusDays(DAYS.getAndIncrement() + (System.nanoTime() % 3000) * 3);
        planned = asOf.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        now = planned.plus(Duration.ofMinutes(5));
        team = uniqueId("team");
    }

    private String newCase(int priority) {
        return fixture.queuedCase(uniqueId("C-P"), asOf, priority, planned, team, null);
    }

    @Test
    void twentyAgentsPoppingAtOnceNeverShareACase() throws Exception {
        Set<String> cases = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            cases.add(newCase(40 + i % 7));
        }
        queue.rebuild(asOf, now);
        List<Actor> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            agents.add(agent(uniqueId("agent"), team));
        }

        List<Optional<WorkQueue.NextCase>> popped = popAtOnce(agents);

        List<String> got = popped.stream().map(p -> p.orElseThrow().caseId()).toList();
        assertThat(got).hasSize(20).doesNotHaveDuplicates();
        assertThat(cases).containsAll(got);
        for (int i = 0; i < agents.size(); i++) {
            assertThat(queue.lockHolder(got.get(i), now)).contains(agents.get(i).username());
        }
    }

    @Test
    void whenFewerCasesThanAgentsEachCaseGoesToExactlyOneAgentAndTheOthersGetNothing() throws Exception {
        Set<String> cases = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            cases.add(newCase(50));
        }
        queue.rebuild(asOf, now);
        List<Actor> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            agents.add(agent(uniqueId("agent"), team));
        }

        List<Optional<WorkQueue.NextCase>> popped = popAtOnce(agents);

        List<String> got = popped.stream().flatMap(Optional::stream).map(WorkQueue.NextCase::caseId).toList();
        assertThat(got).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cases);
        assertThat(popped.stream().filter(Optional::isEmpty)).hasSize(13);
    }

    @Test
    void twentyAgentsWorkingTheQueueDryEachWorkEveryCaseExactlyOnce() throws Exception {
        Set<String> cases = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            cases.add(newCase(30 + i % 11));
        }
        queue.rebuild(asOf, now);
        ConcurrentLinkedQueue<String> worked = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Actor a = agent(uniqueId("agent"), team);
            done.add(pool.submit(() -> {
                start.await();
                for (Optional<WorkQueue.NextCase> c = queue.next(a, WorkQueue.Filter.NONE, now); c.isPresent();
                     c = queue.next(a, WorkQueue.Filter.NONE, now)) {
                    worked.add(c.get().caseId());
                    queue.outcome(c.get().caseId(), a.username(), "NO_ANSWER", null, now);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(worked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cases);
    }

    private List<Optional<WorkQueue.NextCase>> popAtOnce(List<Actor> agents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        CountDownLatch ready = new CountDownLatch(agents.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<WorkQueue.NextCase>>> futures = new ArrayList<>();
        for (Actor a : agents) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return queue.next(a, WorkQueue.Filter.NONE, now);
            }));
        }
        ready.await();
        start.countDown();
        List<Optional<WorkQueue.NextCase>> out = new ArrayList<>();
        for (Future<Optional<WorkQueue.NextCase>> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return out;
    }

    @Test
    void theHighestPriorityCaseComesFirstAndACaseIsNotOfferedBeforeItsTime() {
        String low = newCase(40);
        String high = newCase(90);
        String later = fixture.queuedCase(uniqueId("C-P"), asOf, 99, planned.plus(Duration.ofHours(5)), team, null);
        queue.rebuild(asOf, now);
        Actor a = agent(uniqueId("agent"), team);

        WorkQueue.NextCase first = queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow();
        assertThat(first.caseId()).isEqualTo(high);
        assertThat(first.priority()).isEqualTo(90);
        assertThat(first.reason()).isEqualTo("first-week-daily-call");
        queue.outcome(high, a.username(), "NO_ANSWER", null, now);
        assertThat(queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(low);
        queue.outcome(low, a.username(), "NO_ANSWER", null, now);
        assertThat(queue.next(a, WorkQueue.Filter.NONE, now)).isEmpty();
        assertThat(queue.next(a, WorkQueue.Filter.NONE, planned.plus(Duration.ofHours(5))).orElseThrow().caseId())
                .isEqualTo(later);
    }

    @Test
    void anAgentWhoStillHoldsACaseGetsTheSameCaseAgainWithTheLockRenewed() {
        String only = newCase(50);
        newCase(40);
        queue.rebuild(asOf, now);
        Actor a = agent(uniqueId("agent"), team);

        WorkQueue.NextCase first = queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow();
        WorkQueue.NextCase again = queue.next(a, WorkQueue.Filter.NONE, now.plus(Duration.ofMinutes(3))).orElseThrow();

        assertThat(first.caseId()).isEqualTo(only);
        assertThat(again.caseId()).isEqualTo(only);
        assertThat(again.lockedUntil()).isAfter(first.lockedUntil());
    }

    @Test
    void aLockTimesOutAfterTheConfiguredMinutesAndTheCaseGoesToTheNextAgent() {
        String only = newCase(50);
        queue.rebuild(asOf, now);
        Actor first = agent(uniqueId("agent"), team);
        Actor second = agent(uniqueId("agent"), team);
        int minutes = routing.current().lockMinutes();

        WorkQueue.NextCase taken = queue.next(first, WorkQueue.Filter.NONE, now).orElseThrow();
        assertThat(taken.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(minutes)));
        assertThat(queue.next(second, WorkQueue.Filter.NONE, now.plus(Duration.ofMinutes(minutes - 1)))).isEmpty();

        Instant afterTimeout = now.plus(Duration.ofMinutes(minutes));
        assertThat(queue.next(second, WorkQueue.Filter.NONE, afterTimeout).orElseThrow().caseId()).isEqualTo(only);
        assertThat(queue.lockHolder(only, afterTimeout)).contains(second.username());
        assertThat(queue.renew(first, only, afterTimeout)).as("the first agent lost the lock").isEmpty();
    }

    @Test
    void renewingOnActivityKeepsTheLockPastTheFirstTimeout() {
        String only = newCase(50);
        queue.rebuild(asOf, now);
        Actor first = agent(uniqueId("agent"), team);
        Actor second = agent(uniqueId("agent"), team);
        int minutes = routing.current().lockMinutes();
        queue.next(first, WorkQueue.Filter.NONE, now).orElseThrow();

        assertThat(queue.renew(first, only, now.plus(Duration.ofMinutes(minutes - 1)))).isPresent();

        assertThat(queue.next(second, WorkQueue.Filter.NONE, now.plus(Duration.ofMinutes(minutes + 1)))).isEmpty();
    }

    @Test
    void recordingAnOutcomeReleasesTheCaseAndWithoutAFollowUpItLeavesTheQueue() {
        String worked = newCase(60);
        String other = newCase(50);
        queue.rebuild(asOf, now);
        Actor a = agent(uniqueId("agent"), team);
        assertThat(queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(worked);

        events.publishEvent(new OutcomeRecorded(worked, a.username(), "RIGHT_PARTY_CONTACT", null, now));

        assertThat(queue.lockHolder(worked, now)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_queue WHERE case_id = ?").param(worked).query(Long.class)
                .single()).isZero();
        assertThat(queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(other);
    }

    @Test
    void aFollowUpOffersTheCaseAgainFromItsTimeAtFollowUpPriorityAndSurvivesTheNextRebuild() {
        String worked = newCase(40);
        String routine = newCase(60);
        queue.rebuild(asOf, now);
        Actor a = agent(uniqueId("agent"), team);
        Actor b = agent(uniqueId("agent"), team);
        assertThat(queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(routine);
        queue.outcome(routine, a.username(), "NO_ANSWER", null, now);
        assertThat(queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(worked);
        Instant followUp = now.plus(Duration.ofHours(3));

        events.publishEvent(new OutcomeRecorded(worked, a.username(), "CALLBACK_REQUESTED", followUp, now));

        assertThat(queue.next(b, WorkQueue.Filter.NONE, now)).as("not before the follow-up time").isEmpty();
        queue.rebuild(asOf, now.plus(Duration.ofMinutes(1)));
        WorkQueue.NextCase again = queue.next(b, WorkQueue.Filter.NONE, followUp).orElseThrow();
        assertThat(again.caseId()).isEqualTo(worked);
        assertThat(again.priority()).isEqualTo(WorkQueue.FOLLOW_UP_PRIORITY);
        assertThat(again.reason()).startsWith("follow-up");
    }

    @Test
    void aFollowUpOfACaseTheRunDidNotPlanStillComesBack() {
        String worked = newCase(40);
        queue.rebuild(asOf, now);
        Actor a = agent(uniqueId("agent"), team);
        queue.next(a, WorkQueue.Filter.NONE, now).orElseThrow();
        queue.outcome(worked, a.username(), "NO_ANSWER", null, now);
        Instant followUp = now.plus(Duration.ofDays(1));

        // a later outcome (e.g. an inbound call) asks for a follow-up; the next run plans nothing for the case
        events.publishEvent(new OutcomeRecorded(worked, a.username(), "PROMISE", followUp, now));
        queue.rebuild(asOf.plusDays(1), now.plus(Duration.ofHours(20)));

        assertThat(queue.next(a, WorkQueue.Filter.NONE, followUp).orElseThrow().caseId()).isEqualTo(worked);
    }

    @Test
    void anAgentNeverPopsAnotherTeamsCaseNorACaseAssignedToAnotherAgent() {
        String otherTeam = uniqueId("team");
        Actor mine = agent(uniqueId("agent"), team);
        Actor colleague = agent(uniqueId("agent"), team);
        fixture.queuedCase(uniqueId("C-P"), asOf, 95, planned, otherTeam, null);
        fixture.queuedCase(uniqueId("C-P"), asOf, 95, planned, team, colleague.username());
        String assignedToMe = fixture.queuedCase(uniqueId("C-P"), asOf, 45, planned, team, mine.username());
        String teamCase = newCase(50);
        queue.rebuild(asOf, now);

        assertThat(queue.next(mine, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(teamCase);
        queue.outcome(teamCase, mine.username(), "NO_ANSWER", null, now);
        assertThat(queue.next(mine, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(assignedToMe);
        queue.outcome(assignedToMe, mine.username(), "NO_ANSWER", null, now);
        assertThat(queue.next(mine, WorkQueue.Filter.NONE, now)).isEmpty();
    }

    @Test
    void aStageFilterOffersOnlyCasesOfThatStage() {
        String early = newCase(40);
        String late = newCase(80);
        queue.rebuild(asOf, now);
        jdbc.sql("UPDATE work_queue SET stage = 'EARLY', grade = 'A' WHERE case_id = ?").param(early).update();
        jdbc.sql("UPDATE work_queue SET stage = 'LATE', grade = 'C' WHERE case_id = ?").param(late).update();
        Actor a = agent(uniqueId("agent"), team);

        assertThat(queue.next(a, new WorkQueue.Filter("EARLY", null), now).orElseThrow().caseId()).isEqualTo(early);
        queue.release(new Actor(a.username(), Role.ADMIN, null, null, null), early, now);
        assertThat(queue.next(agent(uniqueId("agent"), team), new WorkQueue.Filter(null, "C"), now).orElseThrow()
                .caseId()).isEqualTo(late);
    }

    @Test
    void releasingAnotherAgentsLockIsRefusedAndAnOutOfScopeCaseIsNotFound() {
        String caseId = newCase(50);
        queue.rebuild(asOf, now);
        Actor holder = agent(uniqueId("agent"), team);
        Actor colleague = agent(uniqueId("agent"), team);
        queue.next(holder, WorkQueue.Filter.NONE, now).orElseThrow();

        assertThatThrownBy(() -> queue.release(colleague, caseId, now))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("LOCKED_BY_ANOTHER"));
        assertThatThrownBy(() -> queue.release(agent(uniqueId("agent"), uniqueId("team")), caseId, now))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(404));

        queue.release(holder, caseId, now);
        assertThat(queue.next(colleague, WorkQueue.Filter.NONE, now).orElseThrow().caseId()).isEqualTo(caseId);
    }

    @Test
    void depthCountsWaitingNowLaterTodayAndLockedPerTeamAndStage() {
        newCase(50);
        newCase(50);
        fixture.queuedCase(uniqueId("C-P"), asOf, 50, planned.plus(Duration.ofHours(4)), team, null);
        queue.rebuild(asOf, now);
        queue.next(agent(uniqueId("agent"), team), WorkQueue.Filter.NONE, now).orElseThrow();
        Actor lead = new Actor(uniqueId("lead"), Role.TEAM_LEAD, null, team, null);

        List<WorkQueue.TeamDepth> depth = queue.depth(lead, now, java.time.ZoneId.of("Asia/Shanghai"));

        assertThat(depth).singleElement().satisfies(d -> {
            assertThat(d.team()).isEqualTo(team);
            assertThat(d.waitingNow()).isEqualTo(1);
            assertThat(d.waitingLaterToday()).isEqualTo(1);
            assertThat(d.locked()).isEqualTo(1);
        });
        assertThatThrownBy(() -> queue.depth(agent("x", team), now, java.time.ZoneId.of("Asia/Shanghai")))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void aClosedCaseLeavesTheQueueAtTheNextRebuild() {
        String closing = newCase(70);
        queue.rebuild(asOf, now);
        jdbc.sql("UPDATE collection_case SET status = 'CLOSED', closed_on = ? WHERE case_id = ?").params(asOf, closing)
                .update();

        queue.rebuild(asOf, now);

        assertThat(queue.next(agent(uniqueId("agent"), team), WorkQueue.Filter.NONE, now)).isEmpty();
    }
}

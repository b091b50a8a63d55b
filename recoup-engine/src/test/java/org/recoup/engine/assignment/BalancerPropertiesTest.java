package org.recoup.engine.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of placing cases over arbitrary teams and pools. */
class BalancerPropertiesTest {

    private static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final List<String> PRODUCTS = List.of("CONSUMER_LOAN", "CREDIT_CARD", "B2B_RECEIVABLE",
            "PROPERTY_FEE");

    @Provide
    Arbitrary<List<AgentSlot>> agents() {
        Arbitrary<AgentSlot> agent = Combinators.combine(
                Arbitraries.of(LANGUAGES).set().ofMaxSize(2),
                Arbitraries.of(PRODUCTS).set().ofMaxSize(4),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 999))
                .as((langs, products, capacity, load, n) -> new AgentSlot("a" + n, langs, products, capacity, load));
        return agent.list().ofMaxSize(8).uniqueElements(AgentSlot::username);
    }

    @Provide
    Arbitrary<List<CaseToPlace>> cases() {
        Arbitrary<CaseToPlace> c = Combinators.combine(
                Arbitraries.of("zh-CN", "en", "fr").injectNull(0.1),
                Arbitraries.of(PRODUCTS).set().ofMinSize(1).ofMaxSize(2),
                Arbitraries.integers().between(0, 99_999))
                .as((lang, products, n) -> new CaseToPlace("C-" + n, lang, products));
        return c.list().ofMaxSize(60).uniqueElements(CaseToPlace::caseId);
    }

    @Property
    void nobodyIsEverPlacedAboveCapacity(@ForAll("cases") List<CaseToPlace> cases,
                                         @ForAll("agents") List<AgentSlot> agents) {
        Placement p = Balancer.place(cases, agents);
        for (AgentSlot a : agents) {
            long given = p.placed().stream().filter(x -> x.agent().equals(a.username())).count();
            assertThat(given).isLessThanOrEqualTo(a.room());
            assertThat(p.loads().get(a.username())).isEqualTo(a.load() + (int) given);
        }
    }

    @Property
    void skillsAlwaysMatchAndEveryCaseIsPlacedOrLeftInThePoolOnce(@ForAll("cases") List<CaseToPlace> cases,
                                                                 @ForAll("agents") List<AgentSlot> agents) {
        Placement p = Balancer.place(cases, agents);
        Map<String, AgentSlot> byName = new HashMap<>();
        agents.forEach(a -> byName.put(a.username(), a));
        Map<String, CaseToPlace> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.caseId(), c));
        for (Placement.Placed x : p.placed()) {
            assertThat(byName.get(x.agent()).canWork(byId.get(x.caseId()))).isTrue();
        }
        List<String> all = new ArrayList<>(p.overflow());
        p.placed().forEach(x -> all.add(x.caseId()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(cases.stream().map(CaseToPlace::caseId).toList());
    }

    @Property
    void aCaseOverflowsOnlyWhenNoMatchingAgentHasRoomLeft(@ForAll("cases") List<CaseToPlace> cases,
                                                          @ForAll("agents") List<AgentSlot> agents) {
        Placement p = Balancer.place(cases, agents);
        for (String id : p.overflow()) {
            CaseToPlace c = cases.stream().filter(x -> x.caseId().equals(id)).findFirst().orElseThrow();
            for (AgentSlot a : agents) {
                if (a.canWork(c)) {
                    assertThat(p.loads().get(a.username())).isGreaterThanOrEqualTo(a.capacity());
                }
            }
        }
    }

    @Property
    void theResultDoesNotDependOnTheOrderAgentsAreListedIn(@ForAll("cases") List<CaseToPlace> cases,
                                                           @ForAll("agents") List<AgentSlot> agents,
                                                           @ForAll long seed) {
        List<AgentSlot> shuffled = new ArrayList<>(agents);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Balancer.place(cases, shuffled)).isEqualTo(Balancer.place(cases, agents));
    }

    @Property
    void equallySkilledAgentsStartingEvenEndWithinOneCaseOfEachOther(@ForAll @IntRange(min = 1, max = 8) int agentCount,
                                                                     @ForAll @IntRange(max = 100) int caseCount,
                                                                     @ForAll @IntRange(max = 5) int startLoad) {
        List<AgentSlot> agents = IntStream.range(0, agentCount)
                .mapToObj(i -> new AgentSlot("a" + i, Set.of("zh-CN"), Set.of("CONSUMER_LOAN"), 1000, startLoad))
                .toList();
        List<CaseToPlace> cases = IntStream.range(0, caseCount)
                .mapToObj(i -> new CaseToPlace("C-" + i, "zh-CN", Set.of("CONSUMER_LOAN"))).toList();
        Placement p = Balancer.place(cases, agents);
        int max = Collections.max(p.loads().values());
        int min = Collections.min(p.loads().values());
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(p.overflow()).isEmpty();
    }
}

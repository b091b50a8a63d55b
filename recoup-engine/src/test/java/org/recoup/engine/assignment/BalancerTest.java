package org.recoup.engine.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalancerTest {

    private static final Set<String> LOANS = Set.of("CONSUMER_LOAN");

    private static AgentSlot agent(String name, Set<String> languages, int capacity, int load) {
        return new AgentSlot(name, languages, Set.of("CONSUMER_LOAN", "CREDIT_CARD"), capacity, load);
    }

    private static CaseToPlace zh(String id) {
        return new CaseToPlace(id, "zh-CN", LOANS);
    }

    @Test
    void aCaseGoesToTheLeastLoadedAgentWhoseSkillsMatch() {
        Placement p = Balancer.place(List.of(zh("C-1")),
                List.of(agent("ann", Set.of("zh-CN"), 10, 5), agent("bob", Set.of("zh-CN"), 10, 2),
                        agent("cat", Set.of("en"), 10, 0)));

        assertThat(p.placed()).containsExactly(new Placement.Placed("C-1", "bob"));
        assertThat(p.loads()).containsEntry("bob", 3).containsEntry("cat", 0);
    }

    @Test
    void aCaseWhoseLanguageNoAgentSpeaksStaysInThePool() {
        Placement p = Balancer.place(List.of(new CaseToPlace("C-1", "en", LOANS)),
                List.of(agent("ann", Set.of("zh-CN"), 10, 0)));

        assertThat(p.placed()).isEmpty();
        assertThat(p.overflow()).containsExactly("C-1");
    }

    @Test
    void aCaseWithAProductTheAgentDoesNotWorkIsNotGivenToThem() {
        Placement p = Balancer.place(List.of(new CaseToPlace("C-1", "zh-CN", Set.of("CONSUMER_LOAN", "PROPERTY_FEE"))),
                List.of(agent("ann", Set.of("zh-CN"), 10, 0)));

        assertThat(p.overflow()).containsExactly("C-1");
    }

    @Test
    void aFullTeamLeavesTheRestInThePool() {
        Placement p = Balancer.place(List.of(zh("C-1"), zh("C-2"), zh("C-3"), zh("C-4")),
                List.of(agent("ann", Set.of("zh-CN"), 2, 1), agent("bob", Set.of("zh-CN"), 1, 0)));

        assertThat(p.placed()).extracting(Placement.Placed::caseId).containsExactly("C-1", "C-2");
        assertThat(p.overflow()).containsExactly("C-3", "C-4");
        assertThat(p.loads()).containsEntry("ann", 2).containsEntry("bob", 1);
    }

    @Test
    void anAgentAlreadyAboveALoweredCapacityGetsNothing() {
        Placement p = Balancer.place(List.of(zh("C-1")), List.of(agent("ann", Set.of("zh-CN"), 3, 5)));

        assertThat(p.overflow()).containsExactly("C-1");
    }

    @Test
    void equallySkilledAgentsAreFilledInTurn() {
        Placement p = Balancer.place(List.of(zh("C-1"), zh("C-2"), zh("C-3"), zh("C-4"), zh("C-5")),
                List.of(agent("bob", Set.of("zh-CN"), 10, 0), agent("ann", Set.of("zh-CN"), 10, 0)));

        assertThat(p.placed()).extracting(Placement.Placed::agent).containsExactly("ann", "bob", "ann", "bob", "ann");
    }

    @Test
    void aCaseOfUnknownLanguageNeedsOnlyTheProducts() {
        Placement p = Balancer.place(List.of(new CaseToPlace("C-1", null, LOANS)),
                List.of(agent("ann", Set.of(), 1, 0)));

        assertThat(p.placed()).containsExactly(new Placement.Placed("C-1", "ann"));
    }
}

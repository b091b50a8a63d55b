package org.recoup.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recoup.app.CaseAssignments;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.demo.DemoPortfolioLoader;
import org.recoup.app.web.BrowserIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo logins in Chromium: each role lands on its home page and is offered only the navigation it may use; an
 * agent who opens another agent's case gets the not-found page. Screenshots under target/screenshots/.
 */
class RoleLoginBrowserIT extends BrowserIT {

    private static final String OVERVIEW = "/";
    private static final String QUEUE = "/ui/queue";
    private static final String OUTBOX = "/ui/outbox";
    private static final String STRATEGIES = "/ui/strategies";
    private static final String SIMULATION = "/ui/simulation";
    private static final String COMPLIANCE = "/compliance/report";
    private static final String RECOVERY = "/ui/recovery";
    private static final String ANALYTICS = "/ui/analytics";

    @Autowired
    UserAccounts users;

    @BeforeEach
    void demoUsers() {
        users.createDemoUsers(DemoPortfolioLoader.DEMO_PASSWORD);
    }

    static Stream<Arguments> roles() {
        Set<String> everything = Set.of(OVERVIEW, QUEUE, OUTBOX, STRATEGIES, SIMULATION, COMPLIANCE, RECOVERY, ANALYTICS);
        Set<String> agentNav = Set.of(OVERVIEW, QUEUE, OUTBOX, STRATEGIES, SIMULATION, RECOVERY);
        return Stream.of(
                Arguments.of("supervisor", OVERVIEW, everything),
                Arguments.of("lead", OVERVIEW, everything),
                Arguments.of("agent", QUEUE, agentNav),
                Arguments.of("agent2", QUEUE, agentNav),
                Arguments.of("senior", QUEUE, agentNav),
                Arguments.of("compliance", OVERVIEW, Set.of(OVERVIEW, OUTBOX, STRATEGIES, SIMULATION, COMPLIANCE,
                        RECOVERY, ANALYTICS)),
                Arguments.of("agency", QUEUE, Set.of(QUEUE, RECOVERY)));
    }

    @ParameterizedTest(name = "{0} lands on {1}")
    @MethodSource("roles")
    void eachDemoRoleLandsOnItsHomeAndSeesOnlyTheNavigationItMayUse(String user, String home, Set<String> nav) {
        login(user, DemoPortfolioLoader.DEMO_PASSWORD);

        assertThat(path(page.url())).isEqualTo(home);
        List<String> links = page.locator("header.topbar nav.nav a").all().stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(links).containsExactlyInAnyOrderElementsOf(nav);
        assertThat(page.locator("header.topbar .user-name").innerText()).startsWith("Demo");
        screenshot(user);
    }

    @Test
    void theAdministratorSeesEveryLink() {
        login("admin", ADMIN_PASSWORD);

        assertThat(path(page.url())).isEqualTo(OVERVIEW);
        assertThat(page.locator("header.topbar nav.nav a").count()).isEqualTo(8);
    }

    @Test
    void anAgentIsDeniedAnotherAgentsCase() {
        String account = new DebtFileFixture(jdbc).account(uniqueId("L-browser")).id();
        String caseId = new CaseAssignments(jdbc).ofAccount(account).toAgent("late", "senior").id();
        login("agent", DemoPortfolioLoader.DEMO_PASSWORD);

        var response = page.navigate("/ui/cases/" + caseId);

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("#not-found").isVisible()).isTrue();
        assertThat(page.locator("#not-found h1").innerText()).isEqualTo("未找到");
        assertThat(page.content()).doesNotContain(account, "Borrower of");
        screenshot("denied-case");
    }

    @Test
    void anAgencyUserOpeningAnInternalPageGetsTheNotAllowedPage() {
        login("agency", DemoPortfolioLoader.DEMO_PASSWORD);

        var response = page.navigate("/ui/strategies");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("#forbidden h1").innerText()).isEqualTo("无权访问");
        assertThat(page.locator("header.topbar nav.nav a").count()).as("still in the signed-in shell").isEqualTo(2);
        screenshot("forbidden");
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }
}

package org.recoup.app.analytics;

import java.util.List;
import org.recoup.app.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portfolio-flow dashboards on the Analytics section page. */
@Configuration
class FlowMenu {

    private static final List<String> ROLES = List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "COMPLIANCE");

    @Bean
    MenuEntry kpiBucketMixEntry() {
        return new MenuEntry(MenuEntry.ANALYTICS, "kpiflow.menu.bucket-mix", "/ui/kpis/bucket-mix", ROLES, 10);
    }

    @Bean
    MenuEntry kpiRollRatesEntry() {
        return new MenuEntry(MenuEntry.ANALYTICS, "kpiflow.menu.roll-rates", "/ui/kpis/roll-rates", ROLES, 11);
    }

    @Bean
    MenuEntry kpiCureRecoveryEntry() {
        return new MenuEntry(MenuEntry.ANALYTICS, "kpiflow.menu.cure-recovery", "/ui/kpis/cure-recovery", ROLES, 12);
    }

    @Bean
    MenuEntry kpiVintagesEntry() {
        return new MenuEntry(MenuEntry.ANALYTICS, "kpiflow.menu.vintages", "/ui/kpis/vintages", ROLES, 13);
    }

    @Bean
    MenuEntry kpiAgingEntry() {
        return new MenuEntry(MenuEntry.ANALYTICS, "kpiflow.menu.aging", "/ui/kpis/aging", ROLES, 14);
    }
}

package org.recoup.app.receivable;

import java.util.List;
import org.recoup.app.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The receivables page on the Recovery section. */
@Configuration
class ReceivableMenu {

    @Bean
    MenuEntry receivablesMenuEntry() {
        return new MenuEntry(MenuEntry.RECOVERY, "receivables.menu", "/ui/receivables",
                List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "AGENT", "COMPLIANCE"), 60);
    }
}

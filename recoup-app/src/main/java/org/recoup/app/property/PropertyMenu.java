package org.recoup.app.property;

import java.util.List;
import org.recoup.app.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The property fees page on the Recovery section. */
@Configuration
class PropertyMenu {

    @Bean
    MenuEntry propertyFeesMenuEntry() {
        return new MenuEntry(MenuEntry.RECOVERY, "property.menu", "/ui/property",
                List.of("ADMIN", "SUPERVISOR", "TEAM_LEAD", "AGENT", "COMPLIANCE"), 70);
    }
}

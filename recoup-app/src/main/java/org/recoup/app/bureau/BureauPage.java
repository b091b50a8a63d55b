package org.recoup.app.bureau;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.recoup.app.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bureau page: the layout in force, a preview of the month's first records and the download. */
@Hidden
@Controller
class BureauPage {

    private final BureauFiles files;
    private final Clock clock;

    BureauPage(BureauFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @GetMapping("/ui/bureau")
    String page(@RequestParam(required = false) String month, Model model) {
        YearMonth ym = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : BureauController.month(month);
        String preview;
        try {
            String file = files.file(ym);
            preview = file.lines().limit(21).reduce((a, b) -> a + "\n" + b).orElse("");
        } catch (org.recoup.app.api.ApiProblem e) {
            preview = e.getMessage();
        }
        model.addAttribute("nav", "recovery");
        model.addAttribute("month", ym.toString());
        model.addAttribute("layout", files.layout());
        model.addAttribute("preview", preview);
        return "bureau/page";
    }

    @Configuration
    static class Menu {
        @Bean
        MenuEntry bureauMenu() {
            return new MenuEntry(MenuEntry.RECOVERY, "bureau.page.title", "/ui/bureau",
                    List.of("ADMIN", "SUPERVISOR", "COMPLIANCE"), 60);
        }
    }
}

package org.recoup.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The section pages of the top bar: {@code /ui/recovery} and {@code /ui/analytics} list the {@link MenuEntry} beans. */
@Hidden // UI, not part of the public API document
@Controller
class SectionController {

    private final List<MenuEntry> entries;

    SectionController(List<MenuEntry> entries) {
        this.entries = entries;
    }

    @GetMapping("/ui/recovery")
    String recovery(Authentication user, Model model) {
        return section(MenuEntry.RECOVERY, user, model);
    }

    @GetMapping("/ui/analytics")
    String analytics(Authentication user, Model model) {
        return section(MenuEntry.ANALYTICS, user, model);
    }

    private String section(String section, Authentication user, Model model) {
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
        model.addAttribute("section", section);
        model.addAttribute("nav", section);
        model.addAttribute("entries", entries.stream()
                .filter(e -> e.section().equals(section))
                .filter(e -> e.roles().isEmpty() || e.roles().stream().anyMatch(roles::contains))
                .sorted(Comparator.comparingInt(MenuEntry::order).thenComparing(MenuEntry::path))
                .toList());
        return "web/section";
    }
}

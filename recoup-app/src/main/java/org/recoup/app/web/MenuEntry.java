package org.recoup.app.web;

import java.util.List;
import java.util.Objects;

/**
 * A page listed on a section page of the top bar — {@code recovery} ({@code /ui/recovery}: plans, visits, legal,
 * agencies, write-off, receivables, property fees, bureau file) or {@code analytics} ({@code /ui/analytics}:
 * dashboards and reports). Features declare their pages as beans; a user sees the entries whose roles include theirs
 * (the URL rules in SecurityConfiguration decide access; this only decides what is listed).
 *
 * @param labelKey  message key of the link text; {@code <labelKey>.hint} (optional) is shown under it
 * @param roles     role names that see the entry (e.g. {@code ADMIN}, {@code SUPERVISOR}); empty: every signed-in user
 * @param order     position within the section, ascending
 */
public record MenuEntry(String section, String labelKey, String path, List<String> roles, int order) {

    public static final String RECOVERY = "recovery";
    public static final String ANALYTICS = "analytics";

    public MenuEntry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(path, "path");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}

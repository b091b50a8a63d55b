package org.recoup.app.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.recoup.app.performance.VersionedDocuments.InvalidConfig;

/**
 * Who gets the daily management report and in which language; versioned in {@code business_config} (kind
 * {@code management-report}). The report goes out after each completed daily run, once per business date.
 *
 * @param enabled    whether to send at all
 * @param recipients e-mail addresses (at most 50)
 * @param locale     {@code zh-CN} or {@code en}: labels of the figures
 */
public record ReportSettings(Integer version, Boolean enabled, List<String> recipients, String locale) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    public ReportSettings {
        enabled = Boolean.TRUE.equals(enabled);
        recipients = recipients == null ? List.of() : recipients;
        if (recipients.size() > 50) {
            throw new InvalidConfig("recipients", "at most 50 addresses");
        }
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            String r = recipients.get(i) == null ? "" : recipients.get(i).strip();
            if (!ADDRESS.matcher(r).matches()) {
                throw new InvalidConfig("recipients[" + i + "]", "not an e-mail address: '" + r + "'");
            }
            clean.add(r);
        }
        recipients = List.copyOf(clean);
        locale = locale == null || locale.isBlank() ? "zh-CN" : locale.strip();
        if (!locale.equals("zh-CN") && !locale.equals("en")) {
            throw new InvalidConfig("locale", "must be zh-CN or en, was '" + locale + "'");
        }
        if (enabled && recipients.isEmpty()) {
            throw new InvalidConfig("recipients", "an enabled report needs at least one recipient");
        }
    }

    ReportSettings withVersion(int v) {
        return new ReportSettings(v, enabled, recipients, locale);
    }
}

package org.recoup.app.portfolio;

/**
 * How contact points are shown to users who may not see them in full (PIPL minimisation):
 * <ul>
 *   <li>phones keep the first 3 and the last 4 digits: {@code 13900000001} → {@code 139****0001}; separators are
 *       dropped; numbers with fewer than 8 digits keep only their last 2 digits ({@code ****01});</li>
 *   <li>e-mail addresses keep the first character and the domain: {@code li.lei@example.com} → {@code l***@example.com};</li>
 *   <li>addresses keep their first 6 characters ({@code 上海市浦东新区…} → {@code 上海市浦东新***}); shorter ones only
 *       their first half;</li>
 *   <li>anything else is hidden completely ({@code ***}).</li>
 * </ul>
 * The number of hidden characters is never revealed.
 */
public final class ContactMasking {

    static final String HIDDEN = "***";
    private static final String HIDDEN_DIGITS = "****";

    private ContactMasking() {
    }

    public static String mask(String type, String value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case "MOBILE", "HOME_PHONE", "WORK_PHONE" -> phone(value);
            case "EMAIL" -> email(value);
            case "ADDRESS" -> address(value);
            default -> HIDDEN;
        };
    }

    static String phone(String value) {
        String digits = value.codePoints().filter(c -> c >= '0' && c <= '9')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + HIDDEN_DIGITS + digits.substring(digits.length() - 4);
        }
        if (digits.length() >= 4) {
            return HIDDEN_DIGITS + digits.substring(digits.length() - 2);
        }
        return HIDDEN_DIGITS;
    }

    static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return HIDDEN;
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + HIDDEN + value.substring(at);
    }

    static String address(String value) {
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        int keep = length > 6 ? 6 : length / 2;
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, keep)) + HIDDEN;
    }
}

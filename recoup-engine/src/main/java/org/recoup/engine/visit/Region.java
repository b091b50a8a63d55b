package org.recoup.engine.visit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city and district of a postal address, for grouping a day's visits. A Chinese address is read up to its city
 * (…市, or a province-level municipality) and district or county (…区/县/旗); an address in Latin script is read
 * from its comma-separated parts (district = the part before the city, city = the second-to-last part when the last
 * one is a country or postcode, else the last). What cannot be read is {@code "?"}.
 */
public record Region(String city, String district) {

    private static final Pattern CN = Pattern.compile(
            "^(?:[^省市]{2,8}?(?:省|自治区))?([^市省区县]{2,8}?市)?([^市区县]{1,10}?(?:区|县|旗))?.*$");

    public static Region of(String address) {
        if (address == null || address.isBlank()) {
            return new Region("?", "?");
        }
        String a = address.strip();
        if (a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            Matcher m = CN.matcher(a);
            if (m.matches()) {
                String city = m.group(1) == null ? "?" : m.group(1);
                String district = m.group(2) == null ? "?" : m.group(2);
                return new Region(city, district);
            }
            return new Region("?", "?");
        }
        String[] parts = a.split("\\s*,\\s*");
        if (parts.length < 2) {
            return new Region(parts[0].isBlank() ? "?" : parts[0], "?");
        }
        int cityIndex = parts.length - 1;
        if (parts.length >= 3 && (parts[cityIndex].matches(".*\\d.*") || parts[cityIndex].length() <= 3
                || parts[cityIndex].matches("(?i)china|usa|united states|uk|united kingdom"))) {
            cityIndex--;
        }
        String city = parts[cityIndex].replaceAll("\\s*\\d.*$", "").strip();
        String district = cityIndex >= 1 ? parts[cityIndex - 1] : "?";
        return new Region(city.isEmpty() ? "?" : city, district);
    }

    /** "city / district", for display and grouping. */
    public String label() {
        return city + " / " + district;
    }
}

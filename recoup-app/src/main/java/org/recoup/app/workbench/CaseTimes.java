package org.recoup.app.workbench;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Instants on the case page, shown in the borrower's time zone: {@code ${@caseTimes.at(instant, zone)}}. */
@Component("caseTimes")
public class CaseTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String at(Instant instant, String zone) {
        if (instant == null) {
            return "";
        }
        ZoneId id;
        try {
            id = zone == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            id = ZoneId.of("Asia/Shanghai");
        }
        return FORMAT.format(instant.atZone(id));
    }
}

package org.recoup.engine.debt;

import java.time.ZoneId;

/** The law an account is collected under; also gives the business time zone when no party zone is known. */
public enum Jurisdiction {
    CN(ZoneId.of("Asia/Shanghai")),
    US(ZoneId.of("America/New_York")),
    UK(ZoneId.of("Europe/London"));

    private final ZoneId defaultZone;

    Jurisdiction(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }
}

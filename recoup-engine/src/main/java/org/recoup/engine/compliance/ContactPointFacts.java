package org.recoup.engine.compliance;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What is known about the number or address used.
 *
 * @param type    MOBILE, HOME_PHONE, WORK_PHONE, EMAIL, ADDRESS (contract §2)
 * @param valid   false once the point is known to be wrong or dead
 * @param consent the party agreed to be contacted there (contract §2 consent Y/N)
 * @param zone    the zone of the point itself (e.g. a phone number's area); null when unknown
 */
public record ContactPointFacts(String id, String type, boolean valid, boolean consent, ZoneId zone) {

    public ContactPointFacts {
        Objects.requireNonNull(id, "id");
    }
}

package org.recoup.engine.segmentation;

import java.util.Objects;

/**
 * What is known about the debtor.
 *
 * @param age              years; null if unknown
 * @param complaint        a major complaint against the lender is open
 * @param knownIncome      a current income source is on file (employer, pension, business turnover)
 * @param knownAssets      attachable assets are on file (property, vehicle, deposits)
 * @param declaredHardship the debtor has stated, or evidence shows, inability to pay (job loss, illness, 三角债)
 */
public record PartyProfile(
        PartyType type,
        Occupation occupation,
        Integer age,
        boolean deceased,
        boolean bankrupt,
        boolean incarcerated,
        boolean complaint,
        boolean knownIncome,
        boolean knownAssets,
        boolean declaredHardship) {

    public static final PartyProfile UNKNOWN_PERSON =
            new PartyProfile(PartyType.PERSON, Occupation.UNKNOWN, null, false, false, false, false, false, false, false);

    public PartyProfile {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occupation, "occupation");
        if (age != null && (age < 0 || age > 150)) {
            throw new IllegalArgumentException("age out of range: " + age);
        }
    }
}

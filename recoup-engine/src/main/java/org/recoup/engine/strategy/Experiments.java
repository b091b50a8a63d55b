package org.recoup.engine.strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.recoup.engine.segmentation.Segment;

/**
 * Assigns cases to experiment arms by a stable hash, never {@code Random}: the same case stays in the same arm on every
 * run and every machine, and arms of different experiments are independent because the experiment id is hashed too.
 *
 * <p>Position of a case = the first 53 bits of SHA-256(experimentId, 0x00, caseId) as a number in [0, 1). Arms take
 * consecutive slices of [0, 1) in their listed order, control last.
 */
public final class Experiments {

    private Experiments() {
    }

    /** The arm of a case in an experiment; {@link Arm#CONTROL} for the champion's slice. */
    public static Arm armFor(String caseId, Experiment experiment) {
        double position = position(caseId, experiment.id());
        double upTo = 0;
        for (Arm arm : experiment.arms()) {
            upTo += arm.share();
            if (position < upTo) {
                return arm;
            }
        }
        return Arm.control(experiment.controlShare());
    }

    /** The arm of a case whose segment the experiment covers; empty when the case is not part of it. */
    public static Optional<Arm> armFor(String caseId, Segment segment, Experiment experiment) {
        return experiment.covers(segment) ? Optional.of(armFor(caseId, experiment)) : Optional.empty();
    }

    /** A stable, uniform position in [0, 1) of a case within an experiment. */
    public static double position(String caseId, String experimentId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        sha256.update(experimentId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        byte[] digest = sha256.digest(caseId.getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }
}

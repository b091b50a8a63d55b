package org.recoup.app.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the keys of a file that may occur more than once, while the file streams by, in fixed memory: a Bloom filter
 * of {@value #BITS_LOG2}-bit size (32 MB) remembers the keys seen; a key that hits it is a candidate (a real duplicate
 * or, rarely, a false positive). The exact check then only looks at rows with candidate keys
 * ({@link ImportChecks}), instead of grouping millions of staged rows. No duplicate can be missed: a Bloom filter has
 * no false negatives. When there are more than {@value #MAX_CANDIDATES} candidates the filter gives up
 * ({@link #overflowed()}) and the exact check groups the whole file.
 */
final class ImportDuplicateFilter {

    static final int BITS_LOG2 = 28;
    static final int MAX_CANDIDATES = 100_000;
    private static final int HASHES = 5;
    private static final long MASK = (1L << BITS_LOG2) - 1;

    private final long[] bits = new long[1 << (BITS_LOG2 - 6)];
    private final List<Object[]> candidates = new ArrayList<>();
    private boolean overflowed;

    void reset() {
        Arrays.fill(bits, 0L);
        candidates.clear();
        overflowed = false;
    }

    /** Remembers the key at {@code positions} of {@code values}; a key with a null part is not a key and is skipped. */
    void add(Object[] values, int[] positions) {
        long h = 0x9E3779B97F4A7C15L;
        for (int p : positions) {
            Object part = values[p];
            if (part == null) {
                return;
            }
            h = mix(h ^ hash(part));
        }
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        boolean seen = true;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + (long) i * h2) & MASK;
            int word = (int) (bit >>> 6);
            long m = 1L << bit;
            if ((bits[word] & m) == 0) {
                seen = false;
                bits[word] |= m;
            }
        }
        if (seen && !overflowed) {
            if (candidates.size() == MAX_CANDIDATES) {
                overflowed = true;
                candidates.clear();
            } else {
                Object[] key = new Object[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    key[i] = values[positions[i]];
                }
                candidates.add(key);
            }
        }
    }

    /** Keys that may be duplicated (each listed once per repeat; empty when there are certainly none). */
    List<Object[]> candidates() {
        return candidates;
    }

    boolean overflowed() {
        return overflowed;
    }

    private static long hash(Object part) {
        if (part instanceof String s) {
            long h = 0xCBF29CE484222325L;
            for (int i = 0, n = s.length(); i < n; i++) {
                h = (h ^ s.charAt(i)) * 0x100000001B3L;
            }
            return mix(h);
        }
        return mix(part.hashCode() * 0xC2B2AE3D27D4EB4FL);
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93F53BCA8E5L;
        h ^= h >>> 33;
        return h;
    }
}

package org.recoup.engine.receivable;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The B2B receivables rules as data: 账龄 aging bands, risk classes, reminder levels and the 文收/武收 treatment tracks
 * with the rules that pick a customer's track. Every list is ordered; rules are first-match-wins.
 *
 * @param aging       bands of days past due covering every day from 0 without gaps (0 = not yet due)
 * @param riskClasses first matching rule names the customer's class (days past due of the oldest overdue item,
 *                    optionally only for insolvent customers — deceased or bankrupt)
 * @param reminders   levels by ascending {@code fromDays} (first ≥ 1): the level that applies is the last one whose
 *                    {@code fromDays} the oldest overdue item has reached
 * @param tracks      treatment tracks, e.g. SOFT (文收) and FIRM (武收): what each does
 * @param trackRules  first matching rule names the track; the last rule must match every customer
 */
public record ReceivablePolicy(int version, List<AgingBand> aging, List<RiskRule> riskClasses,
                               List<ReminderLevel> reminders, List<Track> tracks, List<TrackRule> trackRules) {

    /** An aging band {@code [fromDays, toDays]} of days past due; {@code toDays} null = no upper end. */
    public record AgingBand(String code, String label, int fromDays, Integer toDays) {
        public AgingBand {
            requireCode(code, "aging band code");
            label = label == null ? code : label;
        }

        boolean contains(int days) {
            return days >= fromDays && (toDays == null || days <= toDays);
        }
    }

    /** A risk class rule: matches when the oldest overdue days lie in the range and insolvency (when given) agrees. */
    public record RiskRule(String code, String label, int minDays, Integer maxDays, Boolean insolvent) {
        public RiskRule {
            requireCode(code, "risk class code");
            label = label == null ? code : label;
            if (minDays < 0 || (maxDays != null && maxDays < minDays)) {
                throw new IllegalArgumentException("risk class " + code + ": need 0 <= minDays <= maxDays");
            }
        }

        boolean matches(int days, boolean insolventCustomer) {
            return days >= minDays && (maxDays == null || days <= maxDays)
                    && (insolvent == null || insolvent == insolventCustomer);
        }
    }

    /** A reminder letter level: applies from {@code fromDays} past due; {@code title}/{@code body} are the letter text. */
    public record ReminderLevel(String code, String label, int fromDays, String title, String body) {
        public ReminderLevel {
            requireCode(code, "reminder level code");
            label = label == null ? code : label;
            title = title == null ? label : title;
            body = body == null ? "" : body;
        }
    }

    /**
     * A treatment track. {@code maxReminderLevel}: the highest reminder level letters of this track reach;
     * {@code channels}: the channels the team uses; {@code callWindow}: when to call (e.g. "15:00-16:00");
     * {@code description}: what the track does, shown to the team.
     */
    public record Track(String code, String label, String maxReminderLevel, List<String> channels, String callWindow,
                        String description) {
        public Track {
            requireCode(code, "track code");
            label = label == null ? code : label;
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /** A track rule: every given condition must hold (null = any). */
    public record TrackRule(String track, Integer minDaysPastDue, Boolean overLimit, List<String> riskClasses) {
        public TrackRule {
            Objects.requireNonNull(track, "track rule: track");
            riskClasses = riskClasses == null ? null : List.copyOf(riskClasses);
        }

        boolean catchAll() {
            return minDaysPastDue == null && overLimit == null && riskClasses == null;
        }

        boolean matches(int days, boolean over, String riskClass) {
            return (minDaysPastDue == null || days >= minDaysPastDue) && (overLimit == null || overLimit == over)
                    && (riskClasses == null || riskClasses.contains(riskClass));
        }
    }

    public ReceivablePolicy {
        aging = List.copyOf(Objects.requireNonNull(aging, "aging"));
        riskClasses = List.copyOf(Objects.requireNonNull(riskClasses, "riskClasses"));
        reminders = List.copyOf(Objects.requireNonNull(reminders, "reminders"));
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        trackRules = List.copyOf(Objects.requireNonNull(trackRules, "trackRules"));
        validateAging(aging);
        validateRisk(riskClasses);
        validateReminders(reminders);
        validateTracks(tracks, trackRules, reminders, riskClasses);
    }

    public ReceivablePolicy withVersion(int v) {
        return new ReceivablePolicy(v, aging, riskClasses, reminders, tracks, trackRules);
    }

    public AgingBand agingBand(int daysPastDue) {
        return aging.stream().filter(b -> b.contains(daysPastDue)).findFirst().orElseThrow();
    }

    public RiskRule riskClass(int oldestDaysPastDue, boolean insolvent) {
        return riskClasses.stream().filter(r -> r.matches(oldestDaysPastDue, insolvent)).findFirst().orElseThrow();
    }

    public Track track(int oldestDaysPastDue, boolean overLimit, String riskClass) {
        String code = trackRules.stream().filter(r -> r.matches(oldestDaysPastDue, overLimit, riskClass))
                .findFirst().orElseThrow().track();
        return tracks.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    /** Position of a level in {@link #reminders} (0 = mildest), or -1 for an unknown code. */
    public int rank(String level) {
        for (int i = 0; i < reminders.size(); i++) {
            if (reminders.get(i).code().equals(level)) {
                return i;
            }
        }
        return -1;
    }

    private static void requireCode(String code, String what) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException(what + " must be upper-case letters, digits or _, was '" + code + "'");
        }
    }

    private static void validateAging(List<AgingBand> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("aging: at least one band is required");
        }
        int expected = 0;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            AgingBand b = bands.get(i);
            if (!codes.add(b.code())) {
                throw new IllegalArgumentException("aging: band code " + b.code() + " is used twice");
            }
            if (b.fromDays() != expected) {
                throw new IllegalArgumentException("aging: band " + b.code() + " must start at day " + expected
                        + " (bands cover every day from 0 without gaps or overlaps), starts at " + b.fromDays());
            }
            if (b.toDays() == null) {
                if (i != bands.size() - 1) {
                    throw new IllegalArgumentException("aging: only the last band may be open-ended (" + b.code() + ")");
                }
                return;
            }
            if (b.toDays() < b.fromDays()) {
                throw new IllegalArgumentException("aging: band " + b.code() + " ends before it starts");
            }
            expected = b.toDays() + 1;
        }
        throw new IllegalArgumentException("aging: the last band must be open-ended (toDays empty)");
    }

    private static void validateRisk(List<RiskRule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("riskClasses: at least one rule is required");
        }
        int horizon = rules.stream().mapToInt(r -> Math.max(r.minDays(), r.maxDays() == null ? 0 : r.maxDays()))
                .max().orElse(0) + 1;
        for (int days = 0; days <= horizon; days++) {
            for (boolean insolvent : new boolean[] {false, true}) {
                final int d = days;
                if (rules.stream().noneMatch(r -> r.matches(d, insolvent))) {
                    throw new IllegalArgumentException("riskClasses: no rule matches a customer " + d
                            + " days past due" + (insolvent ? " who is insolvent" : ""));
                }
            }
        }
    }

    private static void validateReminders(List<ReminderLevel> levels) {
        int previous = 0;
        Set<String> codes = new HashSet<>();
        for (ReminderLevel level : levels) {
            if (!codes.add(level.code())) {
                throw new IllegalArgumentException("reminders: level code " + level.code() + " is used twice");
            }
            if (level.fromDays() <= previous) {
                throw new IllegalArgumentException("reminders: level " + level.code()
                        + " must start after day " + previous + " (levels ascend from day 1)");
            }
            previous = level.fromDays();
        }
    }

    private static void validateTracks(List<Track> tracks, List<TrackRule> rules, List<ReminderLevel> levels,
                                       List<RiskRule> riskRules) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("tracks: at least one track is required");
        }
        Set<String> codes = new HashSet<>();
        Set<String> levelCodes = new HashSet<>();
        levels.forEach(l -> levelCodes.add(l.code()));
        for (Track t : tracks) {
            if (!codes.add(t.code())) {
                throw new IllegalArgumentException("tracks: track code " + t.code() + " is used twice");
            }
            if (t.maxReminderLevel() != null && !levelCodes.contains(t.maxReminderLevel())) {
                throw new IllegalArgumentException("tracks: track " + t.code() + " names unknown reminder level "
                        + t.maxReminderLevel());
            }
        }
        Set<String> classes = new HashSet<>();
        riskRules.forEach(r -> classes.add(r.code()));
        if (rules.isEmpty() || !rules.getLast().catchAll()) {
            throw new IllegalArgumentException("trackRules: the last rule must have no conditions (it catches every customer)");
        }
        for (TrackRule r : rules) {
            if (!codes.contains(r.track())) {
                throw new IllegalArgumentException("trackRules: unknown track " + r.track());
            }
            if (r.riskClasses() != null && !classes.containsAll(r.riskClasses())) {
                throw new IllegalArgumentException("trackRules: unknown risk class in " + r.riskClasses());
            }
        }
    }
}

package org.recoup.app.dailyrun;

import java.util.ArrayList;
import java.util.List;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.strategy.Decision;
import org.recoup.engine.strategy.RuleOutcome;
import org.recoup.engine.strategy.Treatment;

/** What the run concluded for one account: its state, case, segment and the strategy's decision. */
record AccountDecision(DelinquencyState state, String caseId, String partyId, Segment segment, Decision decision,
                       String experimentId, String reach) {

    /** The decision's treatments, each with the id of the rule that produced it (fired rule first, then always rules). */
    List<RuledTreatment> ruledTreatments() {
        List<String> rules = new ArrayList<>();
        if (decision.firedRuleId() != null) {
            rules.add(decision.firedRuleId());
        }
        for (RuleOutcome o : decision.trace()) {
            if (o.always() && o.matched()) {
                rules.add(o.ruleId());
            }
        }
        List<RuledTreatment> out = new ArrayList<>(decision.treatments().size());
        for (int i = 0; i < decision.treatments().size(); i++) {
            out.add(new RuledTreatment(decision.treatments().get(i), i < rules.size() ? rules.get(i) : null));
        }
        return out;
    }

    /**
     * One line per explanation entry: the segment's reasons, then the rule that fired (with how many rules before it
     * did not match), every always rule that matched, and any rule that could not be evaluated.
     */
    List<String> explanation() {
        List<String> lines = new ArrayList<>(segment.explanation());
        int notMatched = 0;
        for (RuleOutcome o : decision.trace()) {
            if (o.error() != null) {
                lines.add("rule " + o.ruleId() + ": not evaluated (" + o.error() + ")");
            } else if (o.matched() && o.ruleId().equals(decision.firedRuleId())) {
                lines.add("rule " + o.ruleId() + ": matched — fired (" + notMatched + " earlier rules did not match)");
            } else if (o.matched()) {
                lines.add("always rule " + o.ruleId() + ": matched");
            } else if (!o.always()) {
                notMatched++;
            }
        }
        if (decision.firedRuleId() == null) {
            lines.add("no rule of " + decision.strategyId() + " v" + decision.version() + " matched (" + notMatched
                    + " evaluated)");
        }
        return lines;
    }

    record RuledTreatment(Treatment treatment, String ruleId) {

        /** The stored form: {@code ACTION|priority|script|template|tier|rule}, empty for none. */
        String line() {
            Treatment t = treatment;
            return t.action() + "|" + t.priority() + "|" + nz(t.script()) + "|" + nz(t.template()) + "|" + nz(t.tier())
                    + "|" + nz(ruleId);
        }

        static RuledTreatment parse(String line) {
            String[] f = line.split("\\|", -1);
            org.recoup.engine.strategy.Treatment t = new org.recoup.engine.strategy.Treatment(
                    org.recoup.engine.strategy.Action.valueOf(f[0]), Integer.parseInt(f[1]), blank(f[2]), blank(f[3]),
                    blank(f[4]));
            return new RuledTreatment(t, f.length > 5 ? blank(f[5]) : null);
        }

        private static String nz(String s) {
            return s == null ? "" : s.replace('|', '/').replace('\n', ' ');
        }

        private static String blank(String s) {
            return s.isEmpty() ? null : s;
        }
    }
}

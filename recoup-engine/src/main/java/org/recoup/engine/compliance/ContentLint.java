package org.recoup.engine.compliance;

import static org.recoup.engine.compliance.ReasonCode.CASH_COLLECTION;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_ABUSIVE;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_DEBT_TO_THIRD_PARTY;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_FALSE_LEGAL;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_IMPERSONATION;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_SHAMING;
import static org.recoup.engine.compliance.ReasonCode.CONTENT_THREAT;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a message or script for conduct the regulators forbid (PRACTICE.md §6; CBA 催收工作指引, Regulation F
 * §§1006.14/1006.18, CONC 7.9/7.11), in Simplified Chinese and English. Rules are data ({@link LintRule}); the
 * defaults are written so that a plain reminder (who, how much, by when, how to pay, how to reach us) passes and the
 * pressure lines of the seed "三步走" templates do not.
 * <p>
 * Offsets are {@code String} indexes (UTF-16 code units) into the original text, end exclusive.
 */
public final class ContentLint {

    /** One problem found: code, span {@code [start, end)}, message and the rule that found it. */
    public record Finding(ReasonCode code, int start, int end, String message, String rule) {
    }

    private static final ContentLint DEFAULTS = new ContentLint(defaultRules());

    private final List<LintRule> rules;
    /** Per rule, the characters a match can start with (null: try everywhere); see {@link FirstChars}. */
    private final BitSet[] starts;

    public ContentLint(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
        this.starts = new BitSet[this.rules.size()];
        for (int i = 0; i < starts.length; i++) {
            Pattern pattern = this.rules.get(i).pattern();
            starts[i] = FirstChars.of(pattern.pattern(), (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0);
        }
    }

    public static ContentLint defaults() {
        return DEFAULTS;
    }

    public List<LintRule> rules() {
        return rules;
    }

    /**
     * All findings in {@code text}, ordered by position. {@code channel} selects channel-specific rules (the defaults
     * apply to every channel; null = all rules). {@code recipientRole} null means "unknown", treated as a liable
     * party (the gate always passes the real role).
     */
    public List<Finding> lint(String text, Channel channel, PartyRole recipientRole) {
        Objects.requireNonNull(text, "text");
        boolean thirdParty = recipientRole != null && !recipientRole.isLiable();
        List<Finding> findings = new ArrayList<>();
        int length = text.length();
        for (int r = 0; r < rules.size(); r++) {
            LintRule rule = rules.get(r);
            if (!rule.appliesTo(channel, thirdParty)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            BitSet start = starts[r];
            if (start == null) {
                while (m.find()) {
                    findings.add(finding(rule, m));
                }
                continue;
            }
            // the same matches as find(): leftmost first, then on from the end of each match
            m.useTransparentBounds(true).useAnchoringBounds(false);
            for (int i = 0; i < length; i++) {
                if (start.get(text.charAt(i)) && m.region(i, length).lookingAt()) {
                    findings.add(finding(rule, m));
                    i = Math.max(i, m.end() - 1);
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return List.copyOf(findings);
    }

    private static Finding finding(LintRule rule, Matcher m) {
        return new Finding(rule.code(), m.start(), m.end(), rule.message() + ": «" + m.group() + "»", rule.id());
    }

    /** The shipped rules; docs/compliance.md lists them with examples. */
    public static List<LintRule> defaultRules() {
        return List.of(
                // --- threats: violence, detention, "we know where you live", vague menace -------------------------
                LintRule.of("threat.zh.violence", CONTENT_THREAT,
                        "打(断|死|残)|弄死|砍(死|你)|泼(油)?漆|人身安全|小心(点|你的|你家)|后果自负|走着瞧|"
                                + "(承担|负责)(一切|所有|全部)(的)?后果|愿意承担所有后果|知道你(家)?(住)?在哪|"
                                + "对您(的)?(生活|家人|家庭|工作)造成(影响|困扰|麻烦)|比我更狠|上门抓人|抓(你|人)",
                        "threat of harm, detention or unspecified consequences"),
                LintRule.of("threat.en.violence", CONTENT_THREAT,
                        "\\b(hurt|harm|kill|beat)\\s+(you|your)\\b|\\bviolence\\b|\\bwe know where you (live|work)\\b|"
                                + "\\b(you will|you'll) (be )?(arrested|jailed|detained|regret)\\b|\\bface the consequences\\b|"
                                + "\\b(arrest|jail|prison|detention)\\b",
                        "threat of harm, arrest or detention"),
                // --- false or misleading legal statements ---------------------------------------------------------
                LintRule.of("legal.zh.false-proceedings", CONTENT_FALSE_LEGAL,
                        "已(经)?(被)?(起诉|立案|提起诉讼)|法院传票|传票|立案|提请诉讼|诉前(阶段|联调|调解)|司法介入|"
                                + "案件排期|(违约|逾期|欠款|诈骗)案|调查取证|(外访)?取证(阶段)?|财产保全|强制执行|"
                                + "失信被执行人|列入黑名单",
                        "states or implies legal proceedings that no court has decided"),
                LintRule.of("legal.zh.criminal-framing", CONTENT_FALSE_LEGAL,
                        "刑事|诈骗罪|拒执罪|犯罪|拘留|逮捕|坐牢|判刑|恶意(拖欠|透支)|通缉|上门抓人",
                        "frames a civil debt as a crime"),
                LintRule.of("legal.en.false-proceedings", CONTENT_FALSE_LEGAL,
                        "(?<!\\bno\\s)\\b(lawsuit|claim|case|proceedings?) (has|have) been (filed|issued|started)\\b|\\bwe have (filed|issued|started)\\b|"
                                + "\\b(court )?summons\\b|\\bwarrant\\b|\\bcriminal\\b|\\bfraud\\b|\\bprosecut\\w*|"
                                + "\\bgarnish\\w* your (wages|salary)\\b|\\bseize your\\b",
                        "states or implies legal action or criminal liability that is not real"),
                // --- shaming: disclosure to community, employer, family, contacts -------------------------------
                LintRule.of("shaming.zh.disclosure", CONTENT_SHAMING,
                        "村委(会)?|居委(会)?|(工作)?单位|领导|亲友|亲戚|同事|邻居|朋友圈|曝光|通讯录|户(籍|藉)(所在地)?|"
                                + "(跟|向|告诉|通知|联系)(您的|你的)?家人|工作地",
                        "threatens to involve or tell the community, employer, family or contacts"),
                LintRule.of("shaming.en.disclosure", CONTENT_SHAMING,
                        "\\b(tell|inform|notify|contact|call|visit)\\s+(your\\s+)?(employer|boss|family|relatives|neighbou?rs|"
                                + "friends|colleagues|co-?workers|contacts)\\b|\\bsocial media\\b|\\bexpose you\\b|\\bpublic(ly)? (list|name)",
                        "threatens disclosure to third parties"),
                // --- impersonating an authority ---------------------------------------------------------------------
                LintRule.of("impersonation.zh.authority", CONTENT_IMPERSONATION,
                        "公安|警察|派出所|法院|法官|检察院|政府|律师函|相关部门|司法机关|执行局",
                        "invokes or impersonates an authority"),
                LintRule.of("impersonation.en.authority", CONTENT_IMPERSONATION,
                        "\\b(police|sheriff|bailiff|marshal)\\b|\\b(on behalf of|from) the court\\b|\\bcourt officer\\b|"
                                + "\\bgovernment (agency|department|official)\\b|\\battorney general\\b",
                        "invokes or impersonates an authority"),
                // --- insults ----------------------------------------------------------------------------------------
                LintRule.of("abusive.zh.insult", CONTENT_ABUSIVE,
                        "老赖|骗子|不要脸|畜生|废物|王八蛋|混蛋|去死|垃圾人|无赖|死全家|人渣|贱人",
                        "insult"),
                LintRule.of("abusive.en.insult", CONTENT_ABUSIVE,
                        "\\b(deadbeat|liar|scum|idiot|stupid|loser|thief|shameless|worthless|moron|parasite)\\b",
                        "insult"),
                // --- cash --------------------------------------------------------------------------------------------
                LintRule.of("cash.collection", CASH_COLLECTION,
                        "现金|上门收(款|钱)|当面(交|收|付)(款|钱)?|交给(外访|工作|催收)人员|"
                                + "\\b(pay|paid|payment|collect\\w*)\\s+(\\w+\\s+){0,3}(in|by)?\\s*cash\\b|\\bcash (payment|collection)\\b",
                        "asks for cash (payments go only to the creditor's account)"),
                // --- the debt told to someone who does not owe it -----------------------------------------------
                LintRule.toThirdParty("third-party.debt", CONTENT_DEBT_TO_THIRD_PARTY,
                        "欠款|欠债|欠钱|借款|贷款|债务|逾期|还款|催收|信用卡|金额|\\d+(\\.\\d+)?\\s*元|"
                                + "\\{(amount|dueDate|accountId|overdue)\\}|"
                                + "\\b(debt|owes?|owed|overdue|arrears|amount|balance|loan|repay\\w*|collection|outstanding)\\b|"
                                + "[$£¥€]\\s*\\d",
                        "reveals the debt to a third party"));
    }
}

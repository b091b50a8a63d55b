package org.recoup.app.strategy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recoup.engine.strategy.Action;
import org.recoup.engine.strategy.CompiledStrategy;
import org.recoup.engine.strategy.Rule;
import org.recoup.engine.strategy.StrategyCompiler;
import org.recoup.engine.strategy.StrategyDocument;
import org.recoup.engine.strategy.StrategyValidationException;
import org.recoup.engine.strategy.Treatment;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A strategy's YAML text ↔ {@link StrategyDocument}, with every problem placed at its rule and line.
 *
 * <p>The text is read as a YAML node tree (never constructed into Java objects, so no type tags run), with the keys
 * of {@code consumer-default.yaml}: top level {@code id, version, rules}; a rule {@code id, when, then, always, cites};
 * a treatment {@code action, priority, script, template, tier}. Unknown keys, duplicate keys, custom tags, a bad action
 * or priority are refused; then the document goes through {@link StrategyCompiler}, whose problems (CEL syntax, unknown
 * facts, types, cost limits) are moved from the condition's own line to the YAML line.
 */
final class StrategyYaml {

    /** Longest YAML text accepted (characters). */
    static final int MAX_CHARS = 200_000;

    private static final Set<String> TOP_KEYS = Set.of("id", "version", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "when", "then", "always", "cites");
    private static final Set<String> THEN_KEYS = Set.of("action", "priority", "script", "template", "tier");
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT, Tag.MAP, Tag.SEQ);
    private static final Set<String> CONDITION_CODES = Set.of("SYNTAX", "UNKNOWN_FACT", "TYPE", "NOT_BOOLEAN",
            "TOO_LONG", "TOO_COMPLEX", "NESTED_COMPREHENSION");
    private static final Pattern RULE_START = Pattern.compile("^\\s*-\\s+id\\s*:\\s*[\"']?([^\"'#\\s]+)");
    private static final Pattern VERSION_LINE = Pattern.compile("^(\\s*version\\s*:\\s*)([^\\s#]+)(.*)$");

    /** A checked document: what it says and its compiled form. */
    record Checked(StrategyDocument document, CompiledStrategy compiled) {
    }

    private StrategyYaml() {
    }

    /** Line breaks as {@code \n}: stored texts and line numbers do not depend on the author's editor. */
    static String normalize(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Parses and compiles a strategy.
     *
     * @param version the version to give the document (the server numbers versions); null keeps the text's own
     * @throws InvalidStrategyException with every problem found
     */
    static Checked check(String text, Integer version) {
        Reading reading = new Reading(normalize(text));
        StrategyDocument document = reading.read(version);
        CompiledStrategy compiled = null;
        try {
            compiled = StrategyCompiler.compile(document);
        } catch (StrategyValidationException e) {
            for (StrategyValidationException.Problem p : e.problems()) {
                reading.place(p);
            }
        }
        if (!reading.errors.isEmpty()) {
            List<StrategyError> errors = new ArrayList<>(reading.errors);
            errors.sort(Comparator.comparingInt(StrategyError::line));
            throw new InvalidStrategyException(errors);
        }
        return new Checked(document, compiled);
    }

    /**
     * The text with its top-level {@code version:} set to {@code version} (replaced in place, or added below {@code id:}),
     * everything else (comments, layout) untouched. The text must have passed {@link #check}.
     */
    static String withVersion(String text, int version) {
        String normalized = normalize(text);
        Node root = compose(normalized);
        if (!(root instanceof MappingNode mapping) || mapping.getFlowStyle() != DumperOptions.FlowStyle.BLOCK) {
            throw new InvalidStrategyException(List.of(new StrategyError(null, 1, "STRUCTURE",
                    "write the strategy as a block mapping, one key per line (id:, version:, rules:)")));
        }
        String[] lines = normalized.split("\n", -1);
        NodeTuple idTuple = null;
        for (NodeTuple t : mapping.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if ("version".equals(key)) {
                int line = t.getValueNode().getStartMark().getLine();
                Matcher m = VERSION_LINE.matcher(lines[line]);
                if (!m.matches() || t.getKeyNode().getStartMark().getLine() != line) {
                    throw new InvalidStrategyException(List.of(new StrategyError(null, line + 1, "STRUCTURE",
                            "write the version on one line: version: " + version)));
                }
                lines[line] = m.group(1) + version + m.group(3);
                return String.join("\n", lines);
            }
            if ("id".equals(key)) {
                idTuple = t;
            }
        }
        if (idTuple == null) {
            throw new InvalidStrategyException(List.of(new StrategyError(null, 1, "STRUCTURE", "a strategy needs an id")));
        }
        int idLine = idTuple.getValueNode().getEndMark().getLine();
        String indent = " ".repeat(idTuple.getKeyNode().getStartMark().getColumn());
        List<String> out = new ArrayList<>(List.of(lines));
        out.add(idLine + 1, indent + "version: " + version);
        return String.join("\n", out);
    }

    /**
     * A document as YAML in the layout of {@code consumer-default.yaml} (one rule per item, the treatment as a flow
     * mapping); {@link #check} reads it back as the same document.
     */
    static String write(StrategyDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("id: ").append(scalar(document.id())).append('\n');
        out.append("version: ").append(document.version()).append('\n');
        out.append("rules:\n");
        for (Rule rule : document.rules()) {
            out.append("  - id: ").append(scalar(rule.id())).append('\n');
            if (rule.always()) {
                out.append("    always: true\n");
            }
            out.append("    when: ").append(quoted(rule.when())).append('\n');
            Treatment t = rule.then();
            out.append("    then: { action: ").append(t.action().name()).append(", priority: ").append(t.priority());
            if (t.script() != null) {
                out.append(", script: ").append(scalar(t.script()));
            }
            if (t.template() != null) {
                out.append(", template: ").append(scalar(t.template()));
            }
            if (t.tier() != null) {
                out.append(", tier: ").append(scalar(t.tier()));
            }
            out.append(" }\n");
            if (rule.cites() != null) {
                out.append("    cites: ").append(quoted(rule.cites())).append('\n');
            }
        }
        return out.toString();
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    /** A plain scalar when that reads back as the same text, else a double-quoted one. */
    private static String scalar(String value) {
        return PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT)) ? value
                : quoted(value);
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(16);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CHARS * 4);
        return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    }

    /** One pass over a text: the document read so far, the problems and where each rule and condition is. */
    private static final class Reading {

        private final String text;
        private final List<StrategyError> errors = new ArrayList<>();
        private final Map<String, Integer> ruleLines = new HashMap<>();
        private final Map<String, ScalarNode> conditions = new HashMap<>();
        private int idLine = 1;
        private int versionLine = 1;
        private int rulesLine = 1;

        Reading(String text) {
            this.text = text;
        }

        StrategyDocument read(Integer assignedVersion) {
            if (text.isBlank()) {
                errors.add(new StrategyError(null, 1, "STRUCTURE", "the strategy is empty"));
                return new StrategyDocument("unnamed", 1, List.of());
            }
            if (text.length() > MAX_CHARS) {
                errors.add(new StrategyError(null, 1, "STRUCTURE",
                        "the strategy is " + text.length() + " characters; the limit is " + MAX_CHARS));
                return new StrategyDocument("unnamed", 1, List.of());
            }
            Node root;
            try {
                root = compose(text);
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                        : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 1;
                String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
                String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
                errors.add(new StrategyError(ruleAround(line), line, "YAML", "YAML syntax: " + problem + context));
                return new StrategyDocument("unnamed", 1, List.of());
            } catch (YAMLException e) {
                errors.add(new StrategyError(null, 1, "YAML", "YAML: " + e.getMessage()));
                return new StrategyDocument("unnamed", 1, List.of());
            }
            if (!(root instanceof MappingNode top)) {
                errors.add(new StrategyError(null, root == null ? 1 : line(root), "STRUCTURE",
                        "a strategy is a mapping with id, version and rules"));
                return new StrategyDocument("unnamed", 1, List.of());
            }
            String id = null;
            Integer version = null;
            List<Rule> rules = new ArrayList<>();
            boolean sawRules = false;
            for (NodeTuple t : keys(top, TOP_KEYS, null)) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                Node value = t.getValueNode();
                switch (key) {
                    case "id" -> {
                        idLine = line(t.getKeyNode());
                        id = string(value, null, "id");
                    }
                    case "version" -> {
                        versionLine = line(t.getKeyNode());
                        version = integer(value, null, "version");
                    }
                    default -> {
                        rulesLine = line(t.getKeyNode());
                        sawRules = true;
                        readRules(value, rules);
                    }
                }
            }
            if (id == null && errors.stream().noneMatch(e -> e.line() == idLine && e.rule() == null)) {
                errors.add(new StrategyError(null, idLine, "STRUCTURE", "a strategy needs an id"));
            }
            if (!sawRules) {
                errors.add(new StrategyError(null, line(top), "STRUCTURE", "a strategy needs rules"));
            }
            // a text without a version is fine (the server numbers versions); it is checked as version 1
            int effective = assignedVersion != null ? assignedVersion : version != null ? version : 1;
            return new StrategyDocument(id == null ? "unnamed" : id, effective, rules);
        }

        private void readRules(Node value, List<Rule> rules) {
            if (!(value instanceof SequenceNode seq)) {
                errors.add(new StrategyError(null, line(value), "STRUCTURE", "rules must be a list of rules"));
                return;
            }
            Set<String> ids = new HashSet<>();
            int n = 0;
            for (Node item : seq.getValue()) {
                n++;
                String label = "#" + n;
                if (!(item instanceof MappingNode mapping)) {
                    errors.add(new StrategyError(label, line(item), "STRUCTURE",
                            "a rule is a mapping with id, when and then"));
                    continue;
                }
                for (NodeTuple t : mapping.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && "id".equals(k.getValue())
                            && t.getValueNode() instanceof ScalarNode v && !v.getValue().isBlank()) {
                        label = v.getValue();
                    }
                }
                int errorsBefore = errors.size();
                String ruleId = null;
                String when = null;
                Treatment then = null;
                boolean always = false;
                String cites = null;
                ScalarNode whenNode = null;
                for (NodeTuple t : keys(mapping, RULE_KEYS, label)) {
                    String key = ((ScalarNode) t.getKeyNode()).getValue();
                    Node v = t.getValueNode();
                    switch (key) {
                        case "id" -> ruleId = string(v, label, "id");
                        case "when" -> {
                            when = string(v, label, "when");
                            whenNode = v instanceof ScalarNode s ? s : null;
                        }
                        case "then" -> then = treatment(v, label);
                        case "always" -> always = bool(v, label, "always");
                        default -> cites = string(v, label, "cites");
                    }
                }
                if (ruleId == null && errors.size() == errorsBefore) {
                    errors.add(new StrategyError(label, line(item), "STRUCTURE", "a rule needs an id"));
                }
                if (ruleId != null && !ids.add(ruleId)) {
                    errors.add(new StrategyError(label, line(item), "RULE", "duplicate rule id '" + ruleId
                            + "' (first at line " + ruleLines.get(ruleId) + ")"));
                    continue;
                }
                if (errors.size() > errorsBefore) {
                    continue;
                }
                ruleLines.put(ruleId, line(item));
                if (whenNode != null) {
                    conditions.put(ruleId, whenNode);
                }
                rules.add(new Rule(ruleId, when, then, always, cites));
            }
        }

        private Treatment treatment(Node node, String rule) {
            if (!(node instanceof MappingNode mapping)) {
                errors.add(new StrategyError(rule, line(node), "STRUCTURE",
                        "then must be a mapping: { action: CALL, priority: 60, script: … }"));
                return null;
            }
            Action action = null;
            Integer priority = null;
            String script = null;
            String template = null;
            String tier = null;
            boolean bad = false;
            for (NodeTuple t : keys(mapping, THEN_KEYS, rule)) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                Node v = t.getValueNode();
                switch (key) {
                    case "action" -> {
                        String name = string(v, rule, "action");
                        if (name != null) {
                            try {
                                action = Action.valueOf(name);
                            } catch (IllegalArgumentException unknown) {
                                errors.add(new StrategyError(rule, line(v), "BAD_VALUE", "unknown action '" + name
                                        + "'; expected one of " + List.of(Action.values())));
                                bad = true;
                            }
                        } else {
                            bad = true;
                        }
                    }
                    case "priority" -> {
                        priority = integer(v, rule, "priority");
                        if (priority != null && (priority < 0 || priority > 100)) {
                            errors.add(new StrategyError(rule, line(v), "BAD_VALUE",
                                    "priority must be within 0..100, was " + priority));
                            priority = null;
                        }
                        bad |= priority == null;
                    }
                    case "script" -> script = string(v, rule, "script");
                    case "template" -> template = string(v, rule, "template");
                    default -> tier = string(v, rule, "tier");
                }
            }
            if (action == null && !bad) {
                errors.add(new StrategyError(rule, line(node), "STRUCTURE", "then needs an action"));
                bad = true;
            }
            if (priority == null && !bad) {
                errors.add(new StrategyError(rule, line(node), "STRUCTURE", "then needs a priority (0..100)"));
                bad = true;
            }
            return bad || action == null || priority == null ? null
                    : new Treatment(action, priority, script, template, tier);
        }

        /** The tuples of a mapping whose keys are known; unknown and duplicate keys are reported and skipped. */
        private List<NodeTuple> keys(MappingNode mapping, Set<String> known, String rule) {
            List<NodeTuple> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : mapping.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    errors.add(new StrategyError(rule, line(t.getKeyNode()), "STRUCTURE", "keys must be plain names"));
                    continue;
                }
                if (!known.contains(k.getValue())) {
                    errors.add(new StrategyError(rule, line(k), "UNKNOWN_KEY", "unknown key '" + k.getValue()
                            + "'; expected one of " + known.stream().sorted().toList()));
                } else if (!seen.add(k.getValue())) {
                    errors.add(new StrategyError(rule, line(k), "STRUCTURE", "key '" + k.getValue() + "' given twice"));
                } else if (allowedTag(t.getValueNode(), rule)) {
                    out.add(t);
                }
            }
            return out;
        }

        private boolean allowedTag(Node node, String rule) {
            if (!PLAIN_TAGS.contains(node.getTag())) {
                errors.add(new StrategyError(rule, line(node), "BAD_VALUE",
                        "YAML tags such as " + node.getTag() + " are not allowed"));
                return false;
            }
            return true;
        }

        private String string(Node node, String rule, String key) {
            if (node instanceof ScalarNode s && s.getTag() != Tag.NULL && !s.getValue().isBlank()) {
                return s.getValue();
            }
            errors.add(new StrategyError(rule, line(node), "BAD_VALUE", key + " must be a non-empty text"));
            return null;
        }

        private Integer integer(Node node, String rule, String key) {
            if (node instanceof ScalarNode s && s.getTag() == Tag.INT) {
                try {
                    return Integer.valueOf(s.getValue().replace("_", ""));
                } catch (NumberFormatException ignored) {
                    // fall through to the error
                }
            }
            errors.add(new StrategyError(rule, line(node), "BAD_VALUE", key + " must be a whole number"));
            return null;
        }

        private boolean bool(Node node, String rule, String key) {
            if (node instanceof ScalarNode s && s.getTag() == Tag.BOOL) {
                return Set.of("true", "yes", "on", "y").contains(s.getValue().toLowerCase(Locale.ROOT));
            }
            errors.add(new StrategyError(rule, line(node), "BAD_VALUE", key + " must be true or false"));
            return false;
        }

        /** Moves a compiler problem to its YAML line. */
        void place(StrategyValidationException.Problem p) {
            if (p.ruleId() == null) {
                if (!errors.isEmpty()) {
                    return; // "needs at least one rule" and the like follow from problems already reported
                }
                int line = p.message().startsWith("version") ? versionLine
                        : p.message().contains("id") ? idLine : rulesLine;
                errors.add(new StrategyError(null, line, p.code(), p.message()));
                return;
            }
            int line = ruleLines.getOrDefault(p.ruleId(), rulesLine);
            ScalarNode when = conditions.get(p.ruleId());
            if (when != null && CONDITION_CODES.contains(p.code())) {
                line = line(when);
                if (when.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL) {
                    // a "|" block: the condition starts on the next line, and its lines are the text's lines
                    line += Math.max(1, p.line());
                }
            }
            errors.add(new StrategyError(p.ruleId(), line, p.code(), p.message()));
        }

        /** The rule whose "- id:" line is nearest above {@code line}, for YAML syntax errors. */
        private String ruleAround(int line) {
            String[] lines = text.split("\n", -1);
            for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
                Matcher m = RULE_START.matcher(lines[i]);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }

        private static int line(Node node) {
            return node.getStartMark().getLine() + 1;
        }
    }
}

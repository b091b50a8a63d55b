package org.recoup.engine.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import org.recoup.engine.strategy.StrategyValidationException.Problem;

/**
 * Compiles a {@link StrategyDocument} once per version into a {@link CompiledStrategy}, or reports every problem.
 *
 * <h2>Cost is bounded (CEL has no I/O, so "unsafe" means "expensive")</h2>
 * <ul>
 *   <li>a condition is at most {@value #MAX_SOURCE_CHARS} characters and {@value #MAX_AST_NODES} AST nodes, with parse
 *       nesting at most {@value #MAX_PARSE_DEPTH};</li>
 *   <li>only the {@code exists}, {@code all} and {@code exists_one} macros are available ({@code map}/{@code filter}
 *       build lists and are not needed on a flat view); comprehensions may not nest, and every comprehension stops
 *       after {@value #MAX_COMPREHENSION_ITERATIONS} iterations at run time. The only list is {@code segment.tags}
 *       (≤ a dozen items), so a condition is O(nodes × tags);</li>
 *   <li>regular expressions ({@code matches}) run on RE2J, linear in the input;</li>
 *   <li>a strategy has at most {@value #MAX_RULES} rules.</li>
 * </ul>
 * Facts are declared with their types, so a misspelt fact ({@code account.dpdd}) or a type error fails here, and a
 * condition must be {@code bool}.
 */
public final class StrategyCompiler {

    public static final int MAX_RULES = 500;
    public static final int MAX_SOURCE_CHARS = 1_000;
    public static final int MAX_AST_NODES = 120;
    public static final int MAX_PARSE_DEPTH = 32;
    public static final int MAX_COMPREHENSION_ITERATIONS = 1_000;
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([A-Za-z_][A-Za-z0-9_]*)'");

    static final CelOptions RUNTIME_OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
            .build();

    /** Compiles one author's condition, with the tight limits. */
    private static final CelCompiler RULE_COMPILER = compiler(CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .maxExpressionCodePointSize(MAX_SOURCE_CHARS)
            .maxParseRecursionDepth(MAX_PARSE_DEPTH)
            .build());

    /** CEL's planner runtime: the AST planned once into evaluators, 2-3× the default interpreter here. */
    static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().setOptions(RUNTIME_OPTIONS).build();

    private StrategyCompiler() {
    }

    private static CelCompiler compiler(CelOptions options) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.EXISTS, CelStandardMacro.ALL, CelStandardMacro.EXISTS_ONE);
        for (FactsView.Variable v : FactsView.variables()) {
            builder.addVar(v.name(), v.type());
        }
        return builder.build();
    }

    public static CompiledStrategy compile(StrategyDocument document) {
        return compile(document, true);
    }

    /** {@code nativeFastPath = false} runs every condition on CEL: the reference the fast path is tested against. */
    static CompiledStrategy compile(StrategyDocument document, boolean nativeFastPath) {
        List<Problem> problems = new ArrayList<>();
        String id = document.id();
        if (id == null || id.isBlank()) {
            problems.add(new Problem(null, 0, 0, "DOCUMENT", "a strategy needs an id"));
        }
        if (document.version() < 1) {
            problems.add(new Problem(null, 0, 0, "DOCUMENT", "version must be at least 1, was " + document.version()));
        }
        if (document.rules().isEmpty()) {
            problems.add(new Problem(null, 0, 0, "DOCUMENT", "a strategy needs at least one rule"));
        }
        if (document.rules().size() > MAX_RULES) {
            problems.add(new Problem(null, 0, 0, "DOCUMENT",
                    document.rules().size() + " rules exceed the limit of " + MAX_RULES));
        }
        Set<String> ids = new HashSet<>();
        List<CompiledStrategy.CompiledRule> compiled = new ArrayList<>();
        for (int i = 0; i < document.rules().size(); i++) {
            Rule rule = document.rules().get(i);
            if (rule == null) {
                problems.add(new Problem(null, 0, 0, "RULE", "rule #" + (i + 1) + " is empty"));
                continue;
            }
            String ruleId = rule.id() == null ? "#" + (i + 1) : rule.id();
            if (rule.id() == null || !RULE_ID.matcher(rule.id()).matches()) {
                problems.add(new Problem(ruleId, 0, 0, "RULE",
                        "rule id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            } else if (!ids.add(rule.id())) {
                problems.add(new Problem(ruleId, 0, 0, "RULE", "duplicate rule id"));
            }
            if (rule.then() == null) {
                problems.add(new Problem(ruleId, 0, 0, "RULE", "rule has no treatment ('then')"));
            }
            CelAbstractSyntaxTree ast = checkCondition(ruleId, rule.when(), problems);
            if (ast != null && rule.then() != null) {
                try {
                    compiled.add(new CompiledStrategy.CompiledRule(rule, RUNTIME.createProgram(ast),
                            nativeFastPath ? NativeCondition.compile(ast) : null, referencedFacts(ast)));
                } catch (CelEvaluationException e) {
                    problems.add(new Problem(ruleId, 0, 0, "TYPE", e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new StrategyValidationException(id, problems);
        }
        return new CompiledStrategy(id, document.version(), compiled);
    }

    private static CelAbstractSyntaxTree checkCondition(String ruleId, String when, List<Problem> problems) {
        if (when == null || when.isBlank()) {
            problems.add(new Problem(ruleId, 0, 0, "RULE", "rule has no condition ('when'); write 'true' to always match"));
            return null;
        }
        if (when.length() > MAX_SOURCE_CHARS) {
            problems.add(new Problem(ruleId, 0, 0, "TOO_LONG",
                    "condition is " + when.length() + " characters; the limit is " + MAX_SOURCE_CHARS));
            return null;
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = RULE_COMPILER.compile(when).getAst();
        } catch (CelValidationException e) {
            for (CelIssue issue : e.getErrors()) {
                problems.add(problem(ruleId, when, issue));
            }
            return null;
        }
        boolean ok = true;
        if (!SimpleType.BOOL.equals(ast.getResultType())) {
            problems.add(new Problem(ruleId, 1, 1, "NOT_BOOLEAN",
                    "condition must be a bool but is " + ast.getResultType().name()));
            ok = false;
        }
        CelNavigableExpr root = CelNavigableAst.fromAst(ast).getRoot();
        long nodes = root.allNodes().count();
        if (nodes > MAX_AST_NODES) {
            problems.add(new Problem(ruleId, 0, 0, "TOO_COMPLEX",
                    "condition has " + nodes + " expression nodes; the limit is " + MAX_AST_NODES));
            ok = false;
        }
        boolean nested = root.allNodes()
                .filter(n -> n.getKind() == Kind.COMPREHENSION)
                .anyMatch(n -> {
                    for (var p = n.parent(); p.isPresent(); p = p.get().parent()) {
                        if (p.get().getKind() == Kind.COMPREHENSION) {
                            return true;
                        }
                    }
                    return false;
                });
        if (nested) {
            problems.add(new Problem(ruleId, 0, 0, "NESTED_COMPREHENSION",
                    "exists/all/exists_one may not be nested inside one another"));
            ok = false;
        }
        return ok ? ast : null;
    }

    /** A CEL issue with a 1-based position; "undeclared reference to 'account'" becomes "unknown fact account.dpdd". */
    private static Problem problem(String ruleId, String when, CelIssue issue) {
        int line = Math.max(1, issue.getSourceLocation().getLine());
        int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
        String message = issue.getMessage();
        Matcher undeclared = UNDECLARED.matcher(message);
        if (undeclared.find()) {
            String name = undeclared.group(1);
            String written = qualifiedNameAt(when, line, column - 1, name);
            Set<String> known = new TreeSet<>();
            for (FactsView.Variable v : FactsView.variables()) {
                if (v.name().startsWith(name + ".")) {
                    known.add(v.name());
                }
            }
            String hint = known.isEmpty() ? "known namespaces: " + FactsView.namespaces()
                    : closest(written, known).map(c -> "did you mean " + c + "?").orElse("known: " + known);
            return new Problem(ruleId, line, column, "UNKNOWN_FACT", "unknown fact '" + written + "'; " + hint);
        }
        String code = message.contains("found no matching overload") || message.contains("type") ? "TYPE" : "SYNTAX";
        return new Problem(ruleId, line, column, code, message);
    }

    private static String qualifiedNameAt(String source, int line, int column, String fallback) {
        String[] lines = source.split("\n", -1);
        if (line - 1 >= lines.length) {
            return fallback;
        }
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*").matcher(lines[line - 1]);
        return m.find(Math.min(column, lines[line - 1].length())) && m.start() == column ? m.group() : fallback;
    }

    private static java.util.Optional<String> closest(String written, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(written, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= 3 ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static List<String> referencedFacts(CelAbstractSyntaxTree ast) {
        Set<String> names = new TreeSet<>();
        for (CelReference ref : ast.getReferenceMap().values()) {
            if (FactsView.variable(ref.name()).isPresent()) {
                names.add(ref.name());
            }
        }
        return List.copyOf(names);
    }
}

package org.recoup.engine.strategy;

import java.util.ArrayList;
import java.util.List;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;

/**
 * A fast evaluator for the common subset of conditions — facts, literals, {@code && || !}, comparisons, {@code in},
 * {@code ? :} — compiled from the checked CEL AST into plain Java. It is an optimisation only: it answers
 * {@link Boolean#TRUE}/{@link Boolean#FALSE} when it is sure the CEL result is that, and {@link #UNSURE} otherwise
 * (absent fact, type it does not know, number too large to compare exactly…), in which case the caller evaluates the
 * rule's CEL program, which stays the reference semantics. {@link #compile} returns null for conditions outside the
 * subset; those always run on CEL.
 *
 * <p>Logic follows CEL's commutative, error-absorbing {@code &&}/{@code ||}: {@code false && x} and {@code x && false}
 * are false whatever {@code x} is.
 */
final class NativeCondition {

    /** "Ask CEL": the native evaluator cannot be sure of the CEL result. */
    static final Object UNSURE = new Object();
    private static final Object ABSENT = new Object();
    private static final long EXACT_DOUBLE = 1L << 53;

    /** Fact values of one case, read lazily and at most once per decision. */
    static final class Facts {
        private final StrategyFacts facts;
        private final Object[] values = new Object[FactsView.size()];

        Facts(StrategyFacts facts) {
            this.facts = facts;
        }

        Object get(int index) {
            Object v = values[index];
            if (v == null) {
                v = FactsView.read(index, facts);
                values[index] = v = v == null ? ABSENT : v;
            }
            return v;
        }
    }

    @FunctionalInterface
    interface Node {
        Object eval(Facts facts);
    }

    private final Node root;

    private NativeCondition(Node root) {
        this.root = root;
    }

    /** TRUE, FALSE or UNSURE. */
    Object eval(Facts facts) {
        Object v = root.eval(facts);
        return v instanceof Boolean ? v : UNSURE;
    }

    static NativeCondition compile(CelAbstractSyntaxTree ast) {
        Node root = node(ast, ast.getExpr());
        return root == null ? null : new NativeCondition(root);
    }

    private static Node node(CelAbstractSyntaxTree ast, CelExpr e) {
        switch (e.getKind()) {
            case IDENT, SELECT -> {
                var ref = ast.getReference(e.id());
                return ref.isPresent() ? fact(ref.get()) : null;
            }
            case CONSTANT -> {
                Object c = constant(e.constant());
                return c == null ? null : f -> c;
            }
            case LIST -> {
                List<Node> elements = new ArrayList<>();
                for (CelExpr element : e.list().elements()) {
                    Node n = node(ast, element);
                    if (n == null) {
                        return null;
                    }
                    elements.add(n);
                }
                Node[] array = elements.toArray(Node[]::new);
                return f -> {
                    Object[] values = new Object[array.length];
                    for (int i = 0; i < array.length; i++) {
                        values[i] = array[i].eval(f);
                        if (values[i] == UNSURE) {
                            return UNSURE;
                        }
                    }
                    return List.of(values);
                };
            }
            case CALL -> {
                return call(ast, e.call());
            }
            default -> {
                return null;
            }
        }
    }

    private static Node fact(CelReference ref) {
        int index = FactsView.indexOf(ref.name());
        if (index < 0 || ref.value().isPresent()) {
            return null;
        }
        return f -> {
            Object v = f.get(index);
            return v == ABSENT ? UNSURE : v;
        };
    }

    private static Object constant(CelConstant c) {
        return switch (c.getKind()) {
            case BOOLEAN_VALUE -> c.booleanValue();
            case INT64_VALUE -> c.int64Value();
            case DOUBLE_VALUE -> c.doubleValue();
            case STRING_VALUE -> c.stringValue();
            default -> null;
        };
    }

    private static Node call(CelAbstractSyntaxTree ast, CelExpr.CelCall call) {
        if (call.target().isPresent()) {
            return null;
        }
        List<Node> args = new ArrayList<>();
        for (CelExpr arg : call.args()) {
            Node n = node(ast, arg);
            if (n == null) {
                return null;
            }
            args.add(n);
        }
        return switch (call.function()) {
            case "_&&_" -> and(args.get(0), args.get(1));
            case "_||_" -> or(args.get(0), args.get(1));
            case "!_" -> not(args.get(0));
            case "_?_:_" -> conditional(args.get(0), args.get(1), args.get(2));
            case "_==_" -> equal(args.get(0), args.get(1), false);
            case "_!=_" -> equal(args.get(0), args.get(1), true);
            case "_<_" -> compare(args.get(0), args.get(1), Cmp.LT);
            case "_<=_" -> compare(args.get(0), args.get(1), Cmp.LE);
            case "_>_" -> compare(args.get(0), args.get(1), Cmp.GT);
            case "_>=_" -> compare(args.get(0), args.get(1), Cmp.GE);
            case "@in" -> in(args.get(0), args.get(1));
            default -> null;
        };
    }

    private static Node and(Node a, Node b) {
        return f -> {
            Object x = a.eval(f);
            if (x == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            Object y = b.eval(f);
            if (y == Boolean.FALSE) {
                return Boolean.FALSE;
            }
            return x == Boolean.TRUE && y == Boolean.TRUE ? Boolean.TRUE : UNSURE;
        };
    }

    private static Node or(Node a, Node b) {
        return f -> {
            Object x = a.eval(f);
            if (x == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            Object y = b.eval(f);
            if (y == Boolean.TRUE) {
                return Boolean.TRUE;
            }
            return x == Boolean.FALSE && y == Boolean.FALSE ? Boolean.FALSE : UNSURE;
        };
    }

    private static Node not(Node a) {
        return f -> {
            Object x = a.eval(f);
            return x == Boolean.TRUE ? Boolean.FALSE : x == Boolean.FALSE ? Boolean.TRUE : UNSURE;
        };
    }

    private static Node conditional(Node c, Node a, Node b) {
        return f -> {
            Object x = c.eval(f);
            return x == Boolean.TRUE ? a.eval(f) : x == Boolean.FALSE ? b.eval(f) : UNSURE;
        };
    }

    private static Node equal(Node a, Node b, boolean negate) {
        return f -> {
            Object r = equal(a.eval(f), b.eval(f));
            return r == UNSURE ? UNSURE : (Boolean) r ^ negate;
        };
    }

    /** CEL equality for the value types of the facts view; UNSURE for anything else. */
    private static Object equal(Object x, Object y) {
        if (x == UNSURE || y == UNSURE) {
            return UNSURE;
        }
        if (x instanceof String s && y instanceof String t) {
            return s.equals(t);
        }
        if (x instanceof Long l && y instanceof Long m) {
            return l.longValue() == m.longValue();
        }
        if (x instanceof Boolean p && y instanceof Boolean q) {
            return p.booleanValue() == q.booleanValue();
        }
        if (x instanceof Number && y instanceof Number) {
            double[] d = exactDoubles(x, y);
            return d == null ? UNSURE : d[0] == d[1];
        }
        return UNSURE;
    }

    private enum Cmp { LT, LE, GT, GE }

    private static Node compare(Node a, Node b, Cmp op) {
        return f -> {
            Object x = a.eval(f);
            Object y = b.eval(f);
            if (x instanceof Long l && y instanceof Long m) {
                return test(Long.compare(l, m), op);
            }
            if (x instanceof Number && y instanceof Number) {
                double[] d = exactDoubles(x, y);
                if (d == null || Double.isNaN(d[0]) || Double.isNaN(d[1])) {
                    return UNSURE;
                }
                return test(Double.compare(d[0], d[1]), op);
            }
            return UNSURE;
        };
    }

    private static Boolean test(int c, Cmp op) {
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /** Both numbers as doubles when that is exact (Long within ±2^53, Double); null otherwise. */
    private static double[] exactDoubles(Object x, Object y) {
        if (!exact(x) || !exact(y)) {
            return null;
        }
        return new double[] {((Number) x).doubleValue(), ((Number) y).doubleValue()};
    }

    private static boolean exact(Object n) {
        return n instanceof Double || (n instanceof Long l && Math.abs(l) <= EXACT_DOUBLE);
    }

    private static Node in(Node element, Node list) {
        return f -> {
            Object x = element.eval(f);
            Object l = list.eval(f);
            if (x == UNSURE || !(l instanceof List<?> items)) {
                return UNSURE;
            }
            boolean unsure = false;
            for (Object item : items) {
                Object r = equal(x, item);
                if (r == Boolean.TRUE) {
                    return Boolean.TRUE;
                }
                unsure |= r == UNSURE;
            }
            return unsure ? UNSURE : Boolean.FALSE;
        };
    }
}

package org.recoup.engine.compliance;

import java.util.BitSet;

/**
 * The characters a regular expression's match can start with, read from the pattern text, so that the lint tries a
 * rule only where it could match (a ~200-alternative scan at every position is otherwise the whole cost of a lint).
 * Understands literals, escapes of literals, {@code \d \s}, simple character classes, groups, alternation, optional
 * quantifiers and zero-width {@code \b}/look-arounds; anything else (e.g. {@code . \w} or a negated class at a
 * possible start) answers null, meaning "try every position".
 */
final class FirstChars {

    private final String re;
    private int pos;

    private FirstChars(String re) {
        this.re = re;
    }

    /** The start characters (both cases when {@code caseInsensitive}), or null when unknown or possibly empty. */
    static BitSet of(String regex, boolean caseInsensitive) {
        try {
            FirstChars parser = new FirstChars(regex);
            Result r = parser.alternation();
            if (r == null || r.emptyable || parser.pos != regex.length()) {
                return null;
            }
            if (caseInsensitive) {
                BitSet folded = (BitSet) r.chars.clone();
                for (int c = r.chars.nextSetBit(0); c >= 0; c = r.chars.nextSetBit(c + 1)) {
                    folded.set(Character.toLowerCase(c));
                    folded.set(Character.toUpperCase(c));
                }
                return folded;
            }
            return r.chars;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Result(BitSet chars, boolean emptyable) {
    }

    private Result alternation() {
        BitSet chars = new BitSet();
        boolean emptyable = false;
        while (true) {
            Result branch = sequence();
            if (branch == null) {
                return null;
            }
            chars.or(branch.chars);
            emptyable |= branch.emptyable;
            if (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                continue;
            }
            return new Result(chars, emptyable);
        }
    }

    /** First characters of a sequence of atoms up to '|' or ')'; parses the whole sequence. */
    private Result sequence() {
        BitSet chars = new BitSet();
        boolean open = true; // every atom so far could be empty
        boolean unknown = false;
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            Result atom = atom();
            boolean optional = quantifier();
            if (!open) {
                continue;
            }
            if (atom == null) {
                unknown = true;
                open = false;
                continue;
            }
            chars.or(atom.chars);
            if (!atom.emptyable && !optional) {
                open = false;
            }
        }
        return unknown ? null : new Result(chars, open);
    }

    /** One atom; a zero-width one answers an empty, emptyable result; null when its start is unknown. */
    private Result atom() {
        char c = re.charAt(pos++);
        switch (c) {
            case '(' -> {
                if (re.startsWith("?<!", pos) || re.startsWith("?<=", pos) || re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                    pos += re.charAt(pos + 1) == '<' ? 3 : 2;
                    alternation(); // skip the look-around's content
                    expect(')');
                    return new Result(new BitSet(), true);
                }
                if (re.startsWith("?:", pos)) {
                    pos += 2;
                }
                Result inner = alternation();
                expect(')');
                return inner;
            }
            case '[' -> {
                return charClass();
            }
            case '\\' -> {
                char e = re.charAt(pos++);
                BitSet set = new BitSet();
                switch (e) {
                    case 'b', 'B' -> {
                        return new Result(set, true);
                    }
                    case 'd' -> set.set('0', '9' + 1);
                    case 's' -> {
                        for (char w : new char[] {' ', '\t', '\n', '\r', '\f', '\u000B'}) {
                            set.set(w);
                        }
                    }
                    default -> {
                        if (Character.isLetterOrDigit(e)) {
                            return null; // \w, \p{…} and the like
                        }
                        set.set(e);
                    }
                }
                return new Result(set, false);
            }
            case '.', '^', '$' -> {
                return null;
            }
            default -> {
                BitSet set = new BitSet();
                set.set(c);
                return new Result(set, false);
            }
        }
    }

    private Result charClass() {
        if (re.charAt(pos) == '^') {
            return null;
        }
        BitSet set = new BitSet();
        while (re.charAt(pos) != ']') {
            char c = re.charAt(pos++);
            if (c == '\\') {
                char e = re.charAt(pos++);
                if (e == 'd') {
                    set.set('0', '9' + 1);
                    continue;
                }
                if (Character.isLetterOrDigit(e)) {
                    return null;
                }
                c = e;
            }
            if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                char to = re.charAt(pos + 1);
                pos += 2;
                set.set(c, to + 1);
            } else {
                set.set(c);
            }
        }
        pos++;
        return new Result(set, false);
    }

    /** Consumes a quantifier after an atom; true when it allows zero repetitions. */
    private boolean quantifier() {
        if (pos >= re.length()) {
            return false;
        }
        char q = re.charAt(pos);
        boolean optional;
        if (q == '?' || q == '*') {
            pos++;
            optional = true;
        } else if (q == '+') {
            pos++;
            optional = false;
        } else if (q == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
            int close = re.indexOf('}', pos);
            String min = re.substring(pos + 1, close).split(",", -1)[0];
            pos = close + 1;
            optional = Integer.parseInt(min) == 0;
        } else {
            return false;
        }
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++; // lazy or possessive
        }
        return optional;
    }

    private void expect(char c) {
        if (re.charAt(pos++) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }
}

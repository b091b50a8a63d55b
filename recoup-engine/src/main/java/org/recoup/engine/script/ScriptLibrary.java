package org.recoup.engine.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The script library: which scripts exist and their steps ({@code scripts.properties}), and their texts in each
 * language ({@code scripts.<language>.properties}), all resources beside this class. Loading checks that every script
 * has a title and every step a title and a text in every language, and that texts use only the known
 * {@link #PLACEHOLDERS}; a library that fails is never used.
 * <p>
 * {@link #fill} replaces the placeholders with a case's {@link ScriptFacts}; {@code {promiseHistory}} becomes one line
 * per promise (date, amount, paid, status) — the confrontation prompt (面质) quotes exactly what was promised and kept.
 */
public final class ScriptLibrary {

    /** Languages every script is written in. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    /** What a text may contain in braces. */
    public static final Set<String> PLACEHOLDERS = Set.of("name", "amountOverdue", "outstanding", "daysPastDue",
            "oldestDueDate", "nextDueDate", "creditor", "paymentChannels", "agent", "promiseHistory");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> LINE_PLACEHOLDERS = Set.of("dueDate", "amount", "paid", "status");

    /** A script's structure; a script without listed steps has one step, "text", keyed {@code <id>.text}. */
    private record Definition(String id, ScriptKind kind, List<String> steps, boolean single) {

        String titleKey(String step) {
            return single ? id + ".title" : id + "." + step + ".title";
        }

        String textKey(String step) {
            return single ? id + ".text" : id + "." + step + ".text";
        }
    }

    private static final class Holder {
        static final ScriptLibrary DEFAULTS = loadDefaults();
    }

    private final List<Definition> definitions;
    private final Map<String, Properties> texts;

    private ScriptLibrary(List<Definition> definitions, Map<String, Properties> texts) {
        this.definitions = List.copyOf(definitions);
        this.texts = Map.copyOf(texts);
    }

    /** The shipped library (loaded once). */
    public static ScriptLibrary defaults() {
        return Holder.DEFAULTS;
    }

    /**
     * A library from the structure and one text file per language (properties syntax).
     *
     * @throws IllegalArgumentException naming the script, step and language that is missing or wrong
     */
    public static ScriptLibrary parse(String structure, Map<String, String> languageTexts) {
        Properties s = properties(structure);
        List<Definition> definitions = new ArrayList<>();
        for (String id : list(s.getProperty("scripts"))) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("script id '" + id + "' must be lower-case words joined by '-'");
            }
            if (definitions.stream().anyMatch(d -> d.id().equals(id))) {
                throw new IllegalArgumentException("script '" + id + "' is listed twice");
            }
            String kind = s.getProperty(id + ".kind");
            if (kind == null) {
                throw new IllegalArgumentException("script '" + id + "' has no kind (" + id + ".kind)");
            }
            List<String> steps = list(s.getProperty(id + ".steps"));
            boolean single = steps.isEmpty();
            definitions.add(new Definition(id, ScriptKind.valueOf(kind.strip()), single ? List.of("text") : steps, single));
        }
        Map<String, Properties> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String file = languageTexts.get(language);
            if (file == null) {
                throw new IllegalArgumentException("no texts for language " + language);
            }
            Properties p = properties(file);
            for (Definition d : definitions) {
                require(p, language, d.id() + ".title");
                for (String step : d.steps()) {
                    require(p, language, d.titleKey(step));
                    require(p, language, d.textKey(step));
                }
            }
            for (String key : List.of("none", "separator", "promise.line")) {
                require(p, language, key);
            }
            for (var status : org.recoup.engine.promise.PromiseStatus.values()) {
                require(p, language, "status." + status.name());
            }
            for (String key : p.stringPropertyNames()) {
                Set<String> allowed = key.equals("promise.line") ? LINE_PLACEHOLDERS : PLACEHOLDERS;
                Matcher m = PLACEHOLDER.matcher(p.getProperty(key));
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) {
                        throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in " + key + " ("
                                + language + "); known: " + allowed);
                    }
                }
            }
            texts.put(language, p);
        }
        return new ScriptLibrary(definitions, texts);
    }

    /** Every script id, in library order. */
    public List<String> ids() {
        return definitions.stream().map(Definition::id).toList();
    }

    /** The ids of one kind, in library order. */
    public List<String> ids(ScriptKind kind) {
        return definitions.stream().filter(d -> d.kind() == kind).map(Definition::id).toList();
    }

    public boolean contains(String id) {
        return definitions.stream().anyMatch(d -> d.id().equals(id));
    }

    /** A script with its placeholders unfilled; empty for an unknown id. */
    public Optional<Script> script(String id, String language) {
        Properties p = texts(language);
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst().map(d -> new Script(d.id(), d.kind(),
                language, p.getProperty(d.id() + ".title"), d.steps().stream().map(step -> new Script.Step(step,
                        p.getProperty(d.titleKey(step)), p.getProperty(d.textKey(step))))
                        .toList()));
    }

    /** The script with every placeholder replaced by the case's facts, in the script's language. */
    public Script fill(Script script, ScriptFacts facts) {
        Map<String, String> values = values(facts, script.language());
        return new Script(script.id(), script.kind(), script.language(), replace(script.title(), values),
                script.steps().stream().map(s -> new Script.Step(s.id(), replace(s.title(), values),
                        replace(s.text(), values))).toList());
    }

    /** The library's language for a locale: zh-CN for Chinese, English otherwise. */
    public static String language(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }

    private Map<String, String> values(ScriptFacts f, String language) {
        Properties p = texts(language);
        String none = p.getProperty("none");
        String separator = p.getProperty("separator");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", f.name());
        v.put("amountOverdue", orNone(f.amountOverdue(), none));
        v.put("outstanding", orNone(f.outstanding(), none));
        v.put("daysPastDue", Integer.toString(f.daysPastDue()));
        v.put("oldestDueDate", f.oldestDueDate() == null ? none : f.oldestDueDate().toString());
        v.put("nextDueDate", f.nextDueDate() == null ? none : f.nextDueDate().toString());
        v.put("creditor", orNone(f.creditor(), none));
        v.put("paymentChannels", f.paymentChannels().isEmpty() ? none : String.join(separator, f.paymentChannels()));
        v.put("agent", orNone(f.agent(), none));
        if (f.promises().isEmpty()) {
            v.put("promiseHistory", p.getProperty("promise.none", none));
        } else {
            List<String> lines = new ArrayList<>();
            for (ScriptFacts.PromiseLine line : f.promises()) {
                lines.add(replace(p.getProperty("promise.line"), Map.of("dueDate", line.dueDate().toString(),
                        "amount", line.amount(), "paid", orNone(line.paid(), none),
                        "status", p.getProperty("status." + line.status().name()))));
            }
            v.put("promiseHistory", String.join("\n", lines));
        }
        return v;
    }

    private static String orNone(String value, String none) {
        return value == null || value.isBlank() ? none : value;
    }

    private static String replace(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Properties texts(String language) {
        Properties p = texts.get(language);
        if (p == null) {
            throw new IllegalArgumentException("unknown language " + language + "; known: " + LANGUAGES);
        }
        return p;
    }

    private static void require(Properties p, String language, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing text " + key + " (" + language + ")");
        }
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static ScriptLibrary loadDefaults() {
        Map<String, String> languages = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            languages.put(language, resource("scripts." + language + ".properties"));
        }
        return parse(resource("scripts.properties"), languages);
    }

    private static String resource(String name) {
        try (InputStream in = ScriptLibrary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("script resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.recoup.engine.script;

import java.util.List;
import java.util.Objects;

/**
 * One script in one language: its steps in order. Texts are either templates with {@code {placeholder}}s (from
 * {@link ScriptLibrary#script}) or filled with a case's data (from {@link ScriptLibrary#fill}).
 */
public record Script(String id, ScriptKind kind, String language, String title, List<Step> steps) {

    public Script {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
    }

    /** One step: a heading and what to say or do. */
    public record Step(String id, String title, String text) {
        public Step {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }
}

package org.recoup.engine.script;

/** What a script is for. */
public enum ScriptKind {
    /** A whole conversation in steps (the first call). */
    FLOW,
    /** The answer to a situation or excuse the party brings up (PRACTICE §3). */
    SITUATION,
    /** A conversation technique offered as a prompt (PRACTICE §5). */
    TECHNIQUE,
    /** The script a strategy treatment names ({@code script:} in a strategy document). */
    TREATMENT
}

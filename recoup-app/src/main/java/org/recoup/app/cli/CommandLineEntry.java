package org.recoup.app.cli;

import java.util.Set;

/** Dispatches {@code recoup import|run|export|check} to the command-line tool. */
public final class CommandLineEntry {

    private static final Set<String> COMMANDS = Set.of("import", "run", "export", "check");

    private CommandLineEntry() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        System.err.println("command-line tool not built yet: " + args[0]);
        return 2;
    }
}

package org.recoup.app.cli;

import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code java -jar recoup.jar import|run|export|check …}: starts Recoup without the web server (same database
 * settings, same migrations) and runs one command of {@link RecoupCommand}. Exit code 0 on success.
 */
public final class CommandLineEntry {

    private static final Set<String> COMMANDS = Set.of("import", "run", "export", "check");

    private CommandLineEntry() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        CommandLine probe = new CommandLine(new RecoupCommand(null));
        // parse first so that usage errors are reported before a database is opened
        try {
            CommandLine.ParseResult parsed = probe.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            e.getCommandLine().usage(System.err);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                // command-line properties: they outrank application.yml (default properties would not)
                .run("--recoup.demo.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.org.recoup=WARN")) {
            CommandLine cli = new CommandLine(new RecoupCommand(context), new SpringFactory(context));
            return cli.execute(args);
        }
    }

    /** Lets picocli create sub-commands as Spring beans' collaborators. */
    private record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return CommandLine.defaultFactory().create(type);
        }
    }
}

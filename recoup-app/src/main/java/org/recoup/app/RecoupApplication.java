package org.recoup.app;

import org.recoup.app.cli.CommandLineEntry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Recoup server. With a first argument of {@code import}, {@code run}, {@code export} or {@code check} the same jar
 * runs as a command-line tool instead (see {@link CommandLineEntry}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RecoupApplication {

    public static void main(String[] args) {
        if (CommandLineEntry.isCommand(args)) {
            System.exit(CommandLineEntry.run(RecoupApplication.class, args));
        }
        SpringApplication.run(RecoupApplication.class, args);
    }
}

package dev.lifeline.client;

import dev.lifeline.client.launch.ConsoleCommand;
import picocli.CommandLine;

/** Entry point of the installed Console app: {@code lifeline console} without the subcommand word. */
public final class ConsoleMain {
    private ConsoleMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConsoleCommand()).execute(args));
    }
}

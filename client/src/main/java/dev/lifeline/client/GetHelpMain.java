package dev.lifeline.client;

import dev.lifeline.client.launch.EarlyToolkit;
import dev.lifeline.client.launch.GetHelpCommand;
import picocli.CommandLine;

/**
 * Entry point of the installed Get Help app: the same command as {@code lifeline gethelp}, without
 * the subcommand word, so the package's launcher passes the user's arguments straight through.
 */
public final class GetHelpMain {
    private GetHelpMain() {
    }

    public static void main(String[] args) {
        // The window toolkit starts while picocli reads the arguments (start-up, issue 8).
        EarlyToolkit.startFor(args);
        System.exit(new CommandLine(new GetHelpCommand()).execute(args));
    }
}

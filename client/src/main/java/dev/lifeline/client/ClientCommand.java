package dev.lifeline.client;

import dev.lifeline.client.launch.ConsoleCommand;
import dev.lifeline.client.launch.DemoCommand;
import dev.lifeline.client.launch.EarlyToolkit;
import dev.lifeline.client.launch.GetHelpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the client jar: Get Help, Console, or both with an embedded relay (demo). */
@Command(name = "lifeline",
        mixinStandardHelpOptions = true,
        versionProvider = ClientVersion.class,
        description = "Lifeline remote assistance: Get Help for customers, Console for technicians.",
        subcommands = {GetHelpCommand.class, ConsoleCommand.class, DemoCommand.class})
public final class ClientCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("gethelp")) {
            // As the installed Get Help: its window toolkit starts while picocli reads the arguments.
            EarlyToolkit.startFor(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        System.exit(new CommandLine(new ClientCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

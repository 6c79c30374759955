package dev.lifeline.installer.build;

/**
 * One of the two desktop apps as jpackage builds it: the package and launcher name, what the
 * menu shows, and the entry point in the client jar.
 */
record ClientApp(String id, String title, String mainClass, String description) {
    static final ClientApp GET_HELP = new ClientApp("lifeline-gethelp", "Lifeline Get Help",
            "dev.lifeline.client.GetHelpMain",
            "Lifeline Get Help: ask a technician for help with a code; chat and share your screen when you allow it");
    static final ClientApp CONSOLE = new ClientApp("lifeline-console", "Lifeline Console",
            "dev.lifeline.client.ConsoleMain",
            "Lifeline Console: join a customer's session by code, chat and view the screen with consent");

    static ClientApp byId(String id) {
        return switch (id) {
            case "gethelp", "lifeline-gethelp" -> GET_HELP;
            case "console", "lifeline-console" -> CONSOLE;
            default -> throw new IllegalArgumentException("unknown app " + id + " (gethelp or console)");
        };
    }
}

package dev.lifeline.installer.build;

import java.nio.file.Path;

/** What an organisation bundle changes in Get Help's package: the menu name and the bundle file itself. */
record Branding(String productName, Path bundle) {
    static final Branding NONE = new Branding(ClientApp.GET_HELP.title(), null);
}

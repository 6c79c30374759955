package dev.lifeline.installer.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the organisation bundle given to the build (-Dlifeline.bundle) for what the package shows. */
final class BundleBranding {
    private BundleBranding() {
    }

    static Branding of(Path bundle) throws IOException {
        if (bundle == null) {
            return Branding.NONE;
        }
        if (!Files.isRegularFile(bundle)) {
            throw new IOException("organisation bundle " + bundle + " not found");
        }
        return new Branding(ClientApp.GET_HELP.title(), bundle);
    }
}

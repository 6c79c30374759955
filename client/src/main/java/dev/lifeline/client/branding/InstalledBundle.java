package dev.lifeline.client.branding;

import dev.lifeline.common.bundle.InvalidBundleException;
import dev.lifeline.common.bundle.OrganisationBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The organisation bundle baked into this Get Help by the installer build: the package's launcher
 * passes {@code -Dlifeline.bundle=$APPDIR/org.bundle}. A Get Help without one asks for its relay.
 */
public final class InstalledBundle {
    public static final String PROPERTY = "lifeline.bundle";

    private InstalledBundle() {
    }

    /**
     * The verified bundle, or empty when this Get Help was built without one. A bundle that is
     * named but unreadable or altered is an error, never silently ignored: the installation is
     * damaged and must not fall back to asking the customer for a relay.
     */
    public static Optional<OrganisationBundle> load() throws InvalidBundleException {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrganisationBundle.read(Path.of(file)));
        } catch (IOException e) {
            throw new InvalidBundleException("cannot read the organisation bundle " + file + ": " + e.getMessage(), e);
        }
    }
}

package dev.lifeline.installer.build;

import dev.lifeline.common.bundle.InvalidBundleException;
import dev.lifeline.common.bundle.OrganisationBundle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and verifies the organisation bundle given to the build ({@code -Dlifeline.bundle}) and
 * says what it contains, so the person building the installer can check the organisation.
 */
final class BundleBranding {
    private BundleBranding() {
    }

    static Branding of(Path bundle) throws IOException {
        if (bundle == null) {
            return Branding.NONE;
        }
        OrganisationBundle read;
        try {
            read = OrganisationBundle.read(bundle);
        } catch (InvalidBundleException e) {
            throw new IOException("organisation bundle " + bundle + " is unusable: " + e.getMessage(), e);
        }
        System.out.println("[packages] Get Help branded from " + bundle + ":");
        System.out.println("[packages]   product name  " + read.productName());
        System.out.println("[packages]   relay         " + read.relayAddress() + ", pin "
                + (read.relayFingerprint() == null ? "none (CA-issued certificate)" : read.relayFingerprint()));
        System.out.println("[packages]   organisation  " + read.organisationRoot().organisation()
                + ", root SHA-256 " + read.organisationRoot().sha256FingerprintHex());
        System.out.println("[packages]   language      " + read.defaultLanguage());
        return new Branding(read.productName(), bundle);
    }
}

package dev.lifeline.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole session made only of installed packages: the relay from its .deb, a technician issued
 * by its admin commands, and the Get Help and Console launchers from theirs, headless.
 */
@Tag("packages")
class SessionFromPackagesTest {
    static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void customerAndTechnicianChatThroughThePackagedRelay(@TempDir Path tmp) throws Exception {
        Path relayRoot = DebPackage.find("lifeline-relay").extract(tmp.resolve("relay-root"));
        Path data = tmp.resolve("relay-data");
        Path identity = PackagedRelay.organisationWithTechnician(relayRoot, data, "Packaged Support", "Pat Packager");

        try (PackagedRelay relay = PackagedRelay.start(relayRoot, data, 0)) {
            chatThrough(relay, data.resolve("organisation/organisation-ca.crt.pem"), identity, "Pat Packager (Packaged Support)", tmp);
        }
    }

    /**
     * Casey asks for help with the packaged Get Help, the technician of {@code identity} joins with
     * the packaged Console, and they chat through {@code relay} until Casey ends the session.
     */
    static void chatThrough(PackagedRelay relay, Path organisationRoot, Path identity, String verifiedTechnician, Path tmp)
            throws Exception {
        Path getHelpRoot = DebPackage.find("lifeline-gethelp").extract(tmp.resolve("gethelp-root"));
        Path consoleRoot = DebPackage.find("lifeline-console").extract(tmp.resolve("console-root"));
        try (AppProcess customer = AppProcess.start(List.of(
                getHelpRoot.resolve("opt/lifeline-gethelp/bin/lifeline-gethelp").toString(), "--headless",
                "--relay", relay.address(), "--fingerprint", relay.fingerprint(),
                "--org-root", organisationRoot.toString(), "--name", "Casey"))) {
            String code = customer.awaitLine(l -> l.startsWith("code: "), STEP).substring("code: ".length());
            try (AppProcess technician = AppProcess.start(List.of(
                    consoleRoot.resolve("opt/lifeline-console/bin/lifeline-console").toString(), "--headless",
                    "--relay", relay.address(), "--fingerprint", relay.fingerprint(),
                    "--identity", identity.toString(), "--join", code))) {
                customer.awaitLine(("verified: " + verifiedTechnician)::equals, STEP);
                technician.awaitLine(l -> l.startsWith("verified: Casey"), STEP);
                technician.send("hello from the packaged console");
                customer.awaitLine("chat: hello from the packaged console"::equals, STEP);
                customer.send("thanks, bye");
                technician.awaitLine("chat: thanks, bye"::equals, STEP);
                customer.send("/end");
                assertEquals(0, customer.awaitExit(STEP), customer.output());
                assertEquals(0, technician.awaitExit(STEP), technician.output());
            }
        }
    }
}

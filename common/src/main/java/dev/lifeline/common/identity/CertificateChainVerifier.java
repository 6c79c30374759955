package dev.lifeline.common.identity;

import dev.lifeline.common.identity.TechnicianVerification.Problem;
import dev.lifeline.common.identity.TechnicianVerification.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcEdDSAContentVerifierProviderBuilder;

/**
 * Checks a technician's chain against the pinned organisation root. Deliberately small (our own
 * PKI has one CA level, Ed25519 only) instead of the JDK's general PKIX path builder.
 */
public final class CertificateChainVerifier {
    private CertificateChainVerifier() {
    }

    /**
     * @param chainDer the technician certificate first, then intermediates; a copy of the root
     *     itself may be included and is skipped
     * @param rootOrNull the pinned root, or null when the app has none
     */
    public static TechnicianVerification verify(List<byte[]> chainDer, OrganisationRoot rootOrNull, Instant now) {
        if (chainDer == null || chainDer.isEmpty()) {
            return untrusted(null, null, null, Problem.MALFORMED);
        }
        List<X509CertificateHolder> chain = new ArrayList<>();
        for (byte[] der : chainDer) {
            try {
                chain.add(Certificates.parse(der));
            } catch (NotAnIdentityException e) {
                if (chain.isEmpty()) {
                    return untrusted(null, null, null, Problem.MALFORMED);
                }
                // A broken issuer certificate: the leaf's names can still be shown.
                X509CertificateHolder leaf = chain.get(0);
                return untrusted(leaf, Problem.MALFORMED);
            }
        }
        X509CertificateHolder leaf = chain.get(0);
        if (Certificates.ed25519PublicKey(leaf) == null
                || Certificates.attribute(leaf.getSubject(), BCStyle.CN) == null) {
            return untrusted(leaf, Problem.MALFORMED);
        }
        if (!isTechnicianCertificate(leaf)) {
            return untrusted(leaf, Problem.NOT_A_TECHNICIAN_CERTIFICATE);
        }
        if (rootOrNull == null) {
            return result(Status.NO_PINNED_ROOT, leaf, null);
        }
        X509CertificateHolder root = rootOrNull.certificate();
        X509CertificateHolder current = leaf;
        for (X509CertificateHolder issuer : chain.subList(1, chain.size())) {
            if (issuer.equals(root)) {
                continue;
            }
            if (!isCa(issuer) || !current.getIssuer().equals(issuer.getSubject())) {
                continue; // not on the path from the leaf; ignore rather than trust it
            }
            if (!signedBy(current, issuer)) {
                return untrusted(leaf, Problem.BAD_SIGNATURE);
            }
            if (!validAt(issuer, now)) {
                return untrusted(leaf, Problem.EXPIRED);
            }
            current = issuer;
        }
        if (!current.getIssuer().equals(root.getSubject())) {
            return untrusted(leaf, Problem.OTHER_ORGANISATION);
        }
        if (!signedBy(current, root)) {
            // Same CA name, different key: a look-alike organisation or a forged certificate.
            return untrusted(leaf, Problem.BAD_SIGNATURE);
        }
        if (!validAt(leaf, now) || !validAt(root, now)) {
            return untrusted(leaf, Problem.EXPIRED);
        }
        return result(Status.VERIFIED, leaf, null);
    }

    private static boolean isTechnicianCertificate(X509CertificateHolder leaf) {
        if (isCa(leaf)) {
            return false;
        }
        Extensions extensions = leaf.getExtensions();
        KeyUsage usage = extensions == null ? null : KeyUsage.fromExtensions(extensions);
        return usage != null && usage.hasUsages(KeyUsage.digitalSignature);
    }

    private static boolean isCa(X509CertificateHolder certificate) {
        Extensions extensions = certificate.getExtensions();
        BasicConstraints constraints = extensions == null ? null : BasicConstraints.fromExtensions(extensions);
        return constraints != null && constraints.isCA();
    }

    private static boolean signedBy(X509CertificateHolder subject, X509CertificateHolder issuer) {
        try {
            return subject.isSignatureValid(new BcEdDSAContentVerifierProviderBuilder().build(issuer));
        } catch (CertException | OperatorCreationException | RuntimeException e) {
            // A non-Ed25519 issuer key or a garbled signature: not a signature we accept.
            return false;
        }
    }

    private static boolean validAt(X509CertificateHolder certificate, Instant now) {
        return certificate.isValidOn(Date.from(now));
    }

    private static TechnicianVerification untrusted(X509CertificateHolder leaf, Problem problem) {
        return result(Status.UNTRUSTED, leaf, problem);
    }

    private static TechnicianVerification untrusted(String name, String organisation, byte[] key, Problem problem) {
        return new TechnicianVerification(Status.UNTRUSTED, name, organisation, problem, key);
    }

    private static TechnicianVerification result(Status status, X509CertificateHolder leaf, Problem problem) {
        byte[] key = Certificates.ed25519PublicKey(leaf);
        return new TechnicianVerification(status, Certificates.attribute(leaf.getSubject(), BCStyle.CN),
                Certificates.attribute(leaf.getSubject(), BCStyle.O), problem, key == null ? null : Arrays.copyOf(key, key.length));
    }
}

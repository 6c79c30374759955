package dev.lifeline.common.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;

/** The organisation CA certificate the customer app pins (shipped in its installer bundle). */
public final class OrganisationRoot {
    private final X509CertificateHolder certificate;

    OrganisationRoot(X509CertificateHolder certificate) {
        this.certificate = certificate;
    }

    /** The first certificate in a PEM file (e.g. {@code organisation-ca.crt.pem}). */
    public static OrganisationRoot load(Path pemFile) throws IdentityException {
        for (Object o : KeyFiles.readPem(pemFile)) {
            if (o instanceof X509CertificateHolder holder) {
                return checked(holder);
            }
        }
        throw new NotAnIdentityException("no certificate in " + pemFile);
    }

    public static OrganisationRoot fromDer(byte[] der) throws NotAnIdentityException {
        return checked(Certificates.parse(der));
    }

    private static OrganisationRoot checked(X509CertificateHolder holder) throws NotAnIdentityException {
        Extensions extensions = holder.getExtensions();
        BasicConstraints constraints = extensions == null ? null : BasicConstraints.fromExtensions(extensions);
        if (constraints == null || !constraints.isCA() || Certificates.ed25519PublicKey(holder) == null) {
            throw new NotAnIdentityException("not an Ed25519 organisation CA certificate");
        }
        return new OrganisationRoot(holder);
    }

    /** Whether the organisation CA vouched for {@code recordingPublicKey} with {@code endorsement}. */
    public boolean endorses(byte[] recordingPublicKey, byte[] endorsement) {
        return dev.lifeline.common.crypto.Ed25519.verify(Certificates.ed25519PublicKey(certificate),
                RecordingKeyEndorsement.message(recordingPublicKey), endorsement);
    }

    public String organisation() {
        return Certificates.attribute(certificate.getSubject(), BCStyle.O);
    }

    public byte[] der() {
        return Certificates.der(certificate);
    }

    public String pem() {
        return KeyFiles.certificatePem(certificate);
    }

    /** SHA-256 over the DER certificate: what an admin compares when installing a bundle. */
    public byte[] sha256Fingerprint() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(der());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sha256FingerprintHex() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256Fingerprint());
    }

    /** Checks a signature made with {@link OrganisationCa#signDocument(String, byte[])} by this organisation's CA. */
    public boolean verifyDocument(String context, byte[] document, byte[] signature) {
        return dev.lifeline.common.crypto.Ed25519.verify(Certificates.ed25519PublicKey(certificate),
                signedDocument(context, document), signature);
    }

    static byte[] signedDocument(String context, byte[] document) {
        if (context == null || context.isEmpty() || context.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a signing context is a non-empty string without NUL");
        }
        byte[] prefix = context.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + 1 + document.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(document, 0, message, prefix.length + 1, document.length);
        return message;
    }

    X509CertificateHolder certificate() {
        return certificate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganisationRoot other && certificate.equals(other.certificate);
    }

    @Override
    public int hashCode() {
        return certificate.hashCode();
    }

    @Override
    public String toString() {
        return "OrganisationRoot[" + certificate.getSubject() + "]";
    }
}

package dev.lifeline.common.identity;

import dev.lifeline.common.crypto.Ed25519;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.Destroyable;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/** A technician's Ed25519 key and its certificate chain (technician certificate, then the organisation CA). */
public final class TechnicianIdentity implements Destroyable {
    private final byte[] privateKey;
    private final X509CertificateHolder certificate;
    private final List<X509CertificateHolder> issuers;
    private boolean destroyed;

    TechnicianIdentity(byte[] privateKey, X509CertificateHolder certificate, X509CertificateHolder... issuers) {
        this(privateKey, certificate, List.of(issuers));
    }

    private TechnicianIdentity(byte[] privateKey, X509CertificateHolder certificate, List<X509CertificateHolder> issuers) {
        this.privateKey = privateKey.clone();
        this.certificate = certificate;
        this.issuers = List.copyOf(issuers);
    }

    public String name() {
        return Certificates.attribute(certificate.getSubject(), BCStyle.CN);
    }

    public String organisation() {
        return Certificates.attribute(certificate.getSubject(), BCStyle.O);
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** DER certificates, the technician's first, then its issuers: what TechnicianHello carries. */
    public List<byte[]> certificateChainDer() {
        List<byte[]> chain = new ArrayList<>();
        chain.add(Certificates.der(certificate));
        issuers.forEach(issuer -> chain.add(Certificates.der(issuer)));
        return chain;
    }

    public byte[] publicKey() {
        return Certificates.ed25519PublicKey(certificate);
    }

    /** The organisation CA the identity was issued by (last in its chain), or null if the file lacks it. */
    public OrganisationRoot organisationRoot() {
        if (issuers.isEmpty()) {
            return null;
        }
        try {
            return OrganisationRoot.fromDer(Certificates.der(issuers.get(issuers.size() - 1)));
        } catch (NotAnIdentityException e) {
            return null;
        }
    }

    /** Ed25519 signature with the certificate's key. */
    public byte[] sign(byte[] message) {
        if (destroyed) {
            throw new IllegalStateException("identity destroyed");
        }
        return Ed25519.sign(new Ed25519PrivateKeyParameters(privateKey, 0), message);
    }

    /**
     * One PEM file: the certificates, then the private key, encrypted under {@code passphrase}
     * or in clear when it is empty. Written with mode 600 either way.
     */
    public void save(Path file, char[] passphrase) throws IOException {
        if (destroyed) {
            throw new IllegalStateException("identity destroyed");
        }
        StringBuilder pem = new StringBuilder(KeyFiles.certificatePem(certificate));
        issuers.forEach(issuer -> pem.append(KeyFiles.certificatePem(issuer)));
        pem.append(KeyFiles.privateKeyPem(
                PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed25519PrivateKeyParameters(privateKey, 0)), passphrase));
        KeyFiles.writePrivate(file, pem.toString());
    }

    /**
     * An identity from a key this app made and the chain the relay's CA issued for its public half
     * on sign-in (DER, the technician's certificate first). The key must match the certificate.
     */
    public static TechnicianIdentity fromKeyAndChain(byte[] ed25519PrivateKey, List<byte[]> chainDer)
            throws IdentityException {
        if (chainDer.isEmpty()) {
            throw new NotAnIdentityException("no certificate");
        }
        List<X509CertificateHolder> certificates = new ArrayList<>();
        for (byte[] der : chainDer) {
            try {
                certificates.add(new X509CertificateHolder(der));
            } catch (IOException | RuntimeException e) {
                throw new NotAnIdentityException("unreadable certificate");
            }
        }
        byte[] certifiedKey = Certificates.ed25519PublicKey(certificates.get(0));
        if (certifiedKey == null || !Arrays.equals(certifiedKey,
                new Ed25519PrivateKeyParameters(ed25519PrivateKey, 0).generatePublicKey().getEncoded())) {
            throw new NotAnIdentityException("the certificate is not for this key");
        }
        TechnicianIdentity identity = new TechnicianIdentity(ed25519PrivateKey.clone(), certificates.get(0),
                certificates.subList(1, certificates.size()));
        if (identity.name() == null || identity.organisation() == null) {
            throw new NotAnIdentityException("the certificate names no technician and organisation");
        }
        return identity;
    }

    public static TechnicianIdentity load(Path file, char[] passphrase) throws IdentityException {
        return load(file, passphrase, Clock.systemUTC());
    }

    /** Reads a file written by {@link #save}; an expired identity is refused so the Console can say so. */
    public static TechnicianIdentity load(Path file, char[] passphrase, Clock clock) throws IdentityException {
        List<X509CertificateHolder> certificates = new ArrayList<>();
        Object keyObject = null;
        for (Object o : KeyFiles.readPem(file)) {
            if (o instanceof X509CertificateHolder holder) {
                certificates.add(holder);
            } else if (keyObject == null) {
                keyObject = o;
            } else {
                throw new NotAnIdentityException("more than one key in " + file);
            }
        }
        if (certificates.isEmpty() || keyObject == null) {
            throw new NotAnIdentityException("an identity file holds certificates and one key: " + file);
        }
        byte[] key = OrganisationCa.ed25519Key(KeyFiles.privateKey(keyObject, passphrase));
        X509CertificateHolder leaf = certificates.get(0);
        byte[] certifiedKey = Certificates.ed25519PublicKey(leaf);
        if (certifiedKey == null || !Arrays.equals(certifiedKey,
                new Ed25519PrivateKeyParameters(key, 0).generatePublicKey().getEncoded())) {
            throw new NotAnIdentityException("the key does not belong to the technician certificate");
        }
        TechnicianIdentity identity = new TechnicianIdentity(key, leaf, certificates.subList(1, certificates.size()));
        Arrays.fill(key, (byte) 0);
        if (identity.name() == null || identity.organisation() == null) {
            throw new NotAnIdentityException("the certificate names no technician and organisation");
        }
        if (clock.instant().isAfter(identity.notAfter())) {
            throw new IdentityExpiredException("the identity of " + identity.name() + " expired on " + identity.notAfter());
        }
        return identity;
    }

    @Override
    public void destroy() {
        Arrays.fill(privateKey, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "TechnicianIdentity[" + name() + ", " + organisation() + "]";
    }
}

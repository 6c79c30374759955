package dev.lifeline.common.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/** An organisation's Ed25519 certificate authority: it issues technician identities. */
public final class OrganisationCa implements Destroyable {
    public static final String CERTIFICATE_FILE = "organisation-ca.crt.pem";
    public static final String KEY_FILE = "organisation-ca.key.pem";
    static final Duration CA_VALIDITY = Duration.ofDays(3653);
    /** Tolerates a customer PC whose clock runs a little behind the issuing machine. */
    static final Duration BACKDATE = Duration.ofMinutes(10);

    private final byte[] privateKey;
    private final X509CertificateHolder certificate;
    private final SecureRandom random;
    private boolean destroyed;

    private OrganisationCa(byte[] privateKey, X509CertificateHolder certificate, SecureRandom random) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.random = random;
    }

    /** A new key pair and self-signed CA certificate "CN=&lt;org&gt; Root, O=&lt;org&gt;", valid ten years. */
    public static OrganisationCa create(String organisationName) {
        return create(organisationName, new SecureRandom(), Instant.now());
    }

    static OrganisationCa create(String organisationName, SecureRandom random, Instant now) {
        requireName(organisationName);
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        Ed25519PublicKeyParameters publicKey = key.generatePublicKey();
        X500Name subject = Certificates.name(organisationName + " Root", organisationName);
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, Certificates.randomSerial(random),
                    Certificates.date(now.minus(BACKDATE)), Certificates.date(now.plus(CA_VALIDITY)), subject,
                    Certificates.publicKeyInfo(publicKey));
            BcX509ExtensionUtils extensionUtils = new BcX509ExtensionUtils();
            // pathLen 0: the CA signs technicians directly, never another CA.
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils.createSubjectKeyIdentifier(Certificates.publicKeyInfo(publicKey)));
            X509CertificateHolder certificate = builder.build(Certificates.signer(key));
            return new OrganisationCa(key.getEncoded(), certificate, random);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build CA certificate", e);
        }
    }

    /** Reads {@link #CERTIFICATE_FILE} and {@link #KEY_FILE} from {@code dir}. */
    public static OrganisationCa load(Path dir, char[] passphrase) throws IdentityException {
        OrganisationRoot root = OrganisationRoot.load(dir.resolve(CERTIFICATE_FILE));
        Object keyObject = KeyFiles.readPem(dir.resolve(KEY_FILE)).stream().findFirst()
                .orElseThrow(() -> new NotAnIdentityException("no key in " + dir.resolve(KEY_FILE)));
        byte[] key = ed25519Key(KeyFiles.privateKey(keyObject, passphrase));
        if (!Arrays.equals(new Ed25519PrivateKeyParameters(key, 0).generatePublicKey().getEncoded(),
                Certificates.ed25519PublicKey(root.certificate()))) {
            throw new NotAnIdentityException("the CA key does not belong to the CA certificate");
        }
        return new OrganisationCa(key, root.certificate(), new SecureRandom());
    }

    static byte[] ed25519Key(PrivateKeyInfo info) throws NotAnIdentityException {
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
            if (key instanceof Ed25519PrivateKeyParameters ed) {
                return ed.getEncoded();
            }
        } catch (IOException | RuntimeException e) {
            throw new NotAnIdentityException("unreadable private key", e);
        }
        throw new NotAnIdentityException("not an Ed25519 private key");
    }

    /** Writes the certificate (0644) and the passphrase-encrypted key (0600). */
    public void save(Path dir, char[] passphrase) throws IOException {
        checkLive();
        if (passphrase == null || passphrase.length == 0) {
            // The CA key can mint technicians for every customer: never store it in clear.
            throw new IllegalArgumentException("the CA key needs a passphrase");
        }
        KeyFiles.writePublic(dir.resolve(CERTIFICATE_FILE), KeyFiles.certificatePem(certificate));
        KeyFiles.writePrivate(dir.resolve(KEY_FILE), KeyFiles.privateKeyPem(privateKeyInfo(), passphrase));
    }

    /** Vouches for the organisation's recording public key (see {@link RecordingKeyEndorsement}). */
    public byte[] endorseRecordingKey(byte[] recordingPublicKey) {
        checkLive();
        return dev.lifeline.common.crypto.Ed25519.sign(new Ed25519PrivateKeyParameters(privateKey, 0),
                RecordingKeyEndorsement.message(recordingPublicKey));
    }

    public String organisationName() {
        return Certificates.attribute(certificate.getSubject(), BCStyle.O);
    }

    public OrganisationRoot root() {
        return new OrganisationRoot(certificate);
    }

    /** An end-entity certificate CN=&lt;name&gt;, O=&lt;org&gt; with a fresh Ed25519 key, valid from now. */
    public TechnicianIdentity issueTechnician(String name, Duration validity) {
        return issueTechnician(name, validity, Instant.now());
    }

    TechnicianIdentity issueTechnician(String name, Duration validity, Instant now) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        X509CertificateHolder leaf = certify(name, key.generatePublicKey(), validity, now);
        return new TechnicianIdentity(key.getEncoded(), leaf, certificate);
    }

    /**
     * Certifies a technician key made elsewhere (the Console makes its own key pair and sends only
     * the public half when it signs in): DER certificates, the technician's first, then this CA's.
     */
    public List<byte[]> certifyTechnicianKey(String name, byte[] ed25519PublicKey, Duration validity, Instant now) {
        if (ed25519PublicKey == null || ed25519PublicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        X509CertificateHolder leaf = certify(name, new Ed25519PublicKeyParameters(ed25519PublicKey, 0), validity, now);
        return List.of(Certificates.der(leaf), Certificates.der(certificate));
    }

    private X509CertificateHolder certify(String name, Ed25519PublicKeyParameters publicKey, Duration validity, Instant now) {
        checkLive();
        requireName(name);
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        try {
            BcX509ExtensionUtils extensionUtils = new BcX509ExtensionUtils();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(certificate.getSubject(),
                    Certificates.randomSerial(random), Certificates.date(now.minus(BACKDATE)),
                    Certificates.date(now.plus(validity)), Certificates.name(name, organisationName()),
                    Certificates.publicKeyInfo(publicKey));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensionUtils.createAuthorityKeyIdentifier(certificate));
            return builder.build(Certificates.signer(caKey()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build technician certificate", e);
        }
    }

    /**
     * Signs a document the organisation vouches for (its installer bundle). The signature covers
     * {@code context} + NUL + {@code document}, so it can never pass for a certificate or a
     * signature made for another purpose.
     */
    public byte[] signDocument(String context, byte[] document) {
        checkLive();
        return dev.lifeline.common.crypto.Ed25519.sign(caKey(), OrganisationRoot.signedDocument(context, document));
    }

    private Ed25519PrivateKeyParameters caKey() {
        return new Ed25519PrivateKeyParameters(privateKey, 0);
    }

    private PrivateKeyInfo privateKeyInfo() throws IOException {
        return PrivateKeyInfoFactory.createPrivateKeyInfo(caKey());
    }

    private static void requireName(String name) {
        if (Objects.requireNonNull(name).isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("CA key destroyed");
        }
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
        return "OrganisationCa[" + certificate.getSubject() + "]";
    }
}

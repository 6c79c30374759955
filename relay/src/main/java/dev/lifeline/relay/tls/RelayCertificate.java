package dev.lifeline.relay.tls;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The relay's TLS identity: a self-signed ECDSA P-256 certificate and its key, created in the
 * data directory on first start ({@code relay-cert.pem}, {@code relay-key.pem}, the key readable by
 * its owner only) and reused afterwards. Clients pin its SHA-256 {@link #fingerprint()}.
 */
public final class RelayCertificate {
    public static final String CERT_FILE = "relay-cert.pem";
    public static final String KEY_FILE = "relay-key.pem";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private RelayCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** Loads the certificate from {@code dataDir}, creating the directory and a new one if absent. */
    public static RelayCertificate loadOrCreate(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path certFile = dataDir.resolve(CERT_FILE);
        Path keyFile = dataDir.resolve(KEY_FILE);
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            return load(certFile, keyFile);
        }
        RelayCertificate created = generate();
        writePrivate(keyFile, pem("PRIVATE KEY", created.privateKey.getEncoded()));
        Files.writeString(certFile, pem("CERTIFICATE", encoded(created.certificate)), StandardCharsets.US_ASCII);
        return created;
    }

    static RelayCertificate load(Path certFile, Path keyFile) throws IOException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate cert;
            try (InputStream in = Files.newInputStream(certFile)) {
                cert = (X509Certificate) factory.generateCertificate(in);
            }
            byte[] der = unpem(Files.readString(keyFile, StandardCharsets.US_ASCII), "PRIVATE KEY");
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new RelayCertificate(cert, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read the relay certificate in " + certFile.getParent() + ": " + e.getMessage(), e);
        }
    }

    static RelayCertificate generate() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Lifeline relay");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), name, keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new RelayCertificate(cert, keyPair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create the relay certificate: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** SHA-256 of the DER certificate as uppercase hex pairs joined by colons ("AB:CD:..."). */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded(certificate));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePrivate(Path keyFile, String content) throws IOException {
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(keyFile);
        } catch (FileAlreadyExistsException e) {
            // Left over from an interrupted first start: overwritten below, permissions kept.
        }
        Files.writeString(keyFile, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}

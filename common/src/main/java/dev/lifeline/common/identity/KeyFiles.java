package dev.lifeline.common.identity;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM reading and writing for certificates and passphrase-protected PKCS#8 keys. */
final class KeyFiles {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; keys are decrypted once per app start. */
    static final int PBKDF2_ITERATIONS = 600_000;

    /**
     * A private provider instance, never registered with {@code Security}: PBES2 needs a JCE
     * provider, and registering one globally would change algorithm choice for the whole app.
     */
    private static final Provider BC = new BouncyCastleProvider();

    private KeyFiles() {
    }

    /** Encrypted ("ENCRYPTED PRIVATE KEY", PBES2/PBKDF2-SHA256/AES-256-CBC) or, for an empty passphrase, plain PKCS#8. */
    static String privateKeyPem(PrivateKeyInfo key, char[] passphrase) {
        try {
            PKCS8Generator generator;
            if (passphrase == null || passphrase.length == 0) {
                generator = new PKCS8Generator(key, null);
            } else {
                generator = new PKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setRandom(new SecureRandom())
                        .setProvider(BC)
                        .setPassword(passphrase)
                        .build());
            }
            return pem(generator.generate());
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot encode private key", e);
        }
    }

    static String certificatePem(X509CertificateHolder certificate) {
        try {
            return pem(new PemObject("CERTIFICATE", certificate.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(PemObject object) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every PEM object in the file (certificates, keys), in file order. */
    static List<Object> readPem(Path file) throws IdentityException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            List<Object> objects = new ArrayList<>();
            for (Object o; (o = parser.readObject()) != null; ) {
                objects.add(o);
            }
            return objects;
        } catch (NoSuchFileException e) {
            throw new IdentityFileNotFoundException("no such file: " + file, e);
        } catch (IOException | RuntimeException e) {
            // PEMParser throws IOException or IllegalArgumentException on broken base64/ASN.1.
            throw new NotAnIdentityException("not a PEM file: " + file, e);
        }
    }

    /** The key from a plain or encrypted PKCS#8 PEM object. */
    static PrivateKeyInfo privateKey(Object pemObject, char[] passphrase) throws IdentityException {
        if (pemObject instanceof PrivateKeyInfo plain) {
            return plain;
        }
        if (pemObject instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            if (passphrase == null || passphrase.length == 0) {
                throw new WrongPassphraseException("the key is encrypted; a passphrase is needed");
            }
            try {
                return encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
            } catch (PKCSException | OperatorCreationException | RuntimeException e) {
                // A wrong passphrase shows up as bad CBC padding or, rarely, as garbage ASN.1.
                throw new WrongPassphraseException("wrong passphrase", e);
            }
        }
        throw new NotAnIdentityException("not a private key");
    }

    /**
     * Writes through a temporary file created with mode 600 and moves it into place, so the
     * secret is never readable by others even for a moment, and a crash leaves the old file.
     */
    static void writePrivate(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp;
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            temp = Files.createTempFile(dir, ".lifeline", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            temp = Files.createTempFile(dir, ".lifeline", ".tmp");
        }
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void writePublic(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}

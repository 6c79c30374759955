package dev.lifeline.common.transport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProtocols;
import io.netty.handler.ssl.util.SimpleTrustManagerFactory;
import java.net.Socket;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS contexts for connecting to a relay. TLS 1.3 only, no fallback.
 *
 * <ul>
 *   <li>{@link #pinned(String)}: trusts exactly the certificate whose SHA-256 fingerprint is given
 *       (the self-signed relay certificate). No CA and no host name check: the pin is the check.
 *   <li>{@link #systemTrust()}: normal CA validation and HTTPS-style host name verification;
 *       create handlers with {@code newHandler(alloc, host, port)} so the host name is known.
 * </ul>
 */
public final class ClientTls {
    private ClientTls() {
    }

    /**
     * A context that accepts only the relay certificate with this SHA-256 fingerprint, written as
     * hex with or without colons (or spaces), any case. A different certificate fails the
     * handshake with a {@link CertificateException} saying it does not match the pinned fingerprint.
     */
    public static SslContext pinned(String sha256FingerprintHex) throws SSLException {
        byte[] expected = parseFingerprint(sha256FingerprintHex);
        return SslContextBuilder.forClient()
                .protocols(SslProtocols.TLS_v1_3)
                .trustManager(new PinnedTrustManagerFactory(expected))
                .endpointIdentificationAlgorithm(null)
                .build();
    }

    /** A context that validates the relay certificate against the system's CAs. */
    public static SslContext systemTrust() throws SSLException {
        return SslContextBuilder.forClient()
                .protocols(SslProtocols.TLS_v1_3)
                .endpointIdentificationAlgorithm("HTTPS")
                .build();
    }

    /** Parses "AB:CD:...", "abcd..." or "ab cd ..." into the 32 digest bytes. */
    static byte[] parseFingerprint(String text) {
        if (text == null) {
            throw new IllegalArgumentException("fingerprint is missing");
        }
        String hex = text.replace(":", "").replace(" ", "").trim();
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hex digits, got " + hex.length());
        }
        try {
            return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprint is not hex: " + text, e);
        }
    }

    static String format(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static final class PinnedTrustManagerFactory extends SimpleTrustManagerFactory {
        private final TrustManager manager;

        PinnedTrustManagerFactory(byte[] expected) {
            this.manager = new PinnedTrustManager(expected);
        }

        @Override
        protected void engineInit(KeyStore keyStore) {
        }

        @Override
        protected void engineInit(ManagerFactoryParameters params) {
        }

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            return new TrustManager[] {manager};
        }
    }

    /** Extended so the JDK adds no host name check of its own: the pin is the whole check. */
    private static final class PinnedTrustManager extends X509ExtendedTrustManager {
        private final byte[] expected;

        PinnedTrustManager(byte[] expected) {
            this.expected = expected.clone();
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the relay sent no certificate");
            }
            byte[] actual;
            try {
                actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
            } catch (NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
            if (!MessageDigest.isEqual(actual, expected)) {
                throw new CertificateException("the relay certificate does not match the pinned fingerprint (pinned "
                        + format(expected) + ", relay presented " + format(actual) + ")");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client context does not trust clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package dev.lifeline.common.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcEdECContentSignerBuilder;

/** X.509 building blocks shared by the CA, the identity and the verifier. */
final class Certificates {
    static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private Certificates() {
    }

    static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, organisation)
                .build();
    }

    /** The first value of an attribute (CN, O), or null when the name has none. */
    static String attribute(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return IETFUtils.valueToString(value);
    }

    /** 128 random bits, positive: unguessable serials are what RFC 5280 §4.1.2.2 and CA/B ask for. */
    static BigInteger randomSerial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    static ContentSigner signer(Ed25519PrivateKeyParameters key) {
        try {
            return new BcEdECContentSignerBuilder(ED25519).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Ed25519 signer unavailable", e);
        }
    }

    static SubjectPublicKeyInfo publicKeyInfo(Ed25519PublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte key of an Ed25519 certificate, or null if the certificate holds another key type. */
    static byte[] ed25519PublicKey(X509CertificateHolder certificate) {
        SubjectPublicKeyInfo info = certificate.getSubjectPublicKeyInfo();
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())) {
            return null;
        }
        byte[] key = info.getPublicKeyData().getOctets();
        return key.length == 32 ? key : null;
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }

    static X509CertificateHolder parse(byte[] der) throws NotAnIdentityException {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new NotAnIdentityException("not an X.509 certificate", e);
        }
    }

    static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

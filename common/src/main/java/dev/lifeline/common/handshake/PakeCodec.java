package dev.lifeline.common.handshake;

import com.google.protobuf.ByteString;
import dev.lifeline.common.handshake.HandshakeFailedException.Reason;
import dev.lifeline.common.wire.e2e.PakeRound1;
import dev.lifeline.common.wire.e2e.PakeRound2;
import dev.lifeline.common.wire.e2e.SchnorrProof;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigInteger;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKECurve;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKERound1Payload;
import org.bouncycastle.crypto.agreement.ecjpake.ECJPAKERound2Payload;
import org.bouncycastle.crypto.agreement.ecjpake.ECSchnorrZKP;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** Bouncy Castle EC J-PAKE payloads to and from the e2e.proto messages. */
final class PakeCodec {
    /** SEC1 uncompressed P-256 point; longer inputs are refused before any curve arithmetic. */
    private static final int MAX_POINT_LENGTH = 65;
    private static final int SCALAR_LENGTH = 32;

    /**
     * Bouncy Castle 1.87 has no public way to build an ECSchnorrZKP from received values (its own
     * tests sit in the same package, which a signed jar does not let us join), so the
     * package-private constructor is opened once here. Works on the class path; on a module path
     * it would need {@code --add-opens org.bouncycastle.provider/org.bouncycastle.crypto.agreement.ecjpake=ALL-UNNAMED}.
     */
    private static final Constructor<ECSchnorrZKP> SCHNORR_PROOF;

    static {
        try {
            SCHNORR_PROOF = ECSchnorrZKP.class.getDeclaredConstructor(ECPoint.class, BigInteger.class);
            SCHNORR_PROOF.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ECJPAKECurve curve;

    PakeCodec(ECJPAKECurve curve) {
        this.curve = curve;
    }

    PakeRound1 encode(ECJPAKERound1Payload payload) {
        return PakeRound1.newBuilder()
                .setParticipantId(payload.getParticipantId())
                .setGx1(point(payload.getGx1()))
                .setGx2(point(payload.getGx2()))
                .setKnowledgeProofX1(proof(payload.getKnowledgeProofForX1()))
                .setKnowledgeProofX2(proof(payload.getKnowledgeProofForX2()))
                .build();
    }

    PakeRound2 encode(ECJPAKERound2Payload payload) {
        return PakeRound2.newBuilder()
                .setParticipantId(payload.getParticipantId())
                .setA(point(payload.getA()))
                .setKnowledgeProofX2S(proof(payload.getKnowledgeProofForX2s()))
                .build();
    }

    ECJPAKERound1Payload decode(PakeRound1 round1) throws HandshakeFailedException {
        return new ECJPAKERound1Payload(round1.getParticipantId(), point(round1.getGx1()), point(round1.getGx2()),
                proof(round1.getKnowledgeProofX1()), proof(round1.getKnowledgeProofX2()));
    }

    ECJPAKERound2Payload decode(PakeRound2 round2) throws HandshakeFailedException {
        return new ECJPAKERound2Payload(round2.getParticipantId(), point(round2.getA()), proof(round2.getKnowledgeProofX2S()));
    }

    private static ByteString point(ECPoint point) {
        return ByteString.copyFrom(point.getEncoded(false));
    }

    private static SchnorrProof proof(ECSchnorrZKP proof) {
        return SchnorrProof.newBuilder()
                .setV(point(proof.getV()))
                .setR(ByteString.copyFrom(BigIntegers.asUnsignedByteArray(proof.getr())))
                .build();
    }

    private ECPoint point(ByteString encoded) throws HandshakeFailedException {
        if (encoded.isEmpty() || encoded.size() > MAX_POINT_LENGTH) {
            throw malformed("bad EC point length");
        }
        try {
            // decodePoint checks the point is on P-256; the J-PAKE proofs reject infinity.
            return curve.getCurve().decodePoint(encoded.toByteArray());
        } catch (RuntimeException e) {
            throw malformed("not a P-256 point");
        }
    }

    private ECSchnorrZKP proof(SchnorrProof proof) throws HandshakeFailedException {
        if (proof.getR().size() > SCALAR_LENGTH) {
            throw malformed("Schnorr proof scalar too long");
        }
        ECPoint v = point(proof.getV());
        try {
            return SCHNORR_PROOF.newInstance(v, new BigInteger(1, proof.getR().toByteArray()));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Bouncy Castle ECSchnorrZKP changed", e);
        }
    }

    private static HandshakeFailedException malformed(String detail) {
        return new HandshakeFailedException(Reason.MALFORMED_MESSAGE, detail, false);
    }
}

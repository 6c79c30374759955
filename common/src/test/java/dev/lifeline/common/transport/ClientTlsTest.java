package dev.lifeline.common.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.Test;

class ClientTlsTest {
    private static final String HEX = "AB".repeat(32);

    @Test
    void fingerprintsParseWithOrWithoutColonsInAnyCase() {
        byte[] plain = ClientTls.parseFingerprint(HEX);
        assertArrayEquals(plain, ClientTls.parseFingerprint(HEX.toLowerCase()));
        assertArrayEquals(plain, ClientTls.parseFingerprint(ClientTls.format(plain)));
        assertArrayEquals(plain, ClientTls.parseFingerprint(ClientTls.format(plain).toLowerCase()));
        assertEquals(32, plain.length);
    }

    @Test
    void badFingerprintsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClientTls.parseFingerprint("AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> ClientTls.parseFingerprint("ZZ".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> ClientTls.parseFingerprint(null));
    }

    @Test
    void contextsAreTls13Clients() throws Exception {
        SslContext pinned = ClientTls.pinned(HEX);
        assertTrue(pinned.isClient());
        SslContext system = ClientTls.systemTrust();
        assertNotNull(system);
        var engine = pinned.newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
        assertArrayEquals(new String[] {"TLSv1.3"}, engine.getEnabledProtocols());
    }
}

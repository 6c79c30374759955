package dev.lifeline.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.e2e.ScreenControl;
import dev.lifeline.common.wire.e2e.ScreenCursor;
import dev.lifeline.common.wire.e2e.ScreenMonitor;
import dev.lifeline.common.wire.e2e.ScreenPull;
import dev.lifeline.common.wire.e2e.ScreenQuality;
import dev.lifeline.common.wire.e2e.ScreenRequest;
import dev.lifeline.common.wire.e2e.ScreenState;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Golden bytes of the screen-sharing messages: a change to their wire form shows up here as a diff. */
class ScreenWireTest {
    private static String hex(SessionMessage message) {
        return HexFormat.of().formatHex(message.toByteArray());
    }

    @Test
    void screenMessagesKeepTheirWireForm() throws Exception {
        assertEquals("2200", hex(SessionMessage.newBuilder().setScreenRequest(ScreenRequest.getDefaultInstance()).build()));
        assertEquals("2a1608011a0e12014118ff1d28800f30b808380128023001", hex(SessionMessage.newBuilder()
                .setScreenState(ScreenState.newBuilder().setStatus(ScreenState.Status.GRANTED).setStream(1)
                        .addMonitors(ScreenMonitor.newBuilder().setIndex(0).setName("A").setX(-1920).setY(0)
                                .setWidth(1920).setHeight(1080).setPrimary(true))
                        .setActiveMonitor(0).setQuality(ScreenQuality.SCREEN_QUALITY_SHARP)).build()));
        assertEquals("32020801", hex(SessionMessage.newBuilder()
                .setScreenControl(ScreenControl.newBuilder().setSelectMonitor(1)).build()));
        assertEquals("3a090807100118e8072001", hex(SessionMessage.newBuilder().setScreenPull(ScreenPull.newBuilder()
                .setPullId(7).setStream(1).setViewerSentAtMicros(1000).setKeyframe(true)).build()));
        SessionMessage update = SessionMessage.newBuilder().setScreenUpdate(ScreenUpdate.newBuilder().setStream(1)
                .setMonitor(0).setFrameNumber(42).setSlice(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .setFirstSlice(true).setLastSlice(true).setKeyframe(true).setPullId(7)
                .setHoldMicros(500).setCaptureToSendMicros(9000)
                .setCursor(ScreenCursor.newBuilder().setX(10).setY(-2).setVisible(true))).build();
        assertEquals("421f0801182a2203010203280130013801400748f40350a8465a06081410031801", hex(update));
        assertEquals(update, SessionMessage.parseFrom(update.toByteArray()));
    }
}

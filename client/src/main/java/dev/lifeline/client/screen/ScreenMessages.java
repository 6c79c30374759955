package dev.lifeline.client.screen;

import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.wire.e2e.ScreenMonitor;
import dev.lifeline.common.wire.e2e.ScreenQuality;
import java.util.ArrayList;
import java.util.List;

/** Screen-sharing values to and from their wire form, with the bounds both ends enforce. */
public final class ScreenMessages {
    /** Updates larger than one relay frame cannot travel; the codec keeps slices under this. */
    public static final int MAX_SLICE_BYTES = 960 * 1024;
    /**
     * Slices in one update. Two updates in flight must fit the sender's resend buffer
     * ({@code ReliableDelivery.DEFAULT_MAX_UNACKED_BYTES}, 32 MiB) with room for chat:
     * 2 × 12 × 960 KiB = 22.5 MiB.
     */
    public static final int MAX_SLICES_PER_UPDATE = 12;
    /** Updates a viewer may ask for before the first is drawn: more would only queue. */
    public static final int MAX_UPDATES_IN_FLIGHT = 2;
    public static final int MAX_MONITORS = 16;
    private static final int MAX_NAME_CHARS = 100;

    private ScreenMessages() {
    }

    public static dev.lifeline.common.wire.e2e.ScreenCursorShape toWire(CursorShape shape) {
        java.nio.ByteBuffer argb = java.nio.ByteBuffer.allocate(shape.width() * shape.height() * 4);
        argb.asIntBuffer().put(shape.argb());
        return dev.lifeline.common.wire.e2e.ScreenCursorShape.newBuilder()
                .setWidth(shape.width()).setHeight(shape.height())
                .setHotX(shape.hotX()).setHotY(shape.hotY())
                .setArgb(com.google.protobuf.ByteString.copyFrom(argb.array()))
                .build();
    }

    /** The peer's cursor shape, or null when it is malformed (the viewer then keeps its arrow). */
    public static CursorShape fromWire(dev.lifeline.common.wire.e2e.ScreenCursorShape shape) {
        long w = shape.getWidth() & 0xFFFFFFFFL;
        long h = shape.getHeight() & 0xFFFFFFFFL;
        if (w < 1 || h < 1 || w > CursorShape.MAX_SIDE || h > CursorShape.MAX_SIDE
                || shape.getArgb().size() != w * h * 4
                || Integer.compareUnsigned(shape.getHotX(), (int) w) >= 0
                || Integer.compareUnsigned(shape.getHotY(), (int) h) >= 0) {
            return null;
        }
        int[] argb = new int[(int) (w * h)];
        shape.getArgb().asReadOnlyByteBuffer().asIntBuffer().get(argb);
        return new CursorShape((int) w, (int) h, shape.getHotX(), shape.getHotY(), argb);
    }

    public static ScreenQuality toWire(Quality quality) {
        return switch (quality) {
            case AUTO -> ScreenQuality.SCREEN_QUALITY_AUTO;
            case SHARP -> ScreenQuality.SCREEN_QUALITY_SHARP;
            case FAST -> ScreenQuality.SCREEN_QUALITY_FAST;
        };
    }

    /** Unknown values (a newer peer) count as AUTO. */
    public static Quality fromWire(ScreenQuality quality) {
        return switch (quality) {
            case SCREEN_QUALITY_SHARP -> Quality.SHARP;
            case SCREEN_QUALITY_FAST -> Quality.FAST;
            default -> Quality.AUTO;
        };
    }

    public static ScreenMonitor toWire(MonitorInfo m) {
        return ScreenMonitor.newBuilder().setIndex(m.index()).setName(m.name()).setX(m.x()).setY(m.y())
                .setWidth(m.width()).setHeight(m.height()).setPrimary(m.primary()).build();
    }

    /**
     * The peer's monitor list, cut to {@link #MAX_MONITORS} and renumbered in order, names cut
     * and sizes clamped, so nothing the peer sends can make the viewer allocate absurdly.
     */
    public static List<MonitorInfo> fromWire(List<ScreenMonitor> monitors) {
        List<MonitorInfo> result = new ArrayList<>();
        for (ScreenMonitor m : monitors) {
            if (result.size() == MAX_MONITORS) {
                break;
            }
            String name = m.getName().length() > MAX_NAME_CHARS ? m.getName().substring(0, MAX_NAME_CHARS) : m.getName();
            result.add(new MonitorInfo(result.size(), name, m.getX(), m.getY(),
                    clampSide(m.getWidth()), clampSide(m.getHeight()), m.getPrimary()));
        }
        return List.copyOf(result);
    }

    /** Sides are unsigned on the wire: a huge value arrives negative here and clamps to 0. */
    private static int clampSide(int side) {
        return Math.max(0, Math.min(side, dev.lifeline.common.screen.ScreenImage.MAX_SIDE));
    }
}

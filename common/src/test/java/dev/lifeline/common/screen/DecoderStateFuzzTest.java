package dev.lifeline.common.screen;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes as a saved decoder state: {@link DecoderState#fromBytes} refuses them with
 * {@link MalformedDecoderStateException} or takes them, and then a decoder restored from them
 * still decodes a keyframe. Saved inputs (a real state, one saved before any keyframe) in
 * {@code DecoderStateFuzzTestInputs}.
 */
class DecoderStateFuzzTest {
    private static final byte[] KEYFRAME = new ScreenEncoder(PhotoCodec.NONE)
            .encode(SyntheticScreens.desktop(200, 130, 1), Quality.SHARP).slices().get(0);

    @FuzzTest
    void fuzzState(byte[] input) {
        DecoderState state;
        try {
            state = DecoderState.fromBytes(input);
        } catch (MalformedDecoderStateException expected) {
            return; // typed refusal is the contract
        }
        ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);
        decoder.restoreState(state);
        try {
            decoder.apply(KEYFRAME);
        } catch (MalformedScreenUpdateException e) {
            throw new AssertionError("a keyframe after a restored state was rejected", e);
        }
    }
}

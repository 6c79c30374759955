package dev.lifeline.common.screen;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes as screen updates, after a valid keyframe: the decoder applies them or throws
 * {@link MalformedScreenUpdateException}, never anything else. Saved inputs in
 * {@code ScreenDecoderFuzzTestInputs}.
 */
class ScreenDecoderFuzzTest {
    private static final byte[] KEYFRAME = new ScreenEncoder(PhotoCodec.NONE)
            .encode(SyntheticScreens.desktop(200, 130, 1), Quality.SHARP).slices().get(0);

    @FuzzTest
    void fuzzDecoder(byte[] input) {
        ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);
        try {
            decoder.apply(KEYFRAME);
        } catch (MalformedScreenUpdateException e) {
            throw new AssertionError("own keyframe rejected", e);
        }
        try {
            decoder.apply(input);
        } catch (MalformedScreenUpdateException expected) {
            // typed refusal is the contract
        }
    }
}

package footage.pipeline.sample;

/**
 * Synthetic picture and sound, computed from the frame or sample number alone so that the same
 * spec always encodes to the same bytes. Pictures are built directly as YUV 4:2:0 planes.
 */
final class TestPattern {

    private static final int BARS = 8;
    private static final int SCROLL_PIXELS_PER_FRAME = 2;
    private static final int COUNTER_BITS = 16;
    private static final int COUNTER_ROWS = 8;
    private static final int TONE_HZ = 440;
    private static final int BEEP_HZ = 880;
    private static final float AMPLITUDE = 0.2f;

    private TestPattern() {
    }

    /**
     * Fills one frame: eight grey/colour bars scrolling right, with the frame number as 16 binary
     * blocks along the top (so every frame differs and a viewer can read its position).
     */
    static void picture(int frameNumber, int width, int height, byte[] luma, int lumaStride, byte[] cb, byte[] cr,
                        int chromaStride) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                luma[y * lumaStride + x] = (byte) (y < COUNTER_ROWS
                        ? counterLuma(frameNumber, x, width)
                        : 40 + 25 * bar(frameNumber, x, width));
            }
        }
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < width / 2; x++) {
                boolean counter = 2 * y < COUNTER_ROWS;
                int bar = bar(frameNumber, 2 * x, width);
                cb[y * chromaStride + x] = (byte) (counter ? 128 : 96 + (bar * 37) % 64);
                cr[y * chromaStride + x] = (byte) (counter ? 128 : 160 - (bar * 23) % 64);
            }
        }
    }

    private static int bar(int frameNumber, int x, int width) {
        int scrolled = Math.floorMod(x - frameNumber * SCROLL_PIXELS_PER_FRAME, width);
        return scrolled * BARS / width;
    }

    private static int counterLuma(int frameNumber, int x, int width) {
        int bit = COUNTER_BITS - 1 - Math.min(COUNTER_BITS - 1, x * COUNTER_BITS / width);
        return (frameNumber >>> bit & 1) == 1 ? 235 : 16;
    }

    /**
     * A steady 440 Hz tone with a 100 ms 880 Hz beep at the start of every second, so seconds are
     * audible. StrictMath keeps the samples identical on every JVM and CPU.
     */
    static float sample(long sampleNumber, int sampleRate) {
        boolean beep = sampleNumber % sampleRate < sampleRate / 10;
        int hz = beep ? BEEP_HZ : TONE_HZ;
        double phase = 2 * Math.PI * ((sampleNumber * hz) % sampleRate) / sampleRate;
        return (float) (AMPLITUDE * StrictMath.sin(phase));
    }
}

package footage.pipeline.media;

import java.util.function.Consumer;

/** Probes for benchmarks outside this package: the MPEG-TS scan by Java or by libavformat alone. */
public final class ProbeReaders {

    private ProbeReaders() {
    }

    /** The probe as the pipeline runs it; {@code reader} is told what scanned each file's packets. */
    public static MediaProbe direct(Consumer<String> reader) {
        return new MediaProbe(true, reader);
    }

    /** The probe with every MPEG-TS packet read by libavformat, as before the Java scan. */
    public static MediaProbe libavformatOnly() {
        return new MediaProbe(false, reader -> { });
    }
}

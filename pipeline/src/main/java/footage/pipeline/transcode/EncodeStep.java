package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The last step of an {@link Encoding}, on a thread of its own: the encoders and the muxer. Packets are held back
 * until every expected stream's encoder is open and the header can be written.
 */
final class EncodeStep implements AutoCloseable {

    /** Packets held back until every stream's encoder is open and the header can be written. */
    private static final int MAX_HELD = 512;

    private record Held(AVPacket packet, OutputFile.Track track, AVRational timeBase) {
    }

    private final OutputFile out;
    private final Profile profile;
    /** the source's container metadata, copied before this step's thread (which writes the header) starts */
    private final AVDictionary metadata = new AVDictionary(null);
    /** set here when the sound never gave a frame to open its encoder with; the other steps then drop it */
    private final AtomicBoolean audioAbandoned;
    private final List<Held> held = new ArrayList<>();
    private final AVPacket encoded = av_packet_alloc();
    private StreamEncoder videoEncoder;
    private StreamEncoder audioEncoder;
    private OutputFile.Track videoTrack;
    private OutputFile.Track audioTrack;
    private boolean audioExpected;
    private long encodedFrames;

    EncodeStep(OutputFile out, Profile profile, AVDictionary sourceMetadata, boolean audioExpected,
               AtomicBoolean audioAbandoned) {
        this.out = out;
        this.profile = profile;
        this.audioExpected = audioExpected;
        this.audioAbandoned = audioAbandoned;
        av_dict_copy(metadata, sourceMetadata, 0);
    }

    long encodedFrames() {
        return encodedFrames;
    }

    boolean hasAudioTrack() {
        return audioTrack != null;
    }

    boolean handle(EncodingWork work) throws IOException {
        if (work instanceof EncodingWork.Open open) {
            open(open);
            return true;
        }
        if (work instanceof EncodingWork.Filtered f) {
            try {
                if (f.video()) {
                    encodedFrames++;
                    drain(videoEncoder, f.frame(), videoTrack);
                } else if (audioEncoder != null) {
                    drain(audioEncoder, f.frame(), audioTrack);
                }
            } finally {
                av_frame_free(f.frame());
            }
            return true;
        }
        drain(videoEncoder, null, videoTrack);
        if (audioEncoder != null) {
            drain(audioEncoder, null, audioTrack);
        }
        if (!out.headerWritten()) {
            writeHeader();
        }
        out.finish();
        return false;
    }

    private void open(EncodingWork.Open open) throws IOException {
        if (open.video()) {
            videoEncoder = open.encoder();
            videoTrack = out.addEncoded(videoEncoder.context(), true);
        } else if (audioAbandoned.get()) {
            open.encoder().close();
            return;
        } else {
            audioEncoder = open.encoder();
            audioTrack = out.addEncoded(audioEncoder.context(), false);
        }
        writeHeaderWhenReady();
    }

    /** Sends a frame (null = flush) and writes, or holds back, every packet the encoder has ready. */
    private void drain(StreamEncoder encoder, AVFrame input, OutputFile.Track track) throws IOException {
        Av.check(encoder.send(input), "encode");
        while (true) {
            int rc = encoder.receive(encoded);
            if (Av.again(rc)) {
                return;
            }
            Av.check(rc, "encode");
            AVRational timeBase = encoder.context().time_base();
            if (out.headerWritten()) {
                out.write(encoded, track, timeBase);
            } else {
                held.add(new Held(av_packet_clone(encoded), track, timeBase));
                av_packet_unref(encoded);
                if (held.size() > MAX_HELD && videoTrack != null && audioTrack == null) {
                    // the sound never gave a frame to set its encoder up with: go on without it
                    audioAbandoned.set(true);
                    audioExpected = false;
                    writeHeaderWhenReady();
                }
            }
        }
    }

    private void writeHeaderWhenReady() throws IOException {
        boolean audioPending = audioExpected && audioTrack == null;
        if (videoTrack != null && !audioPending && !out.headerWritten()) {
            writeHeader();
        }
    }

    private void writeHeader() throws IOException {
        out.writeHeader(metadata, Boolean.TRUE.equals(profile.faststart()));
        for (Held h : held) {
            try {
                out.write(h.packet(), h.track(), h.timeBase());
            } finally {
                av_packet_free(h.packet());
            }
        }
        held.clear();
    }

    @Override
    public void close() {
        for (Held h : held) {
            av_packet_free(h.packet());
        }
        held.clear();
        av_packet_free(encoded);
        Encoding.closeQuietly(videoEncoder);
        Encoding.closeQuietly(audioEncoder);
        Encoding.closeQuietly(out);
        av_dict_free(metadata);
    }
}

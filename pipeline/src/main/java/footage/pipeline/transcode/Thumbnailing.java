package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One picture at the profile's offset: seek to the key frame before it, decode up to it, filter
 * ({@link Filters#video}: deinterlace, upright, scaled, JPEG's full-range YUV) and encode it. Past the end of a
 * short recording the middle is taken; past the end of a damaged one, the last picture that decodes.
 */
final class Thumbnailing implements AutoCloseable {

    private final InputFile in;
    private final Profile profile;
    private final Cancellation cancellation;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private final AVFrame chosen = av_frame_alloc();
    private final AVFrame filtered = av_frame_alloc();
    private StreamDecoder decoder;
    private FilterGraph filters;
    private StreamEncoder encoder;
    private OutputFile out;
    private final int photoRotation;
    private boolean haveChosen;
    private double chosenAt;

    /** @param photoRotation clockwise degrees a photo's EXIF Orientation asks for; 0 for video */
    Thumbnailing(InputFile in, Profile profile, TranscodeListener listener, int photoRotation) {
        this.photoRotation = photoRotation;
        this.in = in;
        this.profile = profile;
        this.cancellation = new Cancellation(listener);
    }

    TranscodeResult run(Path target) throws IOException {
        int videoIndex = in.bestStream(AVMEDIA_TYPE_VIDEO, -1);
        if (videoIndex < 0) {
            throw new SourceUnusableException("it has no video stream");
        }
        AVStream stream = in.stream(videoIndex);
        decoder = StreamDecoder.open(stream, "video (" + in.codecName(videoIndex) + ")");
        double duration = in.durationSeconds();
        double at = profile.thumbnailOffset();
        if (!Double.isNaN(duration) && at >= duration) {
            at = duration / 2;
        }
        long start = in.startIn(stream);
        boolean sought = at > 0 && av_seek_frame(in.context(), videoIndex,
                start + (long) (at / av_q2d(stream.time_base())), AVSEEK_FLAG_BACKWARD) >= 0;
        decodeUpTo(videoIndex, stream, start, at);
        if (!haveChosen && sought) {
            // the key frame before the offset lies in a part that does not decode: start from the beginning
            av_seek_frame(in.context(), videoIndex, start, AVSEEK_FLAG_BACKWARD);
            avcodec_flush_buffers(decoder.context());
            decodeUpTo(videoIndex, stream, start, at);
        }
        if (!haveChosen) {
            throw new SourceUnusableException("not one video frame could be decoded");
        }
        int field = stream.codecpar().field_order();
        boolean interlaced = (chosen.flags() & Av.FRAME_FLAG_INTERLACED) != 0
                || field == AV_FIELD_TT || field == AV_FIELD_BB || field == AV_FIELD_TB || field == AV_FIELD_BT;
        int rotation = in.rotation(videoIndex) != 0 ? in.rotation(videoIndex) : photoRotation;
        String chain = Filters.video(profile, rotation, interlaced, Double.NaN);
        filters = FilterGraph.video(chosen, stream.time_base(), null, chain);
        filters.push(chosen);
        filters.push(null);
        int rc = filters.pull(filtered);
        Av.check(rc, "filter the picture");
        encoder = StreamEncoder.picture(profile, filters);
        out = OutputFile.create(target, profile.container());
        OutputFile.Track track = out.addEncoded(encoder.context(), true);
        out.writeHeader(null, false);
        filtered.pict_type(AV_PICTURE_TYPE_NONE);
        filtered.pts(0);
        encoder.prepare(filtered);
        Av.check(encoder.send(filtered), "encode the picture");
        Av.check(encoder.send(null), "encode the picture");
        long pictures = 0;
        while (true) {
            rc = encoder.receive(packet);
            if (Av.again(rc)) {
                break;
            }
            Av.check(rc, "encode the picture");
            out.write(packet, track, encoder.context().time_base());
            pictures++;
        }
        out.finish();
        Double sourceSeconds = Double.isNaN(duration) ? null : duration;
        String damage = chosenAt < at - 0.5
                ? String.format(Locale.ROOT, "taken as far as it decodes: the picture is from %.2f s, the recording "
                + "does not decode up to %.2f s", chosenAt, at) : null;
        return new TranscodeResult(TranscodeMethod.THUMBNAIL, sourceSeconds, chosenAt, pictures, 1, false, damage,
                chain);
    }

    /** Keeps the last frame before {@code at} and stops at the first one at or after it. */
    private void decodeUpTo(int videoIndex, AVStream stream, long start, double at) throws IOException {
        boolean draining = false;
        while (true) {
            cancellation.check();
            int rc = draining ? 0 : in.read(packet);
            if (rc < 0) {
                draining = true;
                decoder.send(null);
            } else if (!draining) {
                if (packet.stream_index() != videoIndex) {
                    av_packet_unref(packet);
                    continue;
                }
                decoder.send(packet);
                av_packet_unref(packet);
            }
            while (true) {
                rc = decoder.receive(frame);
                if (rc == AVERROR_EOF) {
                    return;
                }
                if (rc < 0) {
                    break;
                }
                long pts = frame.best_effort_timestamp();
                double t = pts == AV_NOPTS_VALUE ? chosenAt : (pts - start) * av_q2d(stream.time_base());
                av_frame_unref(chosen);
                av_frame_move_ref(chosen, frame);
                haveChosen = true;
                chosenAt = t;
                if (t >= at - 1e-6) {
                    return;
                }
            }
            if (draining) {
                return;
            }
        }
    }

    @Override
    public void close() {
        av_packet_free(packet);
        av_frame_free(frame);
        av_frame_free(chosen);
        av_frame_free(filtered);
        for (AutoCloseable c : new AutoCloseable[] {encoder, filters, decoder, out}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // native frees do not fail
                }
            }
        }
    }
}

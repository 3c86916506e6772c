package footage.pipeline.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_ATTACHMENT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_DATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads a media file's container facts and walks its packets (no decoding) with FFmpeg; photos, recognised by their
 * first bytes, go to metadata-extractor instead.
 * Bad media never throws: the result is unreadable with FFmpeg's reason. Thread-safe: every call
 * works on its own native context.
 */
public final class MediaProbe {

    /** Demuxers that accept plain text files; a match is text, not footage. */
    private static final Set<String> TEXT_FORMATS = Set.of("tty");

    /** Whether MPEG-TS is scanned by {@link TransportStreamScan} (else by libavformat alone, as tests compare). */
    private final boolean directTransportStream;
    /** Told which reader scanned each file's packets: for tests and benchmarks. */
    private final java.util.function.Consumer<String> scanned;

    public MediaProbe() {
        this(true, reader -> { });
    }

    MediaProbe(boolean directTransportStream, java.util.function.Consumer<String> scanned) {
        Ffmpeg.init();
        this.directTransportStream = directTransportStream;
        this.scanned = scanned;
    }

    public ProbeResult probe(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        String notProbeable = checkFile(file);
        if (notProbeable != null) {
            return ProbeResult.unreadable(name, notProbeable);
        }
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MediaSniffer.HEADER_BYTES);
        } catch (IOException e) {
            return ProbeResult.unreadable(name, "cannot read the file: " + e.getMessage());
        }
        MediaSniffer.Content content = MediaSniffer.content(head);
        if (content == MediaSniffer.Content.PHOTO) {
            // FFmpeg would read a JPEG as a one-frame video and knows no EXIF
            return PhotoProbe.probe(file, head);
        }
        ProbeResult result = probeWithFfmpeg(file);
        // what FFmpeg cannot open is still, by its first bytes, a sound recording: catalogued as a damaged one
        return !result.readable() && content == MediaSniffer.Content.AUDIO
                ? ProbeResult.unreadable(name, result.error(), RecordingKind.AUDIO) : result;
    }

    private ProbeResult probeWithFfmpeg(Path file) {
        String name = file.toString();
        AVFormatContext context = new AVFormatContext(null);
        int opened;
        try (BytePointer url = Ffmpeg.fileUrl(file)) {
            opened = avformat_open_input(context, url, null, (AVDictionary) null);
        }
        if (opened < 0) {
            // avformat_open_input frees the context itself on failure
            return ProbeResult.unreadable(name, Ffmpeg.errorText(opened));
        }
        try {
            return inspect(file, context, Files.size(file));
        } catch (IOException e) {
            return ProbeResult.unreadable(name, "cannot read the file size: " + e.getMessage());
        } finally {
            avformat_close_input(context);
        }
    }

    private static String checkFile(Path file) {
        if (!Files.exists(file)) {
            return "file not found";
        }
        if (!Files.isRegularFile(file)) {
            return "not a regular file";
        }
        if (!Files.isReadable(file)) {
            return "no permission to read the file";
        }
        try {
            return Files.size(file) == 0 ? "empty file (0 bytes)" : null;
        } catch (IOException e) {
            return "cannot read the file size: " + e.getMessage();
        }
    }

    private ProbeResult inspect(Path file, AVFormatContext context, long fileSize) {
        String name = file.toString();
        int info = avformat_find_stream_info(context, (PointerPointer<?>) null);
        String container = context.iformat().name().getString(StandardCharsets.UTF_8);
        if (TEXT_FORMATS.contains(container)) {
            return ProbeResult.unreadable(name, "not a media file (text recognised as '" + container + "')");
        }
        List<StreamInfo> streams = streams(context);
        int videoIndex = firstIndex(streams, StreamInfo.VIDEO);
        int audioIndex = firstIndex(streams, StreamInfo.AUDIO);
        if (videoIndex < 0 && audioIndex < 0) {
            String why = info < 0 ? Ffmpeg.errorText(info) : "format '" + container + "'";
            return ProbeResult.unreadable(name, "no audio or video stream (" + why + ")");
        }

        int referenceIndex = videoIndex >= 0 ? videoIndex : audioIndex;
        Double frameInterval = videoIndex >= 0 ? frameInterval(context.streams(videoIndex)) : null;
        double frame = frameInterval == null ? 0 : frameInterval;
        boolean movie = container.startsWith("mov,");
        PacketScan scan = movie ? PacketScan.fromIndex(context, videoIndex, referenceIndex, frame, fileSize) : null;
        if (scan == null) {
            scan = directTransportStream && container.equals("mpegts")
                    ? TransportStreamScan.read(file, context, videoIndex, referenceIndex, frame)
                    : PacketScan.read(context, videoIndex, referenceIndex, frame);
        }
        scanned.accept(scan.reader);

        StatedDuration stated = StatedDuration.of(context, containerDuration(context, movie ? file : null),
                TruncationRule.tolerance(frameInterval));
        Double packetsEnd = scan.referenceEnd == null ? null : scan.referenceEnd - stated.origin();
        String truncation = scan.readToEnd()
                ? TruncationRule.shortfall(stated.judged(), packetsEnd, frameInterval)
                : TruncationRule.readError(scan.packets, packetsEnd, Ffmpeg.errorText(scan.endCode));
        if (truncation == null && (container.equals("wav") || container.equals("avi"))) {
            truncation = RiffHeader.shortfall(file, fileSize);
        }

        return new ProbeResult(name, true, null, container, stated.reported(), creationTime(context, videoIndex),
                streams, scan.packets, scan.videoPackets, scan.firstVideoTimestamp, scan.lastVideoTimestamp,
                truncation != null, truncation, packetsEnd, scan.jumps, scan.mode,
                videoIndex >= 0 ? RecordingKind.VIDEO : RecordingKind.AUDIO, null);
    }

    /** The movie header's duration for MP4/MOV ({@code movie} non-null), else FFmpeg's format duration. */
    private static Double containerDuration(AVFormatContext context, Path movie) {
        Double header = movie == null ? null : MovieHeaderBox.durationSeconds(movie);
        if (header != null) {
            return header;
        }
        return context.duration() == AV_NOPTS_VALUE || context.duration() < 0
                ? null : (double) context.duration() / AV_TIME_BASE;
    }

    private static List<StreamInfo> streams(AVFormatContext context) {
        List<StreamInfo> streams = new ArrayList<>(context.nb_streams());
        for (int i = 0; i < context.nb_streams(); i++) {
            streams.add(stream(i, context.streams(i)));
        }
        return streams;
    }

    private static StreamInfo stream(int index, AVStream stream) {
        AVCodecParameters parameters = stream.codecpar();
        String codec = avcodec_get_name(parameters.codec_id()).getString(StandardCharsets.UTF_8);
        int mediaType = parameters.codec_type();
        String tag = Fourcc.of(parameters.codec_tag());
        if (mediaType == AVMEDIA_TYPE_VIDEO && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
            // cover art of an MP3 or M4A: a picture attached to a sound recording, not its video
            return new StreamInfo(index, "attachment", codec, tag, null, null, null, null, null);
        }
        if (mediaType == AVMEDIA_TYPE_VIDEO) {
            return new StreamInfo(index, StreamInfo.VIDEO, codec, tag, positive(parameters.width()),
                    positive(parameters.height()), rate(stream.avg_frame_rate()), null, null);
        }
        if (mediaType == AVMEDIA_TYPE_AUDIO) {
            return new StreamInfo(index, StreamInfo.AUDIO, codec, tag, null, null, null,
                    positive(parameters.sample_rate()), positive(parameters.ch_layout().nb_channels()));
        }
        return new StreamInfo(index, otherType(mediaType), codec, tag, null, null, null, null, null);
    }

    private static String otherType(int mediaType) {
        if (mediaType == AVMEDIA_TYPE_SUBTITLE) {
            return "subtitle";
        }
        if (mediaType == AVMEDIA_TYPE_DATA) {
            return "data";
        }
        return mediaType == AVMEDIA_TYPE_ATTACHMENT ? "attachment" : "unknown";
    }

    private static int firstIndex(List<StreamInfo> streams, String type) {
        return streams.stream().filter(s -> s.type().equals(type)).mapToInt(StreamInfo::index).findFirst().orElse(-1);
    }

    private static Double frameInterval(AVStream video) {
        Double rate = rate(video.avg_frame_rate());
        if (rate == null) {
            rate = rate(video.r_frame_rate());
        }
        return rate == null ? null : 1 / rate;
    }

    private static Double rate(AVRational rational) {
        return rational.num() > 0 && rational.den() > 0 ? (double) rational.num() / rational.den() : null;
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }

    /** The container's creation_time, else the main video track's (some muxers only write it there). */
    private static String creationTime(AVFormatContext context, int videoIndex) {
        String value = metadata(context.metadata(), "creation_time");
        if (value == null && videoIndex >= 0) {
            value = metadata(context.streams(videoIndex).metadata(), "creation_time");
        }
        return CreationTimes.normalise(value);
    }

    private static String metadata(AVDictionary dictionary, String key) {
        if (dictionary == null || dictionary.isNull()) {
            return null;
        }
        AVDictionaryEntry entry = av_dict_get(dictionary, key, null, 0);
        return entry == null || entry.isNull() ? null : entry.value().getString(StandardCharsets.UTF_8);
    }
}

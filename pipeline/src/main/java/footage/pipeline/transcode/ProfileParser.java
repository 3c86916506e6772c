package footage.pipeline.transcode;

import footage.pipeline.media.RecordingKind;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one profile file: Java properties (UTF-8) with a fixed set of keys per kind. Every mistake — an unknown or
 * misspelt key, a missing key, a key that does not apply to the kind, a value FFmpeg would refuse — is reported as
 * {@code <file>: <key>: <what is wrong>}, so start-up fails before anything is transcoded.
 */
final class ProfileParser {

    static final String NAME = "name";
    static final String KIND = "kind";
    static final String CONTAINER = "container";
    static final String VIDEO_CODEC = "video.codec";
    static final String VIDEO_PRESET = "video.preset";
    static final String VIDEO_CRF = "video.crf";
    static final String VIDEO_BITRATE = "video.bitrate";
    static final String VIDEO_QUALITY = "video.quality";
    static final String MAX_HEIGHT = "video.max-height";
    static final String MAX_FPS = "video.max-fps";
    static final String PIXEL_FORMAT = "video.pixel-format";
    static final String AUDIO_CODEC = "audio.codec";
    static final String AUDIO_BITRATE = "audio.bitrate";
    static final String FASTSTART = "faststart";
    static final String REMUX_WHEN = "remux-when";
    static final String OUTPUT_SUFFIX = "output.suffix";
    static final String THUMBNAIL_OFFSET = "thumbnail.offset";
    static final String MAX_WIDTH = "video.max-width";
    static final String AUDIO_CHANNELS = "audio.channels";
    static final String APPLIES_TO = "applies-to";

    /** Keys each kind requires; {@link #OPTIONAL} lists the ones it may leave out. */
    private static final Map<Profile.Kind, Set<String>> KEYS = Map.of(
            Profile.Kind.PROXY, Set.of(NAME, KIND, CONTAINER, VIDEO_CODEC, VIDEO_PRESET, VIDEO_CRF, VIDEO_BITRATE,
                    MAX_HEIGHT, MAX_FPS, PIXEL_FORMAT, AUDIO_CODEC, AUDIO_BITRATE, FASTSTART, REMUX_WHEN, OUTPUT_SUFFIX,
                    APPLIES_TO),
            Profile.Kind.REMUX, Set.of(NAME, KIND, CONTAINER, VIDEO_CODEC, AUDIO_CODEC, FASTSTART, REMUX_WHEN,
                    OUTPUT_SUFFIX, APPLIES_TO),
            Profile.Kind.THUMBNAIL, Set.of(NAME, KIND, CONTAINER, VIDEO_CODEC, VIDEO_QUALITY, MAX_HEIGHT, PIXEL_FORMAT,
                    THUMBNAIL_OFFSET, OUTPUT_SUFFIX, MAX_WIDTH, APPLIES_TO),
            Profile.Kind.AUDIO, Set.of(NAME, KIND, CONTAINER, AUDIO_CODEC, AUDIO_BITRATE, AUDIO_CHANNELS, FASTSTART,
                    OUTPUT_SUFFIX, APPLIES_TO));
    /**
     * crf and bitrate are alternatives (exactly one); audio.bitrate goes with audio; the preset may be the encoder's;
     * a thumbnail may also cap the width; applies-to defaults to the kind's own recordings.
     */
    private static final Set<String> OPTIONAL = Set.of(VIDEO_CRF, VIDEO_BITRATE, AUDIO_BITRATE, VIDEO_PRESET, MAX_WIDTH,
            APPLIES_TO);
    private static final Set<String> ALL_KEYS = new TreeSet<>(List.of(NAME, KIND, CONTAINER, VIDEO_CODEC, VIDEO_PRESET,
            VIDEO_CRF, VIDEO_BITRATE, VIDEO_QUALITY, MAX_HEIGHT, MAX_FPS, PIXEL_FORMAT, AUDIO_CODEC, AUDIO_BITRATE,
            FASTSTART, REMUX_WHEN, OUTPUT_SUFFIX, THUMBNAIL_OFFSET, MAX_WIDTH, AUDIO_CHANNELS, APPLIES_TO));
    /** Which recordings each kind of profile can make something of. */
    private static final Map<Profile.Kind, Set<RecordingKind>> CAN_APPLY = Map.of(
            Profile.Kind.PROXY, Set.of(RecordingKind.VIDEO), Profile.Kind.REMUX, Set.of(RecordingKind.VIDEO),
            Profile.Kind.THUMBNAIL, Set.of(RecordingKind.VIDEO, RecordingKind.PHOTO),
            Profile.Kind.AUDIO, Set.of(RecordingKind.AUDIO, RecordingKind.VIDEO));

    private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern SUFFIX_PATTERN = Pattern.compile("[.-][A-Za-z0-9._-]*\\.[A-Za-z0-9]{1,8}");
    private static final Pattern BITRATE_PATTERN = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([kKmM]?)");
    private static final Set<String> X264_PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow", "placebo");
    private static final String NONE = "none";

    private final String file;
    private final Properties values;

    private ProfileParser(String file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /**
     * @param file  how to name the file in messages, e.g. {@code ffmpeg-profiles/proxy-720p.properties}
     * @param bytes the file's content
     */
    static Profile parse(String file, String expectedName, byte[] bytes) {
        Properties values = new Properties();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            values.load(new StringReader(text));
        } catch (CharacterCodingException e) {
            throw new ProfileException(file + ": not UTF-8 text");
        } catch (IOException | IllegalArgumentException e) {
            // no cause: the CLI shows the innermost message, which must still name the file
            throw new ProfileException(file + ": not a properties file: " + e.getMessage());
        }
        return new ProfileParser(file, values).profile(expectedName, sha256(bytes));
    }

    private Profile profile(String expectedName, String sha256) {
        for (String key : values.stringPropertyNames()) {
            if (!ALL_KEYS.contains(key)) {
                throw problem(key, "unknown key (keys are " + String.join(", ", ALL_KEYS) + ")");
            }
        }
        String name = required(NAME);
        if (!NAME_PATTERN.matcher(name).matches()) {
            throw problem(NAME, "must be lower-case letters, digits and '-' but was '" + name + "'");
        }
        if (expectedName != null && !name.equals(expectedName)) {
            throw problem(NAME, "must match the file name '" + expectedName + "' but was '" + name + "'");
        }
        Profile.Kind kind = choice(KIND, Profile.Kind.class);
        Set<String> keys = KEYS.get(kind);
        for (String key : values.stringPropertyNames()) {
            if (!keys.contains(key)) {
                throw problem(key, "does not apply to kind " + lower(kind) + " (its keys are "
                        + String.join(", ", new TreeSet<>(keys)) + ")");
            }
        }
        for (String key : keys) {
            if (!OPTIONAL.contains(key)) {
                required(key);
            }
        }
        String container = required(CONTAINER);
        if (!Codecs.isMuxer(container)) {
            throw problem(CONTAINER, "FFmpeg has no muxer named '" + container + "'");
        }
        String suffix = required(OUTPUT_SUFFIX);
        if (!SUFFIX_PATTERN.matcher(suffix).matches()) {
            throw problem(OUTPUT_SUFFIX, "must start with '.' or '-', use only letters, digits, '.', '_', '-' and end "
                    + "with an extension such as .mp4 but was '" + suffix + "'");
        }
        Profile profile = switch (kind) {
            case PROXY -> proxy(name, container, suffix, sha256);
            case REMUX -> remux(name, container, suffix, sha256);
            case THUMBNAIL -> thumbnail(name, container, suffix, sha256);
            case AUDIO -> audio(name, container, suffix, sha256);
        };
        Set<RecordingKind> appliesTo = appliesTo(kind);
        return new Profile(profile.name(), profile.kind(), profile.container(), profile.videoCodec(),
                profile.videoPreset(), profile.videoCrf(), profile.videoBitrate(), profile.videoQuality(),
                profile.maxHeight(), profile.maxFps(), profile.pixelFormat(), profile.audioCodec(), profile.audioBitrate(),
                profile.faststart(), profile.remuxWhen(), profile.outputSuffix(), profile.thumbnailOffset(), sha256,
                profile.maxWidth(), profile.audioChannels(), appliesTo);
    }

    /** {@code applies-to}: video, audio, photo, comma-separated; left out, the kind's own recordings. */
    private Set<RecordingKind> appliesTo(Profile.Kind kind) {
        String text = optional(APPLIES_TO);
        if (text == null) {
            return null;
        }
        Set<RecordingKind> kinds = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String value = part.strip();
            RecordingKind recordingKind = null;
            for (RecordingKind k : RecordingKind.values()) {
                if (lower(k).equals(value)) {
                    recordingKind = k;
                }
            }
            if (recordingKind == null) {
                throw problem(APPLIES_TO, "must be video, audio or photo (comma-separated) but had '" + value + "'");
            }
            if (!CAN_APPLY.get(kind).contains(recordingKind)) {
                throw problem(APPLIES_TO, "kind " + lower(kind) + " cannot make anything of " + value
                        + " recordings (it takes " + String.join(", ", CAN_APPLY.get(kind).stream().map(ProfileParser::lower)
                        .sorted().toList()) + ")");
            }
            kinds.add(recordingKind);
        }
        return kinds;
    }

    private Profile audio(String name, String container, String suffix, String sha256) {
        String audio = audioEncoder();
        long bitrate = bitrate(AUDIO_BITRATE);
        double channels = number(AUDIO_CHANNELS, 1, 8);
        if (channels != Math.rint(channels)) {
            throw problem(AUDIO_CHANNELS, "must be a whole number from 1 to 8 but was '" + required(AUDIO_CHANNELS) + "'");
        }
        boolean faststart = bool(FASTSTART);
        return new Profile(name, Profile.Kind.AUDIO, container, null, null, null, null, null, null, null, null, audio,
                bitrate, faststart, null, suffix, null, sha256, null, (int) channels, null);
    }

    private Profile proxy(String name, String container, String suffix, String sha256) {
        String video = videoEncoder();
        String preset = optional(VIDEO_PRESET);
        if (preset != null && video.equals("libx264") && !X264_PRESETS.contains(preset)) {
            throw problem(VIDEO_PRESET, "libx264 has no preset '" + preset + "' (presets: "
                    + String.join(", ", new TreeSet<>(X264_PRESETS)) + ")");
        }
        String crfText = optional(VIDEO_CRF);
        String bitrateText = optional(VIDEO_BITRATE);
        if ((crfText == null) == (bitrateText == null)) {
            throw problem(crfText == null ? VIDEO_CRF : VIDEO_BITRATE, "give exactly one of " + VIDEO_CRF + " and "
                    + VIDEO_BITRATE);
        }
        Double crf = crfText == null ? null : number(VIDEO_CRF, 0, 51);
        Long bitrate = bitrateText == null ? null : bitrate(VIDEO_BITRATE);
        int maxHeight = height();
        Double maxFps = NONE.equals(required(MAX_FPS)) ? null : number(MAX_FPS, 1, 240);
        String pixelFormat = pixelFormat(video);
        String audioText = required(AUDIO_CODEC);
        String audio = NONE.equals(audioText) ? null : audioEncoder();
        String audioBitrateText = optional(AUDIO_BITRATE);
        if (audio != null && audioBitrateText == null) {
            throw problem(AUDIO_BITRATE, "is required with " + AUDIO_CODEC + "=" + audio);
        }
        if (audio == null && audioBitrateText != null) {
            throw problem(AUDIO_BITRATE, "does not apply with " + AUDIO_CODEC + "=none");
        }
        Long audioBitrate = audio == null ? null : bitrate(AUDIO_BITRATE);
        boolean faststart = bool(FASTSTART);
        Profile.RemuxWhen remuxWhen = choice(REMUX_WHEN, Profile.RemuxWhen.class);
        if (remuxWhen == Profile.RemuxWhen.OTHER_CONTAINER) {
            throw problem(REMUX_WHEN, "must be never or source-matches for kind proxy but was 'other-container'");
        }
        return new Profile(name, Profile.Kind.PROXY, container, video, preset, crf, bitrate, null, maxHeight, maxFps,
                pixelFormat, audio, audioBitrate, faststart, remuxWhen, suffix, null, sha256, null, null, null);
    }

    private Profile remux(String name, String container, String suffix, String sha256) {
        String video = required(VIDEO_CODEC);
        if (!Codecs.isCodec(video, true)) {
            throw problem(VIDEO_CODEC, "FFmpeg knows no video codec '" + video + "' (kind remux names the codec the "
                    + "source must have, e.g. h264)");
        }
        String audio = required(AUDIO_CODEC);
        if (!Codecs.isCodec(audio, false)) {
            throw problem(AUDIO_CODEC, "FFmpeg knows no audio codec '" + audio + "' (kind remux names the codec the "
                    + "source's audio must have, e.g. aac)");
        }
        boolean faststart = bool(FASTSTART);
        Profile.RemuxWhen remuxWhen = choice(REMUX_WHEN, Profile.RemuxWhen.class);
        if (remuxWhen == Profile.RemuxWhen.NEVER) {
            throw problem(REMUX_WHEN, "must be source-matches or other-container for kind remux but was 'never'");
        }
        return new Profile(name, Profile.Kind.REMUX, container, video, null, null, null, null, null, null, null, audio,
                null, faststart, remuxWhen, suffix, null, sha256, null, null, null);
    }

    private Profile thumbnail(String name, String container, String suffix, String sha256) {
        String video = videoEncoder();
        int quality = (int) number(VIDEO_QUALITY, 2, 31);
        if (quality != number(VIDEO_QUALITY, 2, 31)) {
            throw problem(VIDEO_QUALITY, "must be a whole number from 2 (best) to 31 but was '" + required(VIDEO_QUALITY) + "'");
        }
        int maxHeight = height();
        String pixelFormat = pixelFormat(video);
        double offset = number(THUMBNAIL_OFFSET, 0, 86_400);
        Integer maxWidth = null;
        if (optional(MAX_WIDTH) != null) {
            double width = number(MAX_WIDTH, 16, 8192);
            if (width != Math.rint(width) || width % 2 != 0) {
                throw problem(MAX_WIDTH, "must be an even whole number of pixels but was '" + required(MAX_WIDTH) + "'");
            }
            maxWidth = (int) width;
        }
        return new Profile(name, Profile.Kind.THUMBNAIL, container, video, null, null, null, quality, maxHeight, null,
                pixelFormat, null, null, null, null, suffix, offset, sha256, maxWidth, null, null);
    }

    private String videoEncoder() {
        String video = required(VIDEO_CODEC);
        if (!Codecs.isEncoder(video, true)) {
            throw problem(VIDEO_CODEC, "this FFmpeg build has no video encoder '" + video + "'");
        }
        return video;
    }

    private String audioEncoder() {
        String audio = required(AUDIO_CODEC);
        if (!Codecs.isEncoder(audio, false)) {
            throw problem(AUDIO_CODEC, "this FFmpeg build has no audio encoder '" + audio + "' (or use none)");
        }
        return audio;
    }

    private int height() {
        double height = number(MAX_HEIGHT, 16, 8192);
        if (height != Math.rint(height) || height % 2 != 0) {
            throw problem(MAX_HEIGHT, "must be an even whole number of lines but was '" + required(MAX_HEIGHT) + "'");
        }
        return (int) height;
    }

    private String pixelFormat(String encoder) {
        String format = required(PIXEL_FORMAT);
        if (!Codecs.isPixelFormat(format)) {
            throw problem(PIXEL_FORMAT, "FFmpeg knows no pixel format '" + format + "'");
        }
        List<String> supported = Codecs.pixelFormats(encoder);
        if (!supported.isEmpty() && !supported.contains(format)) {
            throw problem(PIXEL_FORMAT, encoder + " cannot encode " + format + " (it takes " + String.join(", ", supported) + ")");
        }
        return format;
    }

    private String required(String key) {
        String value = optional(key);
        if (value == null) {
            throw problem(key, "missing (required for this kind of profile)");
        }
        return value;
    }

    private String optional(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (value.isEmpty()) {
            throw problem(key, "is empty (leave the key out or give a value)");
        }
        return value;
    }

    private double number(String key, double min, double max) {
        String text = required(key);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem(key, "must be a number but was '" + text + "'");
        }
        if (!(value >= min && value <= max)) {
            throw problem(key, "must be from " + plain(min) + " to " + plain(max) + " but was '" + text + "'");
        }
        return value;
    }

    private long bitrate(String key) {
        String text = required(key);
        var m = BITRATE_PATTERN.matcher(text);
        if (!m.matches()) {
            throw problem(key, "must be bits per second such as 128k or 2M but was '" + text + "'");
        }
        double factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1_000;
            case "m" -> 1_000_000;
            default -> 1;
        };
        long bits = Math.round(Double.parseDouble(m.group(1)) * factor);
        if (bits < 1_000 || bits > 1_000_000_000) {
            throw problem(key, "must be from 1k to 1000M but was '" + text + "'");
        }
        return bits;
    }

    private boolean bool(String key) {
        String text = required(key);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw problem(key, "must be true or false but was '" + text + "'");
        };
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type) {
        String text = required(key);
        Set<String> names = new LinkedHashSet<>();
        for (E constant : type.getEnumConstants()) {
            names.add(lower(constant));
            if (lower(constant).equals(text)) {
                return constant;
            }
        }
        throw problem(key, "must be one of " + String.join(", ", names) + " but was '" + text + "'");
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private ProfileException problem(String key, String what) {
        return new ProfileException(file + ": " + key + ": " + what);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

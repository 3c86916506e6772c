package footage.pipeline.transcode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectMapper;
import footage.pipeline.media.FfmpegBinaries;

/** What the FFmpeg build's own ffprobe (and ffmpeg) say about a derivative: the independent check of a proxy. */
final class Ffprobe {

    private static final ObjectMapper JSON = Json.MAPPER;

    private Ffprobe() {
    }

    static JsonNode probe(Path file) throws IOException, InterruptedException {
        return JSON.readTree(FfmpegBinaries.run(FfmpegBinaries.ffprobe(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toString()));
    }

    static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.get("streams")) {
            if (type.equals(s.get("codec_type").asText())) {
                return s;
            }
        }
        return null;
    }

    static double duration(JsonNode probe) {
        return probe.get("format").get("duration").asDouble();
    }

    /** Decodes every frame with ffmpeg; returns its error output, empty when the file plays cleanly. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        Process p = FfmpegBinaries.command(FfmpegBinaries.ffmpeg(), "-v", "error", "-i", file.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return exit == 0 ? output.strip() : "exit " + exit + ": " + output.strip();
    }

    /** Types of the top-level MP4 boxes in file order, e.g. [ftyp, moov, mdat]. */
    static List<String> topLevelBoxes(Path mp4) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(mp4.toFile(), "r")) {
            long pos = 0;
            long length = file.length();
            while (pos + 8 <= length) {
                file.seek(pos);
                long size = Integer.toUnsignedLong(file.readInt());
                byte[] type = new byte[4];
                file.readFully(type);
                if (size == 1) {
                    size = file.readLong();
                } else if (size == 0) {
                    size = length - pos;
                }
                boxes.add(new String(type, StandardCharsets.US_ASCII));
                if (size < 8) {
                    break;
                }
                pos += size;
            }
        }
        return boxes;
    }
}

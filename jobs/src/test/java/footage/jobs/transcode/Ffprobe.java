package footage.jobs.transcode;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectMapper;
import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The FFmpeg build's own ffprobe, extracted by JavaCPP from the platform jar, as the independent check of a proxy.
 * (The pipeline module's test helper footage.pipeline.media.FfmpegBinaries does the same; test classes of another
 * module are not visible here.) The executable is linked against libva.so.2 / libva-drm.so.2 while the jar ships
 * libva.so / libva-drm.so, so those soname links are made next to it when missing.
 */
final class Ffprobe {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Map<String, String> SONAMES = Map.of("libva.so.2", "libva.so", "libva-drm.so.2", "libva-drm.so");

    private Ffprobe() {
    }

    static JsonNode probe(Path file) throws IOException, InterruptedException {
        return JSON.readTree(run("-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()));
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

    /** Types of the top-level MP4 boxes in file order, e.g. [ftyp, moov, mdat]: faststart puts moov before mdat. */
    static List<String> topLevelBoxes(Path mp4) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(mp4.toFile(), "r")) {
            long pos = 0;
            while (pos + 8 <= file.length()) {
                file.seek(pos);
                long size = Integer.toUnsignedLong(file.readInt());
                byte[] type = new byte[4];
                file.readFully(type);
                size = size == 1 ? file.readLong() : size == 0 ? file.length() - pos : size;
                boxes.add(new String(type, StandardCharsets.US_ASCII));
                if (size < 8) {
                    break;
                }
                pos += size;
            }
        }
        return boxes;
    }

    private static String run(String... args) throws IOException, InterruptedException {
        Path binary = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        Path folder = binary.getParent();
        for (Map.Entry<String, String> e : SONAMES.entrySet()) {
            Path link = folder.resolve(e.getKey());
            if (Files.exists(folder.resolve(e.getValue())) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createSymbolicLink(link, Path.of(e.getValue()));
                } catch (FileAlreadyExistsException raced) {
                    // another test JVM linked it first
                }
            }
        }
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LD_LIBRARY_PATH", folder.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("ffprobe " + String.join(" ", args) + " failed: " + errors.join().strip());
        }
        return output;
    }
}

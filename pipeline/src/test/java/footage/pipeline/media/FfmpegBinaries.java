package footage.pipeline.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe executables of the very FFmpeg build the pipeline links against,
 * extracted by JavaCPP from the ffmpeg platform jar. For tests and benchmarks.
 *
 * <p>The executables need the bundled shared libraries on LD_LIBRARY_PATH, and they are linked
 * against the sonames libva.so.2 / libva-drm.so.2 while the jar ships the files as libva.so /
 * libva-drm.so, so the missing soname links are created next to them on first use.
 */
public final class FfmpegBinaries {

    private static final Map<String, String> SONAME_LINKS = Map.of(
            "libva.so.2", "libva.so",
            "libva-drm.so.2", "libva-drm.so");

    private static volatile String libraryPath;

    private FfmpegBinaries() {
    }

    public static Path ffprobe() {
        return extract(org.bytedeco.ffmpeg.ffprobe.class);
    }

    public static Path ffmpeg() {
        return extract(org.bytedeco.ffmpeg.ffmpeg.class);
    }

    /** A process builder for the binary with the bundled libraries on LD_LIBRARY_PATH. */
    public static ProcessBuilder command(Path binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        String inherited = builder.environment().get("LD_LIBRARY_PATH");
        String path = libraryPath(binary.getParent());
        builder.environment().put("LD_LIBRARY_PATH",
                inherited == null || inherited.isEmpty() ? path : path + ":" + inherited);
        return builder;
    }

    /** Runs the binary and returns its standard output; fails with its standard error on a non-zero exit. */
    public static String run(Path binary, String... args) throws IOException, InterruptedException {
        Process process = command(binary, args).start();
        process.getOutputStream().close();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String output = readAll(process.getInputStream());
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(binary.getFileName() + " " + String.join(" ", args) + " exited with " + exit + ": "
                    + errors.join().strip());
        }
        return output;
    }

    private static Path extract(Class<?> executable) {
        try {
            String path = Loader.load(executable);
            if (path == null) {
                throw new IllegalStateException("JavaCPP could not extract " + executable.getSimpleName());
            }
            return Path.of(path);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("JavaCPP could not extract " + executable.getSimpleName(), e);
        }
    }

    private static synchronized String libraryPath(Path folder) {
        if (libraryPath == null) {
            libraryPath = folder + linkSonames(folder);
        }
        return libraryPath;
    }

    /** Creates the soname links in the folder, or in a temp folder when it is read-only; returns extra path entries. */
    private static String linkSonames(Path folder) {
        try {
            SONAME_LINKS.forEach((soname, file) -> link(folder.resolve(soname), Path.of(file), folder.resolve(file)));
            return "";
        } catch (UncheckedIOException notWritable) {
            try {
                Path extra = Files.createTempDirectory("ffmpeg-sonames");
                SONAME_LINKS.forEach((soname, file) -> link(extra.resolve(soname), folder.resolve(file),
                        folder.resolve(file)));
                return ":" + extra;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create libva soname links for " + folder, e);
            }
        }
    }

    private static void link(Path link, Path target, Path existing) {
        if (!Files.exists(existing) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.createSymbolicLink(link, target);
        } catch (FileAlreadyExistsException raced) {
            // another JVM linked it first
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

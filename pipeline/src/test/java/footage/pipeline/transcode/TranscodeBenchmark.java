package footage.pipeline.transcode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import footage.pipeline.media.FfmpegBinaries;

/**
 * Targets (issue 6): {@code proxy-720p} of a ~1 min 1080p recording takes at most 1.15 times as long as the
 * {@code ffmpeg} executable of the same FFmpeg build with the same options; the remux of an MPEG-TS recording into
 * MP4 at most 1.1 times as long as {@code ffmpeg -c copy}. Not a test (mvn verify does not run it).
 *
 * <p>The inputs are made once with the bundled ffmpeg: 1920x1080 at 30 fps, H.264 at 8 Mbit/s (a body camera's
 * rate) of a moving test pattern with light noise, AAC 48 kHz stereo, as MP4 and as MPEG-TS. Then, page cache
 * warm, the executable and the in-process {@link Transcoder} alternate (executable first) ROUNDS times on the same
 * input, each writing a fresh file; the ffmpeg command gets exactly the filter chain and encoder options the
 * Transcoder reports it used ({@link TranscodeResult#videoFilter()}), and both leave the thread counts to FFmpeg.
 * Wall time is the verdict (best / best); CPU time (user + system of all threads; for ffmpeg the reaped child's) is
 * printed too, as the fairer figure on a machine that other work shares.
 *
 * <pre>TranscodeBenchmark WORK_DIR [ROUNDS] [SECONDS] [PROFILES_DIR]</pre>
 */
public final class TranscodeBenchmark {

    private static final double ENCODE_TARGET = 1.15;
    private static final double REMUX_TARGET = 1.10;

    private TranscodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Profiles profiles = Profiles.load(Path.of(args.length > 3 ? args[3] : "ffmpeg-profiles"));
        Path ffmpeg = FfmpegBinaries.ffmpeg();
        Path mp4 = work.resolve("source-1080p.mp4");
        Path ts = work.resolve("source-1080p.ts");
        if (!Files.exists(mp4) || !Files.exists(ts)) {
            long t0 = System.nanoTime();
            makeSources(ffmpeg, mp4, ts, seconds);
            System.out.printf(Locale.ROOT, "made %s (%.1f MiB) and %s in %.0f s%n", mp4, Files.size(mp4) / 1048576.0,
                    ts, (System.nanoTime() - t0) / 1e9);
        }
        Transcoder transcoder = new Transcoder();
        System.out.println("ffmpeg: " + FfmpegBinaries.run(ffmpeg, "-version").lines().findFirst().orElse("?"));
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", load average at start: "
                + Files.readString(Path.of("/proc/loadavg")).strip());

        Profile proxy = profiles.get("proxy-720p").orElseThrow();
        // warm-up: loads the libraries, lets the JIT see the loop, fills the page cache, tells us the filter chain
        TranscodeResult probe = transcoder.transcode(mp4, proxy, work.resolve("warm.mp4"), null);
        if (probe.method() != TranscodeMethod.ENCODE) {
            throw new IllegalStateException("the 1080p source should be re-encoded by proxy-720p, was " + probe.method());
        }
        List<String> encodeArgs = encodeArguments(proxy, probe.videoFilter());
        System.out.println("proxy-720p: filter chain " + probe.videoFilter() + "; ffmpeg " + String.join(" ", encodeArgs));
        compare("6a. proxy-720p of " + seconds + " s 1080p", rounds, ENCODE_TARGET, ffmpeg, mp4, encodeArgs,
                out -> transcoder.transcode(mp4, proxy, out, null), work);

        Profile remux = profiles.get("remux-mp4").orElseThrow();
        transcoder.transcode(ts, remux, work.resolve("warm.mp4"), null);
        List<String> copyArgs = List.of("-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-movflags", "+faststart");
        compare("6b. remux-mp4 of " + seconds + " s MPEG-TS", Math.max(rounds, 5), REMUX_TARGET, ffmpeg, ts, copyArgs,
                out -> transcoder.transcode(ts, remux, out, null), work);
    }

    /** The ffmpeg options that say what the Transcoder does for this profile. */
    static List<String> encodeArguments(Profile p, String videoFilter) {
        List<String> a = new ArrayList<>(List.of("-map", "0:v:0", "-map", "0:a:0?", "-vf", videoFilter,
                "-c:v", p.videoCodec()));
        if (p.videoPreset() != null) {
            a.addAll(List.of("-preset", p.videoPreset()));
        }
        if (p.videoCrf() != null) {
            a.addAll(List.of("-crf", plain(p.videoCrf())));
        } else {
            a.addAll(List.of("-b:v", Long.toString(p.videoBitrate())));
        }
        a.addAll(List.of("-c:a", p.audioCodec(), "-b:a", Long.toString(p.audioBitrate())));
        if (Boolean.TRUE.equals(p.faststart())) {
            a.addAll(List.of("-movflags", "+faststart"));
        }
        return a;
    }

    private interface Ours {
        TranscodeResult run(Path out) throws IOException;
    }

    private static void compare(String name, int rounds, double target, Path ffmpeg, Path source, List<String> options,
                                Ours ours, Path work) throws Exception {
        double[] baseWall = new double[rounds];
        double[] baseCpu = new double[rounds];
        double[] oursWall = new double[rounds];
        double[] oursCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Path a = work.resolve("ffmpeg-" + r + ".mp4");
            Path b = work.resolve("ours-" + r + ".mp4");
            List<String> command = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                    "-i", source.toString()));
            command.addAll(options);
            command.add(a.toString());
            long cpu0 = children();
            long t0 = System.nanoTime();
            FfmpegBinaries.run(ffmpeg, command.toArray(String[]::new));
            baseWall[r] = (System.nanoTime() - t0) / 1e9;
            baseCpu[r] = (children() - cpu0) / ticks();
            cpu0 = self();
            t0 = System.nanoTime();
            TranscodeResult result = ours.run(b);
            oursWall[r] = (System.nanoTime() - t0) / 1e9;
            oursCpu[r] = (self() - cpu0) / ticks();
            System.out.printf(Locale.ROOT, "%s round %d: ffmpeg %.2f s (cpu %.1f s, %.1f MiB), ours %.2f s (cpu %.1f s, "
                            + "%.1f MiB, %s, %d frames)%n", name, r + 1, baseWall[r], baseCpu[r], Files.size(a) / 1048576.0,
                    oursWall[r], oursCpu[r], Files.size(b) / 1048576.0, result.method(), result.videoFrames());
            Files.delete(a);
            Files.delete(b);
        }
        double base = best(baseWall);
        double mine = best(oursWall);
        double ratio = mine / base;
        System.out.printf(Locale.ROOT, "%s: ffmpeg best %.2f s median %.2f s cpu median %.1f s; ours best %.2f s median "
                        + "%.2f s cpu median %.1f s; ratio best/best %.3f, median/median %.3f, cpu %.3f; target <= %.2f%n",
                name, base, median(baseWall), median(baseCpu), mine, median(oursWall), median(oursCpu), ratio,
                median(oursWall) / median(baseWall), median(oursCpu) / median(baseCpu), target);
        System.out.println(String.join("|", "RESULT", name + " (best of " + rounds + ")",
                String.format(Locale.ROOT, "ffmpeg %.2f s", base), String.format(Locale.ROOT, "%.2f s", mine),
                String.format(Locale.ROOT, "%.2f", ratio), String.format(Locale.ROOT, "<= %.2f", target),
                ratio <= target ? "meets" : "MISSES"));
    }

    private static void makeSources(Path ffmpeg, Path mp4, Path ts, int seconds) throws IOException, InterruptedException {
        FfmpegBinaries.run(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30,noise=alls=8:allf=t",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000,aformat=channel_layouts=stereo",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-b:v", "8M",
                "-maxrate", "10M", "-bufsize", "16M", "-g", "60", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", mp4.toString());
        FfmpegBinaries.run(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", mp4.toString(),
                "-c", "copy", "-f", "mpegts", ts.toString());
    }

    /** CPU time (clock ticks) of this process, all threads, native ones included. */
    private static long self() throws IOException {
        String[] f = stat();
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** CPU time (clock ticks) of this process's children that were waited for. */
    private static long children() throws IOException {
        String[] f = stat();
        return Long.parseLong(f[15]) + Long.parseLong(f[16]);
    }

    private static String[] stat() throws IOException {
        String s = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        // the command name (field 2) may hold spaces; fields after it are plain
        return ("x x " + s.substring(s.lastIndexOf(')') + 2)).split(" ");
    }

    private static double ticks() {
        return 100.0;
    }

    private static double best(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

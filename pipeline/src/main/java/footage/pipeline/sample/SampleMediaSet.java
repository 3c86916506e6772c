package footage.pipeline.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The demo drop folder committed under sample-media/ (see its README.md for what the pipeline
 * should find). Regenerate with {@code SampleMediaSet DIR}.
 */
public final class SampleMediaSet {

    static final ZoneId DEVICE_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private SampleMediaSet() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleMediaSet DROP_DIR");
            System.exit(2);
        }
        SampleDumpGenerator generator = new SampleDumpGenerator();
        for (DumpSpec dump : dumps()) {
            System.out.println(generator.writeDump(Path.of(args[0]), dump));
        }
    }

    /** The demo dumps, in the order they are written. */
    public static List<DumpSpec> dumps() {
        return List.of(clockFastWithGapsAndDamage(), onTimeWithNonMediaListed(), withoutManifest());
    }

    /**
     * Device clock 95 s fast; the device writes local time marked as UTC. 0001+0002 are one
     * recording split in two, then 30 s gaps before 0003 and before 0004; 0004 lost its tail.
     */
    private static DumpSpec clockFastWithGapsAndDamage() {
        String device = "DSJ0001234";
        String officer = "100234";
        LocalDateTime day = LocalDateTime.of(2019, 2, 17, 9, 30, 0);
        return new DumpSpec("ST01_DSJ0001234_20190217180512", "ST01", device, officer, "张三",
                "2019-02-17T18:05:12+08:00", "2019-02-17T18:06:47+08:00", true, List.of(
                localAsUtc(device, officer, day, 1, false, 20),
                localAsUtc(device, officer, day.plusSeconds(20), 2, false, 20),
                localAsUtc(device, officer, day.plusSeconds(70), 3, true, 20),
                FileSpec.video(fileName(device, officer, day.plusSeconds(120), 4, false),
                        VideoSpec.small(20, asIfUtc(day.plusSeconds(120))).truncatedTo(0.6)),
                FileSpec.bytes("LOG/device.log", deviceLog(device, day)).unlisted()));
    }

    /**
     * Clock 1 s off (within tolerance), correct UTC creation times, a text file listed as if it were footage; a photo
     * taken during the first video, then the sound recorder running on after the second (a WAV, then an AMR).
     */
    private static DumpSpec onTimeWithNonMediaListed() {
        String device = "DSJ0005678";
        String officer = "100567";
        LocalDateTime day = LocalDateTime.of(2019, 2, 18, 10, 0, 0);
        return new DumpSpec("ST02_DSJ0005678_20190218120000", "ST02", device, officer, "李四",
                "2019-02-18T12:00:00+08:00", "2019-02-18T12:00:01+08:00", true, List.of(
                trueUtc(device, officer, day, 1, 15),
                trueUtc(device, officer, day.plusSeconds(15), 2, 15),
                FileSpec.photo(fileName(device, officer, day.plusSeconds(5), 3, false).replace(".mp4", ".jpg"),
                        new PhotoSpec(PhotoSpec.JPEG, 160, 120, day.plusSeconds(5), "40", ZoneOffset.ofHours(8),
                                "Hikvision", "DSJ-T9", false, 1.0)),
                FileSpec.recording(fileName(device, officer, day.plusSeconds(30), 4, false).replace(".mp4", ".wav"),
                        RecorderSpec.audio("wav", 10)),
                FileSpec.recording(fileName(device, officer, day.plusSeconds(40), 5, false).replace(".mp4", ".amr"),
                        RecorderSpec.audio("amr", 10)),
                FileSpec.bytes("notes.txt", ("李四 2019-02-18 巡查记录\n"
                        + "10:00 到达现场，开始执法记录。\n"
                        + "10:30 结束。\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** No station, no manifest: device and officer only from the file name, clock unverified. */
    private static DumpSpec withoutManifest() {
        String device = "DSJ0009999";
        String officer = "100999";
        LocalDateTime start = LocalDateTime.of(2019, 2, 19, 8, 30, 0);
        return new DumpSpec("DSJ0009999_nomanifest", null, device, officer, null, null, null, false, List.of(
                FileSpec.video(fileName(device, officer, start, 1, false), VideoSpec.small(10, null))));
    }

    private static FileSpec localAsUtc(String device, String officer, LocalDateTime local, int seq, boolean important,
                                       double seconds) {
        return FileSpec.video(fileName(device, officer, local, seq, important),
                VideoSpec.small(seconds, asIfUtc(local)));
    }

    private static FileSpec trueUtc(String device, String officer, LocalDateTime local, int seq, double seconds) {
        return FileSpec.video(fileName(device, officer, local, seq, false),
                VideoSpec.small(seconds, local.atZone(DEVICE_ZONE).toInstant().toString()));
    }

    /** The common device quirk: local wall-clock time written with a Z. */
    private static String asIfUtc(LocalDateTime local) {
        return local.toInstant(ZoneOffset.UTC).toString();
    }

    /** {device}_{officer}_{yyyyMMdd}_{HHmmss}_{seq}[_IMP].mp4, time in the device's local zone. */
    static String fileName(String device, String officer, LocalDateTime local, int seq, boolean important) {
        return String.format("%s_%s_%s_%04d%s.mp4", device, officer, NAME_TIME.format(local), seq,
                important ? "_IMP" : "");
    }

    private static byte[] deviceLog(String device, LocalDateTime day) {
        String text = String.join("\n",
                LOG_TIME.format(day.minusMinutes(5)) + " " + device + " power on, battery 97%",
                LOG_TIME.format(day) + " record start",
                LOG_TIME.format(day.plusSeconds(40)) + " record stop",
                LOG_TIME.format(day.plusSeconds(70)) + " record start (IMP)",
                LOG_TIME.format(day.plusSeconds(90)) + " record stop",
                LOG_TIME.format(day.plusSeconds(120)) + " record start",
                LOG_TIME.format(day.plusSeconds(132)) + " battery critical, power lost",
                "");
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

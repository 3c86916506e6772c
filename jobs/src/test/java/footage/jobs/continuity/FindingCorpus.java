package footage.jobs.continuity;

import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Four dumps whose ingest raises every timeline finding kind of docs/formats.md §6: device {@link #A} (clock 95 s fast, a gap,
 * an overlap, a jump, a truncated file, a creation_time far from its name), {@link #LATE} (docked two days after
 * recording), {@link #NOCLOCK} (no manifest) and {@link #BADDATE} (file names dated 30 February). Eleven media files,
 * taken in in this order.
 */
final class FindingCorpus {

    static final String A = "DSJ7000001";
    static final String LATE = "DSJ7000002";
    static final String NOCLOCK = "DSJ7000003";
    static final String BADDATE = "DSJ7000004";
    static final int FILES = 11;

    private FindingCorpus() {
    }

    static String name(String device, String date, String time, int seq) {
        return device + "_100234_" + date + "_" + time + "_" + String.format("%04d", seq) + ".mp4";
    }

    static VideoSpec clip(double seconds, String creationTime) {
        return VideoSpec.small(seconds, creationTime);
    }

    static void write(Path drop) throws IOException {
        SampleDumpGenerator g = new SampleDumpGenerator();
        // device A: clock 95 s fast; creation_time is local time written as UTC (the quirk: no mismatch)
        g.writeDump(drop, new DumpSpec("A1", "ST01", A, "100234", "张三", "2019-03-01T18:00:00+08:00",
                "2019-03-01T18:01:35+08:00", true, List.of(
                FileSpec.video(name(A, "20190301", "090000", 1), clip(20, "2019-03-01T09:00:00Z")),
                FileSpec.video(name(A, "20190301", "090020", 2), clip(20, "2019-03-01T09:00:20Z")),
                FileSpec.video(name(A, "20190301", "090110", 3), clip(20, "2019-03-01T09:01:10Z")),
                FileSpec.video(name(A, "20190301", "090125", 4), clip(20, "2019-03-01T09:01:25Z")),
                FileSpec.video(name(A, "20190301", "090200", 5), clip(10, "2019-03-01T09:02:00Z").withJump(5, 3)),
                FileSpec.video(name(A, "20190301", "090300", 6), clip(20, "2019-03-01T09:03:00Z").truncatedTo(0.6)),
                FileSpec.video(name(A, "20190301", "090400", 7), clip(10, "2019-03-01T01:10:00Z")))));
        // device LATE: accurate clock, docked two days after recording
        g.writeDump(drop, new DumpSpec("L1", "ST02", LATE, "100567", "李四", "2019-03-03T12:00:00+08:00",
                "2019-03-03T12:00:00+08:00", true, List.of(
                FileSpec.video(name(LATE, "20190301", "090000", 1).replace("100234", "100567"), clip(20, null)))));
        // device NOCLOCK: no manifest, so its clock was never read
        g.writeDump(drop, new DumpSpec("N1", null, NOCLOCK, "100999", null, null, null, false, List.of(
                FileSpec.video(name(NOCLOCK, "20190301", "100000", 1).replace("100234", "100999"), clip(10, null)))));
        // device BADDATE: names dated 30 February; recorded on 5 March (so says the container) and docked 8 h later
        g.writeDump(drop, new DumpSpec("B1", "ST03", BADDATE, "100234", "张三", "2024-03-05T17:00:00+08:00",
                "2024-03-05T17:00:00+08:00", true, List.of(
                FileSpec.video(name(BADDATE, "20240230", "090000", 1), clip(10, "2024-03-05T01:00:00Z")),
                FileSpec.video(name(BADDATE, "20240230", "100000", 2), clip(10, null)))));
    }
}

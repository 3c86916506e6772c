package footage.pipeline.bench;

import footage.pipeline.continuity.ContinuityRules;
import footage.pipeline.continuity.DeviceTimeline;
import footage.pipeline.continuity.Dock;
import footage.pipeline.continuity.Segment;
import footage.pipeline.continuity.TimelineAnalyzer;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Timeline analysis at scale (issue 3): 1,000,000 segments over 1,000 devices must take at most 2 s, and ten
 * times the input at most twelve times the time (checked as 100,000 -> 1,000,000 over the same 1,000 devices).
 * Inputs are made before the clock starts; segments are shuffled so the sort does real work; about one in
 * twenty deltas is a gap and one in a hundred an overlap.
 *
 * <pre>TimelineBenchmark [DEVICES] [SEGMENTS]   defaults 1000 1000000</pre>
 */
public final class TimelineBenchmark {

    private TimelineBenchmark() {
    }

    public static void main(String[] args) {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int segments = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        TimelineAnalyzer analyzer = new TimelineAnalyzer(ContinuityRules.defaults(ZoneId.of("Asia/Shanghai")));

        List<List<Segment>> small = input(devices, segments / 10, 1);
        List<List<Segment>> large = input(devices, segments, 2);
        for (int i = 0; i < 3; i++) {
            run(analyzer, small); // warm-up: JIT, zone rules
        }
        double smallSeconds = best(analyzer, small, 5);
        double largeSeconds = best(analyzer, large, 3);
        double scaling = largeSeconds / smallSeconds;
        System.out.printf("timeline: %,d segments / %d devices: %.3f s (best of 5); %,d segments: %.3f s (best of 3); x%.2f%n",
                segments / 10, devices, smallSeconds, segments, largeSeconds, scaling);
        BenchResult.print(BenchResult.f("timeline analysis, %,d segments / %,d devices", segments, devices),
                "target 2.000 s", BenchResult.f("%.3f s", largeSeconds), BenchResult.f("%.2f", largeSeconds / 2.0),
                "<= 1.00 (<= 2 s)", largeSeconds <= 2.0);
        BenchResult.print("timeline analysis, 10x input -> time factor",
                BenchResult.f("%,d seg: %.3f s", segments / 10, smallSeconds), BenchResult.f("%,d seg: %.3f s", segments, largeSeconds),
                BenchResult.f("%.2f", scaling), "<= 12", scaling <= 12);
    }

    private static double best(TimelineAnalyzer analyzer, List<List<Segment>> input, int rounds) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long findings = run(analyzer, input);
            double s = (System.nanoTime() - t0) / 1e9;
            if (findings == 0) {
                throw new IllegalStateException("no findings: the input is not exercising the rules");
            }
            best = Math.min(best, s);
        }
        return best;
    }

    private static long run(TimelineAnalyzer analyzer, List<List<Segment>> input) {
        long findings = 0;
        for (int d = 0; d < input.size(); d++) {
            List<Segment> segments = input.get(d);
            DeviceTimeline t = analyzer.analyze("D" + d, segments, List.of(segments.get(0).dock()));
            findings += t.findings().size();
        }
        return findings;
    }

    private static List<List<Segment>> input(int devices, int segments, long seed) {
        Random random = new Random(seed);
        OffsetDateTime docked = OffsetDateTime.parse("2019-03-01T18:00:00+08:00");
        List<List<Segment>> all = new ArrayList<>(devices);
        int perDevice = segments / devices;
        for (int d = 0; d < devices; d++) {
            Dock dock = new Dock("dump-" + d, "D" + d, docked, docked.plusSeconds(random.nextInt(20) - 10));
            List<Segment> list = new ArrayList<>(perDevice);
            LocalDateTime at = LocalDateTime.parse("2019-01-01T08:00:00");
            for (int i = 0; i < perDevice; i++) {
                int roll = random.nextInt(100);
                long delta = roll < 5 ? 60 : roll < 6 ? -5 : roll < 7 ? 3600 : 0;
                list.add(new Segment("sha-" + d + "-" + i, "f" + i + ".mp4", dock, at, null, 60.0, false, "o" + d, List.of()));
                at = at.plusSeconds(60 + delta);
            }
            java.util.Collections.shuffle(list, random);
            all.add(list);
        }
        return all;
    }
}

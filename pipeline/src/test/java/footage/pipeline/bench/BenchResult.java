package footage.pipeline.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One line of the benchmark summary. {@code bench/run.sh} collects the lines that start with
 * {@code RESULT|} from every benchmark and prints them as a table; everything else a benchmark
 * prints is detail for its log.
 */
final class BenchResult {

    static final double MIB = 1024.0 * 1024.0;

    private BenchResult() {
    }

    /** Prints {@code RESULT|name|baseline|ours|ratio|target|verdict}. */
    static void print(String name, String baseline, String ours, String ratio, String target, boolean met) {
        System.out.println(String.join("|", "RESULT", name, baseline, ours, ratio, target, met ? "meets" : "MISSES"));
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static double best(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String seconds(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(f("%.3f s", v));
        }
        return s.toString();
    }
}

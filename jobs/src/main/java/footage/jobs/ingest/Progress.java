package footage.jobs.ingest;

import java.util.Locale;

/** "120.0 MiB of 2.0 GiB, 95.3 MiB/s, ETA 20 s": what a person watching a long run wants to know. */
final class Progress {

    private Progress() {
    }

    static String of(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        if (done == 0 || seconds < 0.5) {
            return bytes(done) + " of " + bytes(total);
        }
        double rate = done / seconds;
        long eta = Math.round(Math.max(0, total - done) / rate);
        return String.format(Locale.ROOT, "%s of %s, %s/s, ETA %d s", bytes(done), bytes(total), bytes((long) rate), eta);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

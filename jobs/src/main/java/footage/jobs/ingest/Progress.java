package footage.jobs.ingest;

import footage.jobs.Sizes;

import java.util.Locale;

/** "120.0 MiB of 2.0 GiB, 95.3 MiB/s, ETA 20 s": what a person watching a long run wants to know. */
final class Progress {

    private Progress() {
    }

    static String of(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        if (done == 0 || seconds < 0.5) {
            return Sizes.bytes(done) + " of " + Sizes.bytes(total);
        }
        double rate = done / seconds;
        long eta = Math.round(Math.max(0, total - done) / rate);
        return String.format(Locale.ROOT, "%s of %s, %s/s, ETA %d s", Sizes.bytes(done), Sizes.bytes(total), Sizes.bytes((long) rate), eta);
    }

}

package footage.jobs.transcode;

import footage.jobs.partition.IdRange;
import footage.pipeline.media.RecordingKind;
import footage.pipeline.transcode.Profile;
import footage.pipeline.transcode.Profiles;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The derivatives one partition still has to make: recordings with {@code id mod partitions = partition} (the threads
 * of a single node) within the partition's id range (the remote partitions of a cluster; every id on a single node),
 * in id order, times the profiles meant for them that have no catalogued row yet. The catalog is the restart state (as for the
 * fixity audit): whatever a killed or stopped run committed is not read again, whatever it did not commit is.
 * Recordings moved out to expired/ get no derivatives. A recording with video or sound not decode-checked yet gets its
 * check from the first of its derivatives that decodes it whole ({@link Profile#decodesWhole}); when none of this
 * run's does (no such profile, a sound-only recording), from a decode-check item of its own after its derivatives.
 */
class TranscodeReader implements ItemReader<TranscodeItem> {

    private static final int PAGE = 100;

    private final JdbcClient jdbc;
    private final Derivatives derivatives;
    private final List<Profile> profiles;
    private final IdRange range;
    private final int partition;
    private final int partitions;
    private final Deque<TranscodeItem> queue = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    private record Recording(long id, String sha256, String archivePath, String originalPath, String status,
                             String container, String videoCodec, String audioCodec, boolean decodeChecked,
                             String kind) {

        /** A recording with a stream to decode that has no decode check yet. */
        boolean needsDecodeCheck() {
            return !decodeChecked && (videoCodec != null || audioCodec != null);
        }
    }

    TranscodeReader(JdbcClient jdbc, Derivatives derivatives, Profiles profiles, IdRange range, int partition,
                    int partitions) {
        this.jdbc = jdbc;
        this.derivatives = derivatives;
        this.profiles = profiles.all();
        this.range = range;
        this.lastId = range.first() - 1;
        this.partition = partition;
        this.partitions = partitions;
    }

    @Override
    public TranscodeItem read() {
        while (queue.isEmpty() && !exhausted) {
            fill();
        }
        return queue.poll();
    }

    private void fill() {
        List<Recording> page = jdbc.sql("SELECT id, sha256, archive_path, original_path, status, container, video_codec, "
                        + "audio_codec, decode_checked_at, kind FROM recordings WHERE id > ? AND id <= ? AND MOD(id, ?) = ? "
                        + "AND archive_path NOT LIKE 'expired/%' ORDER BY id LIMIT ?")
                .params(lastId, range.last(), partitions, partition, PAGE)
                .query((rs, n) -> new Recording(rs.getLong("id"), rs.getString("sha256"), rs.getString("archive_path"),
                        rs.getString("original_path"), rs.getString("status"), rs.getString("container"),
                        rs.getString("video_codec"), rs.getString("audio_codec"), rs.getObject("decode_checked_at") != null,
                        rs.getString("kind")))
                .list();
        if (page.size() < PAGE) {
            exhausted = true;
        }
        if (page.isEmpty()) {
            return;
        }
        lastId = page.get(page.size() - 1).id();
        Map<Long, Set<String>> done = derivatives.profilesOf(page.stream().map(Recording::id).toList());
        for (Recording r : page) {
            Set<String> has = done.getOrDefault(r.id(), Set.of());
            // the first derivative that decodes the whole recording is its decode check; without one, a check of its own
            boolean checking = !r.needsDecodeCheck();
            // each profile is made of its kinds of recording only (applies-to): no video proxy of a photo or a WAV
            RecordingKind kind = RecordingKind.valueOf(r.kind());
            for (Profile p : profiles) {
                if (p.appliesTo(kind) && !has.contains(p.name()) && p.notApplicable(r.container(), r.videoCodec(), r.audioCodec()).isEmpty()) {
                    boolean decodes = !checking && p.decodesWhole(r.videoCodec(), r.audioCodec());
                    checking |= decodes;
                    queue.add(new TranscodeItem(r.id(), r.sha256(), r.archivePath(), r.originalPath(), r.status(), p,
                            decodes));
                }
            }
            if (!checking) {
                queue.add(TranscodeItem.decodeCheck(r.id(), r.sha256(), r.archivePath(), r.originalPath(), r.status()));
            }
        }
    }
}

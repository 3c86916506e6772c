package footage.pipeline.sample;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A synthetic docking-station dump (docs/formats.md §3). Manifest fields left null are omitted from the
 * manifest; a deliberately malformed manifest can be written as {@code FileSpec.bytes("manifest.json", ...)}
 * with {@code writeManifest = false}.
 *
 * @param folder             the dump's folder name inside the drop folder (one path segment)
 * @param dockedAt           ISO offset date-time, e.g. 2019-02-17T18:05:12+08:00
 * @param deviceClockAtDock  ISO offset date-time read from the device at dock, or null
 */
public record DumpSpec(String folder, String station, String deviceId, String officerId, String officerName,
                       String dockedAt, String deviceClockAtDock, boolean writeManifest, List<FileSpec> files) {

    public DumpSpec {
        Objects.requireNonNull(folder, "folder");
        if (folder.isEmpty() || folder.contains("/") || folder.contains("\\") || folder.equals(".")
                || folder.equals("..")) {
            throw new IllegalArgumentException("folder must be a single path segment but was '" + folder + "'");
        }
        requireOffsetDateTime("dockedAt", dockedAt);
        requireOffsetDateTime("deviceClockAtDock", deviceClockAtDock);
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        Set<String> paths = new HashSet<>();
        for (FileSpec file : files) {
            if (!paths.add(file.path())) {
                throw new IllegalArgumentException("duplicate file path '" + file.path() + "' in dump " + folder);
            }
            if (writeManifest && file.path().equals(ManifestWriter.FILE_NAME)) {
                throw new IllegalArgumentException("'" + ManifestWriter.FILE_NAME
                        + "' is written by the generator; set writeManifest=false to supply your own");
            }
        }
    }

    private static void requireOffsetDateTime(String name, String value) {
        if (value == null) {
            return;
        }
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO offset date-time such as "
                    + "2019-02-17T18:05:12+08:00 but was '" + value + "'", e);
        }
    }
}
